import type { IncomingMessage, ServerResponse } from 'node:http';

/** An API error as Thredd-style JSON `{ "code", "message" }` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** e.g. WWW-Authenticate for 401/403 (RFC 6750 §3). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, contentType: string, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendError(response: ServerResponse, error: ApiError): void {
  sendJson(response, error.status, { code: error.code, message: error.message }, error.headers);
}

/** The request's JSON object body; a missing, oversized or malformed body is a 400 saying which. */
export async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const type = String(request.headers['content-type'] ?? '');
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError(400, 'invalid_request', `The body must be JSON: send "Content-Type: application/json" (got ${type ? `"${type}"` : 'none'}).`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new ApiError(400, 'invalid_request', 'The body is empty: send a JSON object.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_request', `The body is not valid JSON: ${(error as Error).message}.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ApiError(400, 'invalid_request', 'The body must be a JSON object ({ ... }).');
  return value as Record<string, unknown>;
}
