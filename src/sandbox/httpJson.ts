import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * An error of the sandbox-only routes (portal, directory, JWKS) as JSON `{ "code", "message" }` with its HTTP
 * status. The API answers problem details instead (api/problems.ts), as Thredd's does.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

export function sendText(
  response: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** An answer without a body, such as a 204. */
export function sendEmpty(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'cache-control': 'no-store', ...headers });
  response.end();
}

/** The request's body as sent, up to MAX_BODY_BYTES; past that, the error `tooLarge` makes is thrown. */
export async function readBodyBytes(request: IncomingMessage, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A JSON media type, as Thredd's OpenAPI accepts them: application/json, text/json and application/*+json (its own
 * cURL examples send that literally), and any +json suffix.
 */
export function isJsonMediaType(contentType: string | undefined): boolean {
  return /^\s*(application\/([\w.*+-]*\+)?json|text\/json)\s*(;|$)/i.test(contentType ?? '');
}

/** The request's JSON object body, for the portal; a missing, oversized or malformed body is a 400 saying which. */
export async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const type = String(request.headers['content-type'] ?? '');
  if (!isJsonMediaType(type)) {
    throw new ApiError(
      400,
      'invalid_request',
      `The body must be JSON: send "Content-Type: application/json" (got ${type ? `"${type}"` : 'none'}).`,
    );
  }
  const tooLarge = () => new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  const bytes = await readBodyBytes(request, tooLarge);
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new ApiError(400, 'invalid_request', 'The body is empty: send a JSON object.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_request', `The body is not valid JSON: ${(error as Error).message}.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new ApiError(400, 'invalid_request', 'The body must be a JSON object ({ ... }).');
  return value as Record<string, unknown>;
}
