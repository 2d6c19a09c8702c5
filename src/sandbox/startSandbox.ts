import type { JWTPayload } from 'jose';
import { PERMANENT_CARD_STATUS_CODES } from '../core/catalogue';
import { IdempotencyStore } from './api/idempotency';
import { addApiRoutes } from './apiRoutes';
import { createAuthorizationServer, type AuthorizationServer, type SandboxClientMetadata } from './authorizationServer';
import { CardStore } from './cardStore';
import { addEhiRoutes, ehiJwksUrl, loadOrCreateEhiPki, type EhiFiles } from './ehi';
import { loadOrCreateServerCertificate } from './certificateAuthority';
import { systemClock, type Clock } from './clock';
import { FairUsage } from './fairUsage';
import { listen, type Listener } from './listeners';
import { addPortalRoutes } from './portalRoutes';
import { addPortalTransactionRoutes } from './portalTransactions';
import { loadRegistrations, persistRegistrations } from './registrations';
import { createRequestHandler } from './requestHandler';
import type { RouteHandler } from './requestContext';
import { Router } from './router';
import { ACCESS_TOKEN_TTL_SECONDS, DEFAULT_PORTS, DIRECTORY_ISSUER, SANDBOX_SCOPES } from './sandboxDefaults';
import type { SandboxIdentity } from './sandboxIdentity';
import { openSandboxState, type IssueRequest, type IssueResult, type SandboxState } from './sandboxState';
import { sandboxUrls, type SandboxUrls } from './sandboxUrls';

export interface StartSandboxOptions {
  /** The state folder (CA, keys, certificates, clients); created 0700 when missing. */
  stateDir: string;
  /** Default 127.0.0.1: the sandbox is for this machine only. */
  host?: string;
  /** Default 8443 (TLS) and 8444 (mTLS); 0 picks a free port. */
  ports?: { tls?: number; mtls?: number };
  /** Validity of certificates issued for CSRs, in days (default 350). */
  certificateDays?: number;
  /** One line per request and event; nothing is logged without it. */
  log?: (line: string) => void;
  /** Keep cards in <stateDir>/api-data.json across restarts (default true). */
  persistData?: boolean;
  /** The time cards, transactions and idempotency keys are dated with (default the system clock); tests move it. */
  clock?: Clock;
  /**
   * Card statuses that can no longer be changed once set. Thredd's pages disagree (cardStatusCodes.ts); default
   * the catalogue's reading, PERMANENT_CARD_STATUS_CODES.
   */
  permanentCardStatusCodes?: readonly string[];
  /** Concurrent connections per client IP address before the fair usage 403 (default Thredd's 20). */
  fairUsageConnectionLimit?: number;
  /**
   * Whether an idempotency key reused with the same method and path but another body is "a different request"
   * (a 400), as we read Thredd's page (default true); false replays the first answer.
   */
  idempotencyComparesBody?: boolean;
  /**
   * Milliseconds added before each API answer, like the round trip to Thredd UAT (default 0): concurrency
   * (`thredd run --parallel`) then shows what it saves over a real network.
   */
  apiLatencyMs?: number;
}

export interface SandboxApplication {
  appId: string;
  name: string;
  pmid: string;
  scopes: string[];
  clientIds: { privateKeyJwt: string; clientSecret: string };
}

export interface RunningSandbox {
  urls: SandboxUrls;
  orgId: string;
  application: SandboxApplication;
  /** "Sandbox Root CA", the certificate clients trust for both listeners. */
  caCertPem: string;
  stateDir: string;
  /** Where the credentials are: the client secret file (0600) and the root CA file. */
  files: { clientSecret: string; rootCa: string };
  /** Thredd's side of EHI: the signing keys' JWKS URL, the current kid and the EHI files in the state folder. */
  ehi: { jwks: string; kid: string; files: EhiFiles };
  /** Issues a Transport or Signing certificate for a CSR, as the portal upload does. */
  issueCertificate(request: IssueRequest): Promise<IssueResult>;
  /** Checks an access token as the API does (signature, issuer, audience, expiry). */
  verifyAccessToken(token: string): Promise<JWTPayload>;
  /** Closes both listeners and their connections, and writes pending data; calling it again waits for the same stop. */
  stop(): Promise<void>;
}

/**
 * Starts the local Thredd sandbox: an authorization server (oidc-provider) at /oauth2/token and the API
 * subset on a TLS listener (like uat-api) and an mTLS listener (like uat-mtls), plus the portal and the
 * organisation JWKS, all from the state folder.
 */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log;
  const onError = (error: Error) => log?.(`error: ${error.stack ?? error.message}`);
  // Loading oidc-provider (~0.4 s) overlaps with making or reading the state.
  const providerModule = import('oidc-provider');
  const state = await openSandboxState(options.stateDir, { certificateDays: options.certificateDays });
  const clock = options.clock ?? systemClock;
  const [serverCertificate, cards, registered, , ehi] = await Promise.all([
    loadOrCreateServerCertificate(state.paths, state.ca, host),
    CardStore.open({ file: options.persistData === false ? undefined : state.paths.apiData, log, onWriteError: onError }),
    loadRegistrations(state.paths.registrations, (message) => log?.(message)),
    providerModule,
    loadOrCreateEhiPki(state.paths),
  ]);

  let authorization: AuthorizationServer | undefined;
  const api = new Router<RouteHandler>();
  addApiRoutes(api, {
    cards,
    clock,
    verifyAccessToken: (token) => authorization!.verifyAccessToken(token),
    idempotency: new IdempotencyStore({ clock, compareBody: options.idempotencyComparesBody }),
    permanentStatusCodes: options.permanentCardStatusCodes ?? PERMANENT_CARD_STATUS_CODES,
  });
  const portal = new Router<RouteHandler>();
  addPortalRoutes(portal, {
    state,
    createInitialAccessToken: () => authorization!.createInitialAccessToken(),
    registrationEndpoint: () => authorization!.endpoints.registration,
  });
  addPortalTransactionRoutes(portal, { cards, clock, pmid: state.identity.application.pmid });
  let tlsBase = '';
  addEhiRoutes(portal, { pki: ehi, orgId: state.identity.orgId, tlsBase: () => tlsBase });
  const fairUsage = new FairUsage(options.fairUsageConnectionLimit);
  const dependencies = {
    authorization: () => authorization,
    api,
    portal,
    certificates: state.certificates,
    fairUsage,
    apiLatencyMs: options.apiLatencyMs,
    log,
    onError,
  };
  const common = { certPem: serverCertificate.chainPem, keyPem: serverCertificate.keyPem, caPem: state.ca.chainPem, host, fairUsage };

  const listeners: Listener[] = [];
  const closeAll = () => Promise.all(listeners.map((listener) => listener.close()));
  try {
    listeners.push(
      await listen(
        { ...common, requestCert: false, port: options.ports?.tls ?? DEFAULT_PORTS.tls, name: 'TLS' },
        createRequestHandler('tls', dependencies),
      ),
    );
    listeners.push(
      await listen(
        { ...common, requestCert: true, port: options.ports?.mtls ?? DEFAULT_PORTS.mtls, name: 'mTLS' },
        createRequestHandler('mtls', dependencies),
      ),
    );
    const urls = sandboxUrls(host, listeners[0].port, listeners[1].port, state.identity.orgId);
    tlsBase = urls.tls;
    authorization = await createAuthorizationServer({
      issuer: urls.tls,
      scopes: [...SANDBOX_SCOPES],
      accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS,
      signingKeys: [state.tokenSigningJwk],
      clients: [...preRegisteredClients(state), ...registered],
      // private_key_jwt keys come from the organisation JWKS, so a newly issued Signing certificate works at once.
      clientJwks: () => state.certificates.organisationJwks(),
      softwareStatement: { keys: { keys: [state.directoryPublicJwk] }, issuer: DIRECTORY_ISSUER },
      clientKeysFetch: { origin: urls.tls, ca: state.ca.chainPem },
      onServerError: onError,
    });
    persistRegistrations(authorization.provider, state.paths.registrations, (message) => log?.(message));
    const verifier = authorization;
    let stopped: Promise<void> | undefined;
    log?.(`sandbox listening: TLS ${urls.tls}, mTLS ${urls.mtls}; state ${state.stateDir}`);
    return {
      urls,
      orgId: state.identity.orgId,
      application: describeApplication(state.identity),
      caCertPem: state.ca.rootPem,
      stateDir: state.stateDir,
      files: { clientSecret: state.paths.clientSecret, rootCa: state.paths.rootCert },
      ehi: { jwks: ehiJwksUrl(urls.tls, state.identity.orgId), kid: ehi.signing.kid, files: ehi.files },
      issueCertificate: (request) => state.issueCertificate(request),
      verifyAccessToken: (token) => verifier.verifyAccessToken(token),
      stop: () =>
        (stopped ??= (async () => {
          await closeAll();
          await cards.flush();
          log?.('sandbox stopped');
        })()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function describeApplication(identity: SandboxIdentity): SandboxApplication {
  const { appId, name, pmid } = identity.application;
  return { appId, name, pmid, scopes: [...SANDBOX_SCOPES], clientIds: { ...identity.clients } };
}

/** The application's two OAuth clients (Machine to Machine), as Thredd Portal would have set them up. */
function preRegisteredClients(state: SandboxState): SandboxClientMetadata[] {
  const { identity } = state;
  const common = {
    scope: SANDBOX_SCOPES.join(' '),
    pmid: identity.application.pmid,
    org_id: identity.orgId,
    software_id: identity.application.appId,
  };
  return [
    {
      ...common,
      client_id: identity.clients.privateKeyJwt,
      client_name: `${identity.application.name} (private_key_jwt)`,
      token_endpoint_auth_method: 'private_key_jwt',
      tls_client_certificate_bound_access_tokens: true,
    },
    {
      ...common,
      client_id: identity.clients.clientSecret,
      client_name: `${identity.application.name} (client secret)`,
      token_endpoint_auth_method: 'client_secret_post',
      client_secret: state.clientSecret,
      // Introspection (RFC 7662) authenticates with HTTP Basic, as on Thredd's RDX server.
      introspection_endpoint_auth_method: 'client_secret_basic',
    },
  ];
}

/** The default state folder of a workspace: <workspace>/.thredd/sandbox. */
export { sandboxStateDir as defaultStateDir } from '../core/sandboxStatus/stateDir';
