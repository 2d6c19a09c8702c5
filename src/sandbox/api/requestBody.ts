import type { IncomingMessage } from 'node:http';
import { isJsonMediaType, MAX_BODY_BYTES, readBodyBytes } from '../httpJson';
import { invalidRequest } from './problems';

/** The body bytes as sent: idempotency compares them before they are read as JSON. */
export function readRequestBytes(request: IncomingMessage): Promise<Buffer> {
  return readBodyBytes(request, () => invalidRequest({ '': [`The body is larger than the sandbox takes (${MAX_BODY_BYTES} bytes).`] }));
}

/**
 * The JSON value of a body, which the operation's schema then checks. What keeps it from being read at all is a
 * 400 about the body itself (key ''), as ASP.NET reports an unreadable body.
 */
export function parseJsonBody(contentType: string | undefined, bytes: Buffer): unknown {
  if (!isJsonMediaType(contentType)) {
    const sent = contentType ? `it was sent as ${contentType}` : 'no Content-Type was sent';
    throw invalidRequest({ '': [`The body must be JSON (Content-Type: application/json, text/json or application/*+json); ${sent}.`] });
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw invalidRequest({ '': ['A non-empty request body is required.'] });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidRequest({ '': [`The body is not valid JSON: ${(error as Error).message}.`] });
  }
}
