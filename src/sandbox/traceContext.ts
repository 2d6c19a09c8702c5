import { randomBytes } from 'node:crypto';

const TRACEPARENT = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;
const INVALID_TRACE_ID = '0'.repeat(32);

/**
 * The traceId of a problem, as Thredd's read: `00-<trace id>-<span id>-00` (W3C Trace Context §3.2). A request
 * that sends a valid `traceparent` keeps its trace id, so the client can find the call in its own traces; the
 * span is the sandbox's own, new for each call, as a server's span would be.
 */
export function traceIdFor(traceparent: string | string[] | undefined): string {
  const sent = TRACEPARENT.exec(String(Array.isArray(traceparent) ? traceparent[0] : (traceparent ?? '')).trim())?.[1];
  const traceId = sent && sent !== INVALID_TRACE_ID ? sent : randomBytes(16).toString('hex');
  return `00-${traceId}-${randomBytes(8).toString('hex')}-00`;
}
