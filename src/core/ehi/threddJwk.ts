import { X509Certificate } from 'node:crypto';
import type { JWK } from 'jose';
import { sha256Thumbprint } from '../x509/thumbprints';

/**
 * A key of Thredd's signing JWKS as published (delegated SMS "Find the Matching Key"; EHI TLS page step 3):
 * kty, use, alg, n, e, the certificate (x5c), its SHA-256 thumbprint (x5t#S256), where to fetch it (x5u) and
 * its subject (x5dn). The kid is Thredd's opaque id: never derived from the key by RFC 7638.
 */
export interface ThreddJwk extends JWK {
  kid: string;
  kty: 'RSA';
  use: 'sig';
  alg: 'RS256';
  n: string;
  e: string;
  x5c: string[];
  'x5t#S256': string;
  x5u: string;
  x5dn: string;
}

export interface ThreddJwkInput {
  /** The signing certificate, PEM or DER. */
  certificate: string | Uint8Array;
  kid: string;
  x5u: string;
}

/** The JWKS entry for a signing certificate; n and e come from the certificate's own key. */
export function threddJwk(input: ThreddJwkInput): ThreddJwk {
  const x509 = new X509Certificate(input.certificate);
  const publicJwk = x509.publicKey.export({ format: 'jwk' }) as JWK;
  if (publicJwk.kty !== 'RSA' || !publicJwk.n || !publicJwk.e) throw new TypeError('An EHI signing certificate has an RSA key.');
  const der = Buffer.from(x509.raw);
  return {
    kty: 'RSA',
    use: 'sig',
    alg: 'RS256',
    kid: input.kid,
    n: publicJwk.n,
    e: publicJwk.e,
    // RFC 7517 §4.7: x5c is standard base64 DER, not base64url.
    x5c: [der.toString('base64')],
    'x5t#S256': sha256Thumbprint(der),
    x5u: input.x5u,
    x5dn: x5dn(x509),
  };
}

/**
 * The subject the way Thredd writes x5dn: most specific first, comma-joined without spaces
 * ("CN=…,OU=…,O=thredd,C=GB"). Node lists the subject most general first, one attribute a line.
 */
export function x5dn(x509: X509Certificate): string {
  return x509.subject.split('\n').filter(Boolean).reverse().join(',');
}
