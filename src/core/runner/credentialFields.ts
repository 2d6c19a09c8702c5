import { mapHeaderValues } from '../http/headers';
import type { HttpHeaders } from '../http/types';
import { MASK } from '../requestFile/secrets';
import { maskCredential } from './redact';

/** OAuth, registration and key fields whose values are credentials (RFC 6749, 7521, 7591/7592), in JSON bodies. */
const JSON_NAMES =
  'access_token|refresh_token|id_token|client_secret|client_assertion|assertion|registration_access_token|password|passphrase|private_key';
/** Form and query parameters add the token being introspected or revoked and exchange/PKCE values (RFC 7662, 7009, 8693, 7636). */
const FORM_NAMES = `${JSON_NAMES}|token|subject_token|actor_token|code|code_verifier`;
// A value may be cut by a preview limit: an unterminated one runs to the end of the text.
const IN_JSON = new RegExp(`("(?:${JSON_NAMES})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)("|$)`, 'g');
const IN_FORM = new RegExp(`(^|[&?])(${FORM_NAMES})=([^&\\s#]*)`, 'g');
const MASKED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/**
 * Masks credential values in text kept or shown after the fact (history, logs): a token endpoint's
 * answer sent from a .thredd file, a client_secret in a form body, an access_token in a URL. The live
 * response view shows what the user asked for; what is stored or logged must not keep it.
 */
export function maskCredentialFields(text: string): string {
  return text
    .replace(IN_JSON, (_match, open: string, _value: string, close: string) => `${open}${MASK}${close}`)
    .replace(IN_FORM, (_match, start: string, name: string) => `${start}${name}=${MASK}`);
}

/** Authorization keeps its scheme (`Bearer ••••••`); cookies are masked whole; other headers are kept. */
export function maskCredentialHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (!MASKED_HEADERS.has(lower)) return value;
  return lower.endsWith('authorization') ? maskCredential(value) : MASK;
}

export function maskCredentialHeaders(headers: HttpHeaders): HttpHeaders {
  return mapHeaderValues(headers, maskCredentialHeader);
}
