import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';

/** Claims that describe the statement itself, not the client (RFC 7519 registered claims). */
const ENVELOPE_CLAIMS = new Set(['iss', 'iat', 'exp', 'nbf', 'jti', 'aud', 'sub']);

export interface SoftwareStatementOptions {
  /** Public keys of the directory that signs software statements (SSAs). */
  keys: JSONWebKeySet;
  /** Expected `iss` of the statements, when the directory has one. */
  issuer?: string;
}

/** The oidc-provider error classes the policy throws (passed in: oidc-provider is loaded dynamically). */
export interface PolicyErrors {
  InvalidSoftwareStatement: new (description: string) => Error;
  InvalidClientMetadata: new (description: string) => Error;
}

type Properties = Record<string, unknown>;

/**
 * A registration policy (oidc-provider `features.registration.policies`): a create request must carry a
 * software statement signed by the directory; its claims take precedence over the request's (RFC 7591
 * §2.3), and asking for scopes beyond the statement's is refused, as Thredd's directory does.
 * Updates (RFC 7592) may omit the statement.
 */
export function softwareStatementPolicy(options: SoftwareStatementOptions, errors: PolicyErrors) {
  const keys = createLocalJWKSet(options.keys);
  return async function checkSoftwareStatement(ctx: { oidc: { route: string } }, properties: Properties): Promise<void> {
    normalizeScopes(properties);
    const statement = properties.software_statement;
    delete properties.software_statement;
    if (statement === undefined) {
      if (ctx.oidc.route === 'registration')
        throw new errors.InvalidSoftwareStatement(
          'software_statement is required: get one (the SSA) for this application from the directory',
        );
      return;
    }
    if (typeof statement !== 'string') throw new errors.InvalidSoftwareStatement('software_statement must be a signed JWT (string)');
    let claims: Properties;
    try {
      ({ payload: claims } = await jwtVerify(statement, keys, { issuer: options.issuer }));
    } catch (error) {
      throw new errors.InvalidSoftwareStatement(`software_statement could not be verified: ${(error as Error).message}`);
    }
    const requested = typeof properties.scope === 'string' ? properties.scope.split(' ').filter(Boolean) : undefined;
    const allowed = typeof claims.scope === 'string' ? new Set(claims.scope.split(' ')) : undefined;
    const refused = requested && allowed ? requested.filter((scope) => !allowed.has(scope)) : [];
    if (refused.length > 0)
      throw new errors.InvalidClientMetadata(
        `scope ${refused.join(' ')} is beyond what the software statement allows (${[...(allowed ?? [])].join(' ')})`,
      );
    for (const [name, value] of Object.entries(claims)) {
      if (ENVELOPE_CLAIMS.has(name) || (name === 'scope' && requested)) continue;
      properties[name] = value;
    }
    if (typeof claims.software_jwks_uri === 'string' && properties.jwks_uri === undefined && properties.jwks === undefined) {
      properties.jwks_uri = claims.software_jwks_uri;
    }
    delete properties.software_jwks_uri;
  };
}

/** Thredd's DCR examples send `scopes: [...]`; RFC 7591 §2 names it `scope`, space-separated. */
function normalizeScopes(properties: Properties): void {
  if (Array.isArray(properties.scopes) && properties.scope === undefined) {
    properties.scope = properties.scopes.filter((scope) => typeof scope === 'string').join(' ');
  }
  delete properties.scopes;
}
