import { sign, type KeyObject } from 'node:crypto';
import { formatEhiSignatureHeader } from './header';

/**
 * The `X-Thredd-Signature` value for a body, as Thredd signs EHI messages: SHA256withRSA (RSASSA-PKCS1-v1_5
 * with SHA-256, JWS "RS256") over the exact body bytes, never a re-serialised JSON.
 *
 * `s` is lower-case hex: the one published example of the header (delegated SMS notifications) writes `s` in
 * hex digits, while its `k` is base64url, so hex is the reading of Thredd's own sample. Verifiers here accept
 * hex, base64 and base64url alike, choosing whichever decodes to the key's modulus length.
 */
export function signEhiBody(body: Uint8Array, signingKey: KeyObject, kid: string): string {
  if (signingKey.type !== 'private' || signingKey.asymmetricKeyType !== 'rsa') {
    throw new TypeError('An EHI signing key is an RSA private key (SHA256withRSA).');
  }
  const signature = sign('sha256', body, signingKey);
  return formatEhiSignatureHeader(kid, signature.toString('hex'));
}
