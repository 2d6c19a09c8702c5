import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';

/** What the UI shows of a JWT access token; read without verifying (the client cannot, and need not). */
export interface AccessTokenClaims {
  header: Record<string, unknown>;
  payload: JWTPayload;
  exp?: number;
  scope?: string;
  clientId?: string;
  pmid?: string;
  /** RFC 8705 §3.1 confirmation: the thumbprint of the certificate the token is bound to. */
  x5tS256?: string;
}

export interface CertificateBinding {
  /** The token's cnf.x5t#S256. */
  tokenX5tS256: string;
  /** The x5t#S256 of the transport certificate used for the token request, if any. */
  certificateX5tS256?: string;
  matches: boolean;
}

/** Decodes a JWT access token; undefined for opaque tokens. */
export function decodeAccessToken(token: string): AccessTokenClaims | undefined {
  if (token.split('.').length !== 3) return undefined;
  try {
    const payload = decodeJwt(token);
    const header = decodeProtectedHeader(token) as Record<string, unknown>;
    const cnf = payload.cnf as Record<string, unknown> | undefined;
    const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
    return {
      header,
      payload,
      exp: payload.exp,
      scope: text(payload.scope),
      clientId: text(payload.client_id),
      pmid: text(payload.pmid),
      x5tS256: text(cnf?.['x5t#S256']),
    };
  } catch {
    return undefined;
  }
}

/** Compares a bound token with the certificate actually presented; a mismatch means the API will refuse the token. */
export function checkCertificateBinding(
  claims: AccessTokenClaims | undefined,
  certificateX5tS256: string | undefined,
): { binding?: CertificateBinding; warning?: string } {
  if (!claims?.x5tS256) return {};
  const binding = { tokenX5tS256: claims.x5tS256, certificateX5tS256, matches: claims.x5tS256 === certificateX5tS256 };
  if (binding.matches) return { binding };
  const warning = certificateX5tS256
    ? `The token is bound to certificate x5t#S256 ${claims.x5tS256}, but the transport certificate in ` +
      `use is ${certificateX5tS256}: mTLS calls with this token will be refused.`
    : `The token is bound to certificate x5t#S256 ${claims.x5tS256}, but no transport certificate was ` +
      `presented: configure "mtls" for this environment.`;
  return { binding, warning };
}
