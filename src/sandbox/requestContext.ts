import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from './router';

export type ListenerName = 'tls' | 'mtls';

/** One request as the sandbox's route handlers see it. */
export interface RequestContext {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  params: Params;
  listener: ListenerName;
  /** x5t#S256 of the verified client certificate on this connection (mTLS listener only). */
  clientX5tS256?: string;
}

export type RouteHandler = (context: RequestContext) => Promise<void> | void;
