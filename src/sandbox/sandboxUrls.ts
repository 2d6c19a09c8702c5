import { DEFAULT_PORTS } from './sandboxDefaults';

export interface SandboxUrls {
  /** Base URL of the TLS listener (like uat-api), also the authorization server's issuer. */
  tls: string;
  /** Base URL of the mTLS listener (like uat-mtls). */
  mtls: string;
  /** The token endpoint on the TLS listener (client secret clients). */
  token: string;
  /** The same endpoint on the mTLS listener (private_key_jwt, certificate-bound tokens). */
  mtlsToken: string;
  introspection: string;
  registration: string;
  portal: string;
  /** The organisation's JWKS, where Signing certificates' keys are published. */
  jwks(orgId?: string): string;
}

/** The URLs of a sandbox on these ports; `host` 0.0.0.0 or :: is shown as 127.0.0.1. */
export function sandboxUrls(
  host: string,
  tlsPort: number = DEFAULT_PORTS.tls,
  mtlsPort: number = DEFAULT_PORTS.mtls,
  defaultOrgId?: string,
): SandboxUrls {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const name = shown.includes(':') ? `[${shown}]` : shown;
  const tls = `https://${name}:${tlsPort}`;
  const mtls = `https://${name}:${mtlsPort}`;
  return {
    tls,
    mtls,
    token: `${tls}/oauth2/token`,
    mtlsToken: `${mtls}/oauth2/token`,
    introspection: `${tls}/oauth2/introspect`,
    registration: `${tls}/oauth2/register`,
    portal: `${tls}/portal`,
    jwks: (orgId = defaultOrgId) => `${tls}/${orgId ?? '<org_id>'}/jwks.json`,
  };
}
