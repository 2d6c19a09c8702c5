import type { JWTPayload } from 'jose';
import { isRegionCode, REGIONS } from '../core/catalogue';
import { forbidden, invalidRequest, unauthorized } from './api/problems';

/** The caller as the API sees it, from a verified access token. */
export interface Caller {
  clientId: string;
  pmid: string;
  scopes: string[];
  claims: JWTPayload;
}

export type VerifyAccessToken = (token: string) => Promise<JWTPayload>;

const REALM = 'Bearer realm="thredd-sandbox"';

/** RFC 6750 §3: a 401/403 says in WWW-Authenticate what was wrong. */
function challenge(error: string, description: string, scope?: string): Record<string, string> {
  const quoted = description.replace(/["\\]/g, '');
  return { 'www-authenticate': `${REALM}, error="${error}", error_description="${quoted}"${scope ? `, scope="${scope}"` : ''}` };
}

/**
 * Checks `Authorization: Bearer` the way an API gateway in front of Thredd's API would: a token signed
 * by this sandbox's authorization server, for this API, unexpired, carrying `scope`; and, for a
 * certificate-bound token (RFC 8705 §3), the certificate presented on this connection.
 */
export async function authorizeCall(
  authorization: string | undefined,
  requiredScope: string,
  verify: VerifyAccessToken,
  presentedX5tS256: string | undefined,
): Promise<Caller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) {
    const message = authorization
      ? 'The Authorization header must be "Bearer <access token>".'
      : 'No access token: send "Authorization: Bearer <access token>" with a token from /oauth2/token.';
    throw unauthorized(message, { 'www-authenticate': REALM });
  }
  let claims: JWTPayload;
  try {
    claims = await verify(match[1]);
  } catch (error) {
    const message = describeTokenFailure(error as Error & { code?: string; claim?: string });
    throw unauthorized(message, challenge('invalid_token', message));
  }
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  if (!scopes.includes(requiredScope)) {
    const message =
      `This call needs scope ${requiredScope}; the token has ` +
      `${scopes.length ? scopes.join(' ') : 'no scope'}. Ask for ${requiredScope} in the token request ` +
      `("scopes" of the application in thredd.json).`;
    throw forbidden(message, challenge('insufficient_scope', message, requiredScope));
  }
  checkBinding(claims, presentedX5tS256);
  return { clientId: String(claims.client_id ?? claims.sub ?? ''), pmid: String(claims.pmid ?? ''), scopes, claims };
}

/** RFC 8705 §3: a bound token is only good with the certificate it is bound to. */
function checkBinding(claims: JWTPayload, presented: string | undefined): void {
  const bound = (claims.cnf as Record<string, unknown> | undefined)?.['x5t#S256'];
  if (typeof bound !== 'string') return;
  if (presented === undefined) {
    const message = 'This token is bound to a Transport certificate (cnf.x5t#S256): call the mTLS listener and present that certificate.';
    throw forbidden(message, challenge('invalid_token', message));
  }
  if (presented !== bound) {
    const message =
      `The token is bound to another certificate (cnf.x5t#S256 ${bound}) than the one presented (` +
      `${presented}): get a new token while presenting this certificate.`;
    throw forbidden(message, challenge('invalid_token', message));
  }
}

function describeTokenFailure(error: Error & { code?: string; claim?: string }): string {
  switch (error.code) {
    case 'ERR_JWT_EXPIRED':
      return 'The access token has expired: get a new one (tokens last 3600 s).';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return "The access token's signature does not verify: it was changed, or not issued by this sandbox.";
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return "The access token was signed by a key this sandbox does not know: get a token from this sandbox's /oauth2/token.";
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return (
        `The access token's "${error.claim ?? 'claims'}" does not fit this sandbox (${error.message}): ` +
        "get a token from this sandbox's /oauth2/token."
      );
    default:
      return 'The access token is not a JWT issued by this sandbox: get one from /oauth2/token.';
  }
}

const REGION_CHOICES = REGIONS.map((region) => `${region.code} (${region.name})`).join(', ');
const REGION_HEADER = 'X-Region';

/**
 * X-Region is mandatory on every API Hub call; its values are the catalogue's regions. Thredd documents no
 * error for it: a 400 keyed by the header, as ASP.NET keys a missing required header, is our reading.
 */
export function requireRegion(header: string | string[] | undefined): string {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) throw invalidRequest({ [REGION_HEADER]: [`The ${REGION_HEADER} header is required: ${REGION_CHOICES}.`] });
  if (!isRegionCode(value)) {
    throw invalidRequest({ [REGION_HEADER]: [`${REGION_HEADER} "${value}" is not a region: use ${REGION_CHOICES}.`] });
  }
  return value;
}
