import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { HttpClient } from '../../http/httpClient';
import { HttpError } from '../../http/httpError';
import { bodyBytes } from '../../http/responseBody';
import type { HttpHeaders, TlsSettings } from '../../http/types';
import { headerText, parseContentType } from '../../runner/decodeBody';
import type { EhiMessage } from '../messages/types';
import type { EhiAnswer } from './types';

/** The user's EHI endpoint as the simulator reaches it. */
export interface EhiEndpoint {
  url: string;
  /** One client for every message, so the connection stays warm as Thredd's does. */
  http: HttpClient;
  /** Extra trusted CAs (`--ca`) and, over mTLS, the EHI client certificate. */
  tls?: TlsSettings;
  /** How long Thredd waits for the whole answer (1.11 EHI Configuration Options: 200 ms by default). */
  timeoutMs: number;
  /** The request headers that sign these exact body bytes (`X-Thredd-Signature`); none when unsigned. */
  sign?: (body: Uint8Array) => HttpHeaders;
}

/** W3C Trace Context: a fresh trace per message, as Thredd's optional `traceparent` header. */
export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** POSTs one message as Thredd does (JSON, traceparent, signature) and returns what came back within the timeout. */
export async function postEhiMessage(endpoint: EhiEndpoint, message: EhiMessage): Promise<EhiAnswer> {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const headers: HttpHeaders = { 'content-type': 'application/json', traceparent: newTraceparent(), ...endpoint.sign?.(body) };
  // undici's own timers tick coarsely; an exact timer and a signal end the wait at the timeout, as Thredd's does.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), endpoint.timeoutMs);
  const started = performance.now();
  try {
    const response = await endpoint.http.send({
      method: 'POST',
      url: endpoint.url,
      headers,
      body,
      tls: endpoint.tls,
      signal: deadline.signal,
      timeouts: { connectMs: endpoint.timeoutMs, headersMs: endpoint.timeoutMs, bodyMs: endpoint.timeoutMs },
    });
    const durationMs = response.timings.total;
    const bytes = await bodyBytes(response.body);
    const contentType = parseContentType(headerText(response.headers, 'content-type')).type;
    return { outcome: 'response', durationMs, status: response.status, contentType, bodyText: bytes.toString('utf8') };
  } catch (error) {
    const durationMs = performance.now() - started;
    if (deadline.signal.aborted) return { outcome: 'timeout', durationMs };
    if (error instanceof HttpError) {
      if (error.kind.startsWith('timeout-')) return { outcome: 'timeout', durationMs };
      return { outcome: 'error', durationMs, message: error.message, fix: error.fix };
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
