import { createHash, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';

/**
 * The certificate thumbprint that binds tokens to a client certificate: base64url of the SHA-256
 * of the DER certificate (RFC 8705 §3.1, `cnf.x5t#S256`; RFC 7515 §4.1.8 for the header form).
 */
export function sha256Thumbprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('base64url');
}

/** A fingerprint as OpenSSL prints it (`openssl x509 -fingerprint`): colon-separated upper-case hex. */
export function hexFingerprint(der: Uint8Array, algorithm: 'sha1' | 'sha256'): string {
  const hex = createHash(algorithm).update(der).digest('hex').toUpperCase();
  return hex.match(/../g)!.join(':');
}

/** The RFC 7638 JWK thumbprint (SHA-256, base64url) of a public key, the usual JWKS `kid`. */
export async function jwkThumbprint(publicKey: KeyObject): Promise<string> {
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  return calculateJwkThumbprint(jwk, 'sha256');
}
