// Checks Thredd's X-Thredd-Signature header: "k=<kid>, s=<signature>", SHA256withRSA over the exact body bytes
// (EHI TLS page, step 4: find k and s, look the key up in Thredd's JWKS, verify, reject on failure).
import { constants, createPublicKey, verify } from 'node:crypto';

/** Reads "k=<kid>, s=<signature>" (any order, white space allowed); null when malformed. */
export function parseSignatureHeader(value) {
  if (typeof value !== 'string') return null;
  const parts = {};
  for (const part of value.split(',')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'k' || name === 's') parts[name] = rest.join('=').trim();
  }
  return parts.k && parts.s ? { kid: parts.k, signature: parts.s } : null;
}

/**
 * The signature bytes for a key of `length` bytes. Thredd has not published whether `s` is hex or base64, so
 * we take whichever decodes to the key's length: an RSA signature is exactly as long as the modulus.
 */
export function decodeSignature(text, length) {
  if (/^[0-9a-fA-F]+$/.test(text) && text.length === length * 2) return Buffer.from(text, 'hex');
  const bytes = Buffer.from(text, /[-_]/.test(text) ? 'base64url' : 'base64');
  return bytes.length === length ? bytes : null;
}

/** A JWKS entry as a Node public key and its length in bytes; null when it is not an RSA signing key. */
export function importKey(jwk) {
  if (jwk.kty !== 'RSA' || (jwk.use && jwk.use !== 'sig')) return null;
  const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
  return { key, length: key.asymmetricKeyDetails.modulusLength / 8 };
}

/** { ok: true, kid } or { ok: false, reason, message }; `findKey(kid)` returns the imported key or null. */
export async function verifyRequest(body, headerValue, findKey) {
  const header = parseSignatureHeader(headerValue);
  if (!header) return { ok: false, reason: 'malformed-header', message: 'X-Thredd-Signature is missing or not "k=<kid>, s=<signature>".' };
  const key = await findKey(header.kid);
  if (!key) return { ok: false, reason: 'unknown-kid', message: `No key "${header.kid}" in Thredd's JWKS.` };
  const signature = decodeSignature(header.signature, key.length);
  if (!signature) return { ok: false, reason: 'wrong-length', message: `The signature is not ${key.length} bytes in hex or base64.` };
  const good = verify('sha256', body, { key: key.key, padding: constants.RSA_PKCS1_PADDING }, signature);
  return good
    ? { ok: true, kid: header.kid }
    : { ok: false, reason: 'signature-mismatch', message: 'The signature does not match the body.' };
}
