import type { IncomingMessage } from 'node:http';
import type { Params } from './router';

export type ListenerName = 'tls' | 'mtls';

/** One request as the sandbox's route handlers see it. */
export interface RequestContext {
  request: IncomingMessage;
  url: URL;
  params: Params;
  listener: ListenerName;
  /** x5t#S256 of the verified client certificate on this connection (mTLS listener only). */
  clientX5tS256?: string;
  /** The W3C trace id a problem answered to this request carries (traceContext.ts). */
  traceId: string;
}

/**
 * What a route answers; requestHandler writes it, so every answer can be checked (e.g. against the
 * catalogue's response schema) before it goes out. `body` is sent as JSON (none when absent, as for a 204);
 * `text` as it is, with its type.
 */
export type RouteResult = { status: number; headers?: Record<string, string> } & (
  { body?: unknown } | { text: string; contentType: string }
);

export type RouteHandler = (context: RequestContext) => Promise<RouteResult> | RouteResult;
