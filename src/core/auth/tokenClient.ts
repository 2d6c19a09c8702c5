import type { Application, Environment } from '../config/types';
import { UserError } from '../errors/userError';
import type { HttpClient } from '../http/httpClient';
import { loadTlsSettings } from '../http/loadTlsSettings';
import type { HttpTimeouts, HttpTimings, RouteFacts, TlsFacts, TlsSettings } from '../http/types';
import { checkCertificateBinding, decodeAccessToken, type AccessTokenClaims, type CertificateBinding } from './accessTokenClaims';
import { CLIENT_ASSERTION_TYPE, createClientAssertion } from './clientAssertion';
import { OAuthError, oauthErrorFrom, readJsonObject } from './oauthErrors';
import { sendOAuthRequest } from './oauthRequest';
import { noSecrets, secretNames, type SecretSource } from './secrets';
import { loadSigningKey } from './signingKey';

/** Something missing from thredd.json or the secret store before a token can be asked for. */
export class TokenConfigError extends UserError {
  static override readonly kind: string = 'TokenConfigError';

  constructor(message: string, fix: string) {
    super(message, fix);
  }
}

export interface TokenRequest {
  environment: Environment;
  application: Application;
  /** Default: the application's scopes. */
  scopes?: string[];
  /** Already loaded TLS settings of the environment (the runner has them); loaded from the files otherwise. */
  tls?: TlsSettings;
  signal?: AbortSignal;
}

export interface TokenResult {
  accessToken: string;
  tokenType: string;
  /** Seconds, as the server said (or derived from the JWT exp). */
  expiresIn: number;
  /** Granted scope: the response's, else what was asked for. */
  scope?: string;
  /** Clock milliseconds when the request was sent, and when the token expires. */
  obtainedAt: number;
  expiresAt: number;
  claims?: AccessTokenClaims;
  /** Present when the token carries cnf.x5t#S256 (RFC 8705). */
  binding?: CertificateBinding;
  warnings: string[];
  environment: string;
  application: string;
  scopes: string[];
  http: { url: string; status: number; timings: HttpTimings; tls?: TlsFacts; route?: RouteFacts };
}

export interface TokenClientOptions {
  http: HttpClient;
  secrets?: SecretSource;
  /** Milliseconds since the epoch; the cache and tests share it. */
  clock?: () => number;
  assertionTtlSeconds?: number;
  timeouts?: HttpTimeouts;
}

const ASSUMED_LIFETIME_SECONDS = 3600; // Thredd tokens last one hour (Connecting to Thredd guide)

/** client_credentials token requests (RFC 6749 §4.4) with client_secret_post/basic or private_key_jwt (RFC 7523), over TLS or mTLS. */
export class TokenClient {
  private readonly secrets: SecretSource;
  private readonly clock: () => number;

  constructor(private readonly options: TokenClientOptions) {
    this.secrets = options.secrets ?? noSecrets;
    this.clock = options.clock ?? Date.now;
  }

  async requestToken(request: TokenRequest): Promise<TokenResult> {
    const { environment, application } = request;
    const tokenUrl = environment.tokenUrl;
    if (!tokenUrl)
      throw new TokenConfigError(
        `Environment "${environment.name}" has no "tokenUrl".`,
        'Add "tokenUrl": "https://threddid.com/oauth2/token" (or the sandbox\'s) to the environment in thredd.json.',
      );
    if (!application.clientId)
      throw new TokenConfigError(
        `Application "${application.name}" has no "clientId".`,
        'Copy the Client ID from Thredd Portal (OAuth Client) into "clientId".',
      );
    const scopes = request.scopes ?? application.scopes;
    const tls = request.tls ?? (await this.loadTls(environment));
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scopes.length > 0) form.set('scope', scopes.join(' '));
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    await this.authenticate(form, headers, request, tokenUrl);

    const obtainedAt = this.clock();
    const response = await sendOAuthRequest(
      this.options.http,
      { method: 'POST', url: tokenUrl, headers, body: form.toString(), tls, timeouts: this.options.timeouts, signal: request.signal },
      'token',
    );
    const clientAuth = application.auth.method === 'private_key_jwt' ? 'private_key_jwt' : 'client_secret';
    if (response.status < 200 || response.status >= 300) throw await oauthErrorFrom(response, 'token', clientAuth);
    const json = await readJsonObject(response);
    const accessToken = json?.access_token;
    if (typeof accessToken !== 'string' || accessToken === '') {
      const error = await oauthErrorFrom(response, 'token', clientAuth);
      throw new OAuthError(
        `The token endpoint answered HTTP ${response.status} without an access_token` +
          `${error.bodyExcerpt ? `: "${error.bodyExcerpt}"` : '.'}`,
        'token',
        response.url,
        response.status,
        'Check "tokenUrl" points at the OAuth token endpoint.',
      );
    }

    const warnings = [...response.warnings];
    const claims = decodeAccessToken(accessToken);
    const expiresIn = lifetime(json?.expires_in, claims, obtainedAt, warnings);
    const { binding, warning } = checkCertificateBinding(claims, response.tls?.clientCertificate?.x5tS256);
    if (warning) warnings.push(warning);
    return {
      accessToken,
      tokenType: typeof json?.token_type === 'string' ? json.token_type : 'Bearer',
      expiresIn,
      scope: typeof json?.scope === 'string' ? json.scope : (claims?.scope ?? (scopes.join(' ') || undefined)),
      obtainedAt,
      expiresAt: obtainedAt + expiresIn * 1000,
      claims,
      binding,
      warnings,
      environment: environment.name,
      application: application.name,
      scopes,
      http: { url: response.url, status: response.status, timings: response.timings, tls: response.tls, route: response.route },
    };
  }

  private async loadTls(environment: Environment): Promise<TlsSettings> {
    const passphrase =
      environment.clientCertificate?.passphrase ??
      (environment.clientCertificate ? await this.secrets.get(secretNames.certificatePassphrase(environment.name)) : undefined);
    return loadTlsSettings(environment, { certificatePassphrase: passphrase });
  }

  /** Adds the client authentication of the application's method to the form or headers. */
  private async authenticate(
    form: URLSearchParams,
    headers: Record<string, string>,
    request: TokenRequest,
    tokenUrl: string,
  ): Promise<void> {
    const { application, environment } = request;
    const auth = application.auth;
    if (auth.method === 'private_key_jwt') {
      if (!auth.key)
        throw new TokenConfigError(
          `Application "${application.name}" uses private_key_jwt but has no "key".`,
          'Add "key": the Signing Certificate\'s private key file.',
        );
      const passphrase = auth.passphrase ?? (await this.secrets.get(secretNames.signingKeyPassphrase(application.name)));
      const key = await loadSigningKey(auth.key, passphrase);
      const assertion = await createClientAssertion({
        clientId: application.clientId,
        audience: environment.audience ?? tokenUrl,
        key,
        keySource: auth.key,
        kid: auth.kid,
        alg: auth.alg,
        ttlSeconds: this.options.assertionTtlSeconds,
        now: this.clock,
      });
      // RFC 7523 §2.2 lets client_id ride along; Thredd's examples send it.
      form.set('client_id', application.clientId);
      form.set('client_assertion_type', CLIENT_ASSERTION_TYPE);
      form.set('client_assertion', assertion.jwt);
      return;
    }
    const secret = auth.secret ?? (await this.secrets.get(secretNames.clientSecret(application.name)));
    if (!secret) {
      throw new TokenConfigError(
        `No client secret for application "${application.name}".`,
        'Set "secret": "${env:THREDD_CLIENT_SECRET}" in thredd.json and export it, or (in VS Code) run "Thredd: Set Client Secret".',
      );
    }
    if (auth.method === 'client_secret_basic') {
      // RFC 6749 §2.3.1: id and secret are form-encoded before base64, so a URL client ID's ":" survives.
      headers.authorization = `Basic ${Buffer.from(`${formEncode(application.clientId)}:${formEncode(secret)}`).toString('base64')}`;
    } else {
      form.set('client_id', application.clientId);
      form.set('client_secret', secret);
    }
  }
}

export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

function lifetime(expiresIn: unknown, claims: AccessTokenClaims | undefined, obtainedAt: number, warnings: string[]): number {
  const seconds = typeof expiresIn === 'number' ? expiresIn : typeof expiresIn === 'string' ? Number(expiresIn) : NaN;
  if (Number.isFinite(seconds) && seconds > 0) return seconds;
  if (claims?.exp) return Math.max(0, claims.exp - Math.floor(obtainedAt / 1000));
  warnings.push(`The token response has no expires_in; assuming ${ASSUMED_LIFETIME_SECONDS} s.`);
  return ASSUMED_LIFETIME_SECONDS;
}
