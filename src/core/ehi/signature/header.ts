/**
 * The `X-Thredd-Signature` header. Its one published syntax is `k=<kid>, s=<signature>` (Thredd's delegated
 * SMS notifications, "Notification Signature"); the EHI TLS page ("Implement signature validation logic")
 * names the same header and the same two parts.
 */
export const EHI_SIGNATURE_HEADER = 'X-Thredd-Signature';

/** How `s` is written. We sign with hex (see signEhiBody); a verifier accepts any of these. */
export type EhiSignatureEncoding = 'hex' | 'base64' | 'base64url';

export interface EhiSignatureCandidate {
  encoding: EhiSignatureEncoding;
  bytes: Buffer;
}

export interface ParsedEhiSignature {
  kid: string;
  /** `s` as written in the header. */
  signatureText: string;
  /** The most likely reading of `s` by its alphabet (hex first); the verifier picks by the key's length. */
  encoding: EhiSignatureEncoding;
  signature: Buffer;
  /** Every way `s` decodes, most likely first: a hex-only string may also be base64. */
  candidates: EhiSignatureCandidate[];
}

export type ParseEhiSignatureResult = { ok: true; value: ParsedEhiSignature } | { ok: false; reason: 'malformed-header'; message: string };

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** The value Thredd sends: `k=<kid>, s=<signature>`. */
export function formatEhiSignatureHeader(kid: string, signatureText: string): string {
  return `k=${kid}, s=${signatureText}`;
}

/**
 * Reads `k=<kid>, s=<signature>`. Parts are separated by commas; white space (including the line breaks of
 * the published example) around them is ignored, order does not matter, and parameters other than k and s
 * are ignored so a future one does not break verification. A missing, empty or repeated k or s is an error.
 */
export function parseEhiSignatureHeader(value: string): ParseEhiSignatureResult {
  const fail = (message: string): ParseEhiSignatureResult => ({ ok: false, reason: 'malformed-header', message });
  const text = value.trim().replace(new RegExp(`^${EHI_SIGNATURE_HEADER}\\s*:`, 'i'), '');
  const found: Record<string, string> = {};
  for (const rawPart of text.split(',')) {
    const part = rawPart.trim();
    if (part === '') continue;
    const equals = part.indexOf('=');
    if (equals <= 0) return fail(`"${abbreviate(part)}" is not a name=value part; the header reads "k=<kid>, s=<signature>".`);
    const name = part.slice(0, equals).trim().toLowerCase();
    const partValue = part.slice(equals + 1).trim();
    if (name !== 'k' && name !== 's') continue;
    if (name in found) return fail(`"${name}=" appears twice; the header has one key id (k) and one signature (s).`);
    found[name] = partValue;
  }
  if (!found.k) return fail('The key id "k=<kid>" is missing or empty; the header reads "k=<kid>, s=<signature>".');
  if (/[\s;]/.test(found.k)) {
    return fail(
      `The key id "${abbreviate(found.k)}" contains ";" or white space; parts are separated by commas: "k=<kid>, s=<signature>".`,
    );
  }
  if (!found.s) return fail('The signature "s=<signature>" is missing or empty; the header reads "k=<kid>, s=<signature>".');
  const candidates = decodeCandidates(found.s);
  if (candidates.length === 0) return fail(`The signature "s=${abbreviate(found.s)}" is neither hex nor base64 nor base64url.`);
  const [first] = candidates;
  return { ok: true, value: { kid: found.k, signatureText: found.s, encoding: first.encoding, signature: first.bytes, candidates } };
}

/** Every encoding `s` is valid in, hex first (the alphabet of Thredd's published example). */
function decodeCandidates(text: string): EhiSignatureCandidate[] {
  const candidates: EhiSignatureCandidate[] = [];
  if (HEX.test(text)) candidates.push({ encoding: 'hex', bytes: Buffer.from(text, 'hex') });
  if (BASE64.test(text) && validPadding(text)) candidates.push({ encoding: 'base64', bytes: Buffer.from(text, 'base64') });
  else if (BASE64URL.test(text) && validPadding(text)) candidates.push({ encoding: 'base64url', bytes: Buffer.from(text, 'base64url') });
  return candidates;
}

/** Padded base64 is a multiple of 4 long; unpadded text must not leave a lone sixth of a byte (length % 4 == 1). */
function validPadding(text: string): boolean {
  return text.endsWith('=') ? text.length % 4 === 0 : text.length % 4 !== 1;
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
