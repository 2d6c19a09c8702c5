import type { HttpHeaders } from '../http/types';
import type { ResolvedBody, ResolvedBodyPart, ResolvedHeader, ResolvedRequest, SecretUse } from '../requestFile/resolveTypes';
import { MASK, redactSecrets } from '../requestFile/secrets';
import type { SentBody, SentRequest } from './types';

/** Bodies are previewed up to this size in results and reports. */
export const BODY_PREVIEW_BYTES = 64 * 1024;

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);

/** `Bearer abc` → `Bearer ••••••`; a value without a scheme is masked whole. */
export function maskCredential(value: string): string {
  const scheme = /^[A-Za-z][\w.~+/-]*(?=\s)/.exec(value)?.[0];
  return scheme ? `${scheme} ${MASK}` : MASK;
}

/**
 * The request as the user may see and store it: Authorization (and Proxy-Authorization) masked after
 * their scheme, and every secret value that went in (secret variables, the token) masked everywhere.
 */
export function redactRequest(request: ResolvedRequest, body: Buffer | undefined, secrets: readonly SecretUse[]): SentRequest {
  const mask = (text: string) => (secrets.length ? redactSecrets(text, secrets) : text);
  const headers = request.headers.map((header) => ({
    name: header.name,
    value: CREDENTIAL_HEADERS.has(header.name.toLowerCase()) ? maskCredential(header.value) : mask(header.value),
  }));
  const sent: SentRequest = { method: request.method, url: mask(request.url), headers };
  if (request.body && body) sent.body = sentBody(request.body, body, mask);
  return sent;
}

function sentBody(source: ResolvedBody, bytes: Buffer, mask: (text: string) => string): SentBody {
  const head = bytes.subarray(0, BODY_PREVIEW_BYTES);
  const binary = head.subarray(0, 1024).includes(0) || !isUtf8(head, bytes.length > BODY_PREVIEW_BYTES);
  return {
    preview: binary ? `<${bytes.length} bytes of binary data>` : mask(head.toString('utf8')),
    size: bytes.length,
    binary,
    truncated: bytes.length > BODY_PREVIEW_BYTES,
    source: maskBodySource(source, mask),
  };
}

/** The body with `mask` applied to its text parts; file parts stay paths. */
export function maskBodySource(source: ResolvedBody, mask: (text: string) => string): ResolvedBody {
  const maskPart = (part: ResolvedBodyPart): ResolvedBodyPart => (part.kind === 'text' ? { kind: 'text', text: mask(part.text) } : part);
  return source.kind === 'mixed' ? { ...source, parts: source.parts.map(maskPart) } : maskPart(source);
}

function isUtf8(bytes: Buffer, cut: boolean): boolean {
  try {
    // A preview cut in the middle of a character is still text: let the decoder wait for the rest.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
    return true;
  } catch {
    return false;
  }
}

/** Masks a token the server echoes back (rare, but it must never reach a screen or history). */
export function maskTokenInHeaders(headers: HttpHeaders, token: string | undefined): HttpHeaders {
  if (!token) return headers;
  let touched = false;
  const masked: HttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    const replace = (item: string) => (item.includes(token) ? ((touched = true), item.split(token).join(MASK)) : item);
    masked[name] = Array.isArray(value) ? value.map(replace) : replace(value);
  }
  return touched ? masked : headers;
}

/** `{name: value}` with repeated names joined by ", " (RFC 9110 §5.3), for reports. */
export function headerRecord(headers: readonly ResolvedHeader[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const header of headers) record[header.name] = header.name in record ? `${record[header.name]}, ${header.value}` : header.value;
  return record;
}
