import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { parseEhiSignatureHeader, type EhiSignatureEncoding } from './header';

/** Why a signature did not verify, one reason each, so a listener can log the exact cause. */
export type EhiVerifyFailureReason = 'malformed-header' | 'unknown-kid' | 'unusable-key' | 'wrong-length' | 'signature-mismatch';

/** What a verifier tells about the key it used (or refused): never anything secret. */
export interface EhiKeySummary {
  kid: string;
  /** Modulus length in bits. */
  bits?: number;
  'x5t#S256'?: string;
  x5dn?: string;
}

export type EhiVerification =
  | { ok: true; kid: string; encoding: EhiSignatureEncoding; key: EhiKeySummary; message: string }
  | { ok: false; reason: EhiVerifyFailureReason; message: string; kid?: string; knownKids?: string[]; key?: EhiKeySummary };

export interface EhiJwks {
  keys: JWK[];
}

/**
 * Checks an `X-Thredd-Signature` value against the body bytes with the key of the same `kid` in a JWKS, as the
 * EHI TLS page's step 4 describes: find k and s, look up the key by kid, verify SHA256withRSA over the payload.
 * Returns why not instead of throwing. `s` may be hex, base64 or base64url: the reading that decodes to the
 * key's modulus length is used (an RSA signature is exactly that long).
 */
export function verifyEhiSignature(body: Uint8Array, headerValue: string, jwks: EhiJwks): EhiVerification {
  const parsed = parseEhiSignatureHeader(headerValue);
  if (!parsed.ok) return parsed;
  const { kid, candidates, signatureText } = parsed.value;
  const keys = Array.isArray(jwks?.keys) ? jwks.keys : [];
  const matching = keys.filter((jwk) => jwk && jwk.kid === kid);
  const knownKids = keys.map((jwk) => jwk?.kid).filter((id): id is string => typeof id === 'string');
  if (matching.length === 0) {
    const known = knownKids.length ? `it has ${knownKids.map((id) => `"${id}"`).join(', ')}` : 'it has no keys with a kid';
    return { ok: false, reason: 'unknown-kid', kid, knownKids, message: `No key "${kid}" in the JWKS (${known}).` };
  }
  let lastFailure: EhiVerification | undefined;
  for (const jwk of matching) {
    const imported = importVerificationKey(jwk);
    if ('problem' in imported) {
      lastFailure = { ok: false, reason: 'unusable-key', kid, knownKids, message: `The JWKS key "${kid}" ${imported.problem}.` };
      continue;
    }
    const summary = summarise(jwk, imported.bytes);
    const candidate = candidates.find((option) => option.bytes.length === imported.bytes);
    if (!candidate) {
      const lengths = candidates.map((option) => `${option.bytes.length} bytes as ${option.encoding}`).join(', ');
      lastFailure = {
        ok: false,
        reason: 'wrong-length',
        kid,
        knownKids,
        key: summary,
        message:
          `The signature (${signatureText.length} characters: ${lengths}) is not ${imported.bytes} bytes long, ` +
          `the length of an RSA signature by the ${imported.bytes * 8}-bit key "${kid}".`,
      };
      continue;
    }
    const good = verify('sha256', body, { key: imported.key, padding: constants.RSA_PKCS1_PADDING }, candidate.bytes);
    if (good) {
      return {
        ok: true,
        kid,
        encoding: candidate.encoding,
        key: summary,
        message: `Verified with key "${kid}" (RSA ${imported.bytes * 8}, SHA256withRSA, s in ${candidate.encoding}).`,
      };
    }
    lastFailure = {
      ok: false,
      reason: 'signature-mismatch',
      kid,
      knownKids,
      key: summary,
      message:
        `The signature does not match the body for key "${kid}": the body was changed after signing ` +
        '(even one byte or white space), or it was signed with another key under the same kid.',
    };
  }
  return lastFailure!;
}

/** The JWK as a public key with its modulus length in bytes, or what is wrong with it. */
function importVerificationKey(jwk: JWK): { key: KeyObject; bytes: number } | { problem: string } {
  if (jwk.kty !== 'RSA') return { problem: `is ${jwk.kty ? `a ${jwk.kty}` : 'not a typed'} key; SHA256withRSA needs kty "RSA"` };
  if (jwk.use !== undefined && jwk.use !== 'sig') return { problem: `is for use "${jwk.use}", not "sig"` };
  if (jwk.alg !== undefined && jwk.alg !== 'RS256') return { problem: `is for alg "${jwk.alg}", not "RS256" (SHA256withRSA)` };
  try {
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (!bits) return { problem: 'has no readable modulus' };
    return { key, bytes: Math.ceil(bits / 8) };
  } catch (error) {
    return { problem: `cannot be read as an RSA public key (${(error as Error).message})` };
  }
}

function summarise(jwk: JWK, bytes: number): EhiKeySummary {
  const summary: EhiKeySummary = { kid: jwk.kid!, bits: bytes * 8 };
  const extra = jwk as JWK & { x5dn?: unknown };
  if (typeof extra['x5t#S256'] === 'string') summary['x5t#S256'] = extra['x5t#S256'];
  if (typeof extra.x5dn === 'string') summary.x5dn = extra.x5dn;
  return summary;
}
