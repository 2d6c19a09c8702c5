import { createPublicKey, randomBytes, randomUUID, type JsonWebKey } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, type JSONWebKeySet, type JWK, type JWTPayload } from 'jose';
import type { Configuration, Provider as ProviderType } from 'oidc-provider';
import { clientKeysHttpOptions, clientKeysPolicy, type ClientKeysFetch } from './clientKeysFetch';
import { MemoryStore } from './memoryStore';
import {
  acceptAudienceWithWww,
  explainClientErrors,
  refuseScopesBeyondClient,
  rememberIssuedTokens,
  verifiedPeerCertificate,
} from './providerHooks';
import { softwareStatementPolicy, type SoftwareStatementOptions } from './softwareStatementPolicy';

/** Routes as on Thredd's authorization server (token endpoint `/oauth2/token`); the rest sit beside it. */
export const AUTHORIZATION_ROUTES = {
  token: '/oauth2/token',
  introspection: '/oauth2/introspect',
  registration: '/oauth2/register',
  jwks: '/oauth2/jwks',
  authorization: '/oauth2/authorize',
  revocation: '/oauth2/revoke',
  end_session: '/oauth2/logout',
} as const;

const DISCOVERY_PATH = '/.well-known/openid-configuration';

/** RFC 7591 client metadata, plus the PMID Thredd attaches to an OAuth client (it travels in the token). */
export interface SandboxClientMetadata extends Record<string, unknown> {
  client_id: string;
  client_secret?: string;
  token_endpoint_auth_method?: 'private_key_jwt' | 'client_secret_post' | 'client_secret_basic';
  scope?: string;
  jwks?: JSONWebKeySet;
  tls_client_certificate_bound_access_tokens?: boolean;
  pmid?: string;
}

export interface AuthorizationServerOptions {
  /** The issuer URL clients see, e.g. https://127.0.0.1:8443 (no trailing slash). */
  issuer: string;
  /** API scopes clients may ask for (e.g. cards.read cards.write). */
  scopes: string[];
  /** Audience of issued access tokens (the API). Default: `${issuer}/api`. */
  resource?: string;
  /** Default 3600 s, as Thredd's tokens. */
  accessTokenTtlSeconds?: number;
  /** Clients registered from the start. */
  clients?: SandboxClientMetadata[];
  /** Public keys for private_key_jwt clients that registered none themselves, e.g. the organisation's JWKS. */
  clientJwks?: (clientId: string, metadata: Record<string, unknown>) => Promise<JSONWebKeySet | undefined> | JSONWebKeySet | undefined;
  /** Private JWKS that signs access tokens; an RSA key is generated when absent. */
  signingKeys?: JWK[];
  /** When set, dynamic registration requires a software statement signed by these keys. */
  softwareStatement?: SoftwareStatementOptions;
  /** Where unexpected server errors are reported (default: dropped). */
  onServerError?: (error: Error) => void;
  /** Where a client's jwks_uri may point, and the CA to fetch it with; without it, jwks_uri is refused. */
  clientKeysFetch?: ClientKeysFetch;
}

export interface AuthorizationServer {
  issuer: string;
  provider: ProviderType;
  endpoints: { token: string; introspection: string; registration: string; jwks: string; discovery: string };
  /** Node request handler; mount it for the paths `handles` accepts. */
  handler: (request: IncomingMessage, response: ServerResponse) => void;
  handles(pathname: string): boolean;
  /** An initial access token for one registration (RFC 7591 §3), carrying the software statement policy. */
  createInitialAccessToken(): Promise<string>;
  /** Registers (or replaces) a client without going through DCR, e.g. when the sandbox is initialised. */
  addClient(metadata: SandboxClientMetadata): Promise<void>;
  /**
   * Verifies an access token this server issued (signature, issuer, audience, expiry) for the sandbox API;
   * throws jose's error otherwise. Scope and cnf checks are the API's.
   */
  verifyAccessToken(token: string): Promise<JWTPayload>;
}

/**
 * Builds an oidc-provider (the certified OAuth 2.0 / OpenID provider) configured like Thredd's
 * authorization server: client_credentials only; private_key_jwt, client_secret_post and
 * client_secret_basic; RFC 8705 certificate-bound JWT access tokens carrying scope, client_id and pmid;
 * RFC 7662 introspection; RFC 7591/7592 registration. oidc-provider is ESM-only, hence the dynamic
 * import, so CommonJS bundles that merely reference this module still load.
 */
export async function createAuthorizationServer(options: AuthorizationServerOptions): Promise<AuthorizationServer> {
  const { default: Provider, errors } = await import('oidc-provider');
  const issuer = options.issuer.replace(/\/$/, '');
  const resource = options.resource ?? `${issuer}/api`;
  const ttl = options.accessTokenTtlSeconds ?? 3600;
  const apiScopes = new Set(options.scopes);

  const signingKeys = options.signingKeys ?? [await generateSigningKey()];
  const ownKeys = createLocalJWKSet({ keys: signingKeys.map(publicPart) });
  const ownTokenId = async (jwt: string) => {
    try {
      return (await jwtVerify(jwt, ownKeys, { issuer })).payload.jti;
    } catch {
      return undefined;
    }
  };
  // The organisation JWKS is authoritative for the clients it knows (Thredd publishes Signing
  // Certificates there), so keys issued after registration work without updating the client.
  const clientKeys = async (clientId: string, metadata: Record<string, unknown>) => {
    if (metadata.token_endpoint_auth_method !== 'private_key_jwt' || metadata.jwks_uri || !options.clientJwks) return metadata;
    const jwks = await options.clientJwks(clientId, metadata);
    return jwks ? { ...metadata, jwks } : { jwks: { keys: [] }, ...metadata };
  };
  const store = new MemoryStore(clientKeys, ownTokenId);

  type Policies = NonNullable<NonNullable<NonNullable<Configuration['features']>['registration']>['policies']>;
  const registrationPolicies: Policies = {
    // Registration validates jwks up front; clients of a known organisation get its JWKS.
    'organisation-keys': async (_ctx, properties) => {
      const withKeys = await clientKeys(String(properties.client_id), properties);
      if (withKeys.jwks && !properties.jwks) properties.jwks = withKeys.jwks as never;
    },
    'client-keys-fetch': clientKeysPolicy(options.clientKeysFetch, errors) as never,
  };
  if (options.softwareStatement)
    registrationPolicies['software-statement'] = softwareStatementPolicy(options.softwareStatement, errors) as never;

  const configuration: Configuration = {
    adapter: store.adapterFactory as unknown as Configuration['adapter'],
    jwks: { keys: signingKeys },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: AUTHORIZATION_ROUTES,
    clientAuthMethods: ['private_key_jwt', 'client_secret_post', 'client_secret_basic'],
    clientDefaults: { grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: 'private_key_jwt' },
    responseTypes: ['none'],
    // Client "scope" metadata may only name these (oidc-provider checks it at registration).
    scopes: options.scopes,
    extraClientMetadata: {
      properties: ['pmid', 'org_id', 'software_id'],
      validator(_ctx, key, value) {
        if (value !== undefined && typeof value !== 'string') throw new errors.InvalidClientMetadata(`${key} must be a string`);
      },
    },
    ttl: { AccessToken: ttl, ClientCredentials: ttl },
    // Clients here are machines; error pages are JSON even for a browser.
    renderError(ctx, out) {
      ctx.type = 'json';
      ctx.body = out;
    },
    clientBasedCORS: () => false,
    httpOptions: clientKeysHttpOptions(options.clientKeysFetch),
    async extraTokenClaims(ctx, token) {
      const client = ctx.oidc.client ?? (await ctx.oidc.provider.Client.find(token.clientId as string));
      const pmid = (client as unknown as { pmid?: string } | undefined)?.pmid;
      return pmid ? { pmid } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: {
        enabled: true,
        // Any authenticated confidential client (or resource server) may introspect, as on the RDX server.
        allowedPolicy: async (_ctx, client) => client.clientAuthMethod !== 'none',
      },
      mTLS: {
        enabled: true,
        certificateBoundAccessTokens: true,
        getCertificate: (ctx) => verifiedPeerCertificate(ctx.socket as TLSSocket, errors.InvalidGrant),
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => resource,
        useGrantedResource: async () => true,
        async getResourceServerInfo(ctx, indicator, client) {
          if (indicator !== resource)
            throw new errors.InvalidTarget(`unknown resource ${indicator}; this server issues tokens for ${resource}`);
          refuseScopesBeyondClient(ctx.oidc.params?.scope as string | undefined, client.scope, apiScopes, errors.InvalidScope);
          return {
            scope: [...apiScopes].join(' '),
            audience: resource,
            accessTokenTTL: ttl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      registration: {
        enabled: true,
        initialAccessToken: true,
        policies: registrationPolicies,
      },
      registrationManagement: { enabled: true, rotateRegistrationAccessToken: true },
    },
  };

  const provider = new Provider(issuer, configuration);
  explainClientErrors(provider, options.onServerError);
  rememberIssuedTokens(provider, store);
  acceptAudienceWithWww(provider);

  const server: AuthorizationServer = {
    issuer,
    provider,
    endpoints: {
      token: issuer + AUTHORIZATION_ROUTES.token,
      introspection: issuer + AUTHORIZATION_ROUTES.introspection,
      registration: issuer + AUTHORIZATION_ROUTES.registration,
      jwks: issuer + AUTHORIZATION_ROUTES.jwks,
      discovery: issuer + DISCOVERY_PATH,
    },
    handler: provider.callback(),
    handles: (pathname) => pathname.startsWith('/oauth2/') || pathname === DISCOVERY_PATH,
    async createInitialAccessToken() {
      const token = new provider.InitialAccessToken({
        policies: [...(options.softwareStatement ? ['software-statement'] : []), 'organisation-keys', 'client-keys-fetch'],
      });
      return token.save();
    },
    async addClient(metadata) {
      store.set(`Client:${metadata.client_id}`, { ...metadata });
      try {
        await provider.Client.find(metadata.client_id); // validates now rather than at the first token request
      } catch (error) {
        store.delete(`Client:${metadata.client_id}`);
        const description = (error as { error_description?: string }).error_description ?? (error as Error).message;
        throw new Error(`Client ${metadata.client_id} cannot be registered: ${description}`);
      }
    },
    verifyAccessToken: async (token) => (await jwtVerify(token, ownKeys, { issuer, audience: resource })).payload,
  };
  for (const client of options.clients ?? []) await server.addClient(client);
  return server;
}

/** The public half of a private JWK (to verify our own tokens), keeping kid/alg/use. */
function publicPart(jwk: JWK): JWK {
  const publicJwk = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }).export({ format: 'jwk' });
  return { ...publicJwk, kid: jwk.kid, alg: jwk.alg, use: jwk.use } as JWK;
}

async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}
