import type { HttpClient } from '../http/httpClient';
import type { HttpTimeouts, TlsSettings } from '../http/types';
import { OAuthError, oauthErrorFrom, readJsonObject } from './oauthErrors';
import { sendOAuthRequest } from './oauthRequest';

/** How registration calls travel: over mTLS with the transport certificate for Thredd's directory. */
export interface RegistrationTransport {
  tls?: TlsSettings;
  timeouts?: HttpTimeouts;
  signal?: AbortSignal;
}

export type ClientMetadata = Record<string, unknown>;

/** A registered client. Keep `registrationAccessToken` and `registrationClientUri` secret: they manage the client. */
export interface ClientRegistration {
  clientId: string;
  clientSecret?: string;
  registrationAccessToken?: string;
  registrationClientUri?: string;
  /** Everything the server returned (RFC 7591 §3.2.1), including the above. */
  metadata: ClientMetadata;
  warnings: string[];
}

export interface RegisterRequest extends RegistrationTransport {
  registrationUrl: string;
  /** The software statement (SSA), a JWT signed by the directory (RFC 7591 §2.3). */
  softwareStatement?: string;
  /** Bearer token the registration endpoint asks for (RFC 7591 §3 "initial access token"). */
  initialAccessToken?: string;
  /** e.g. grant_types, token_endpoint_auth_method, scope, jwks_uri, tls_client_certificate_bound_access_tokens. */
  metadata: ClientMetadata;
}

export interface ManageRequest extends RegistrationTransport {
  registrationClientUri: string;
  registrationAccessToken: string;
}

/** RFC 7591 §3.1: POST the metadata (and software statement) as JSON. */
export async function registerClient(http: HttpClient, request: RegisterRequest): Promise<ClientRegistration> {
  const body = { ...request.metadata, ...(request.softwareStatement ? { software_statement: request.softwareStatement } : {}) };
  return call(http, request.registrationUrl, 'POST', request, request.initialAccessToken, body);
}

/** RFC 7592 §2.1: read the current registration. */
export function readRegistration(http: HttpClient, request: ManageRequest): Promise<ClientRegistration> {
  return call(http, request.registrationClientUri, 'GET', request, request.registrationAccessToken, undefined);
}

/**
 * RFC 7592 §2.2: replace the registration. The body is the whole metadata with client_id and without the
 * server-managed fields; the answer may carry a new registration_access_token (rotation), which replaces the old.
 */
export function updateRegistration(
  http: HttpClient,
  request: ManageRequest & { clientId: string; metadata: ClientMetadata },
): Promise<ClientRegistration> {
  const body: ClientMetadata = { ...request.metadata, client_id: request.clientId };
  for (const field of ['registration_access_token', 'registration_client_uri', 'client_secret_expires_at', 'client_id_issued_at'])
    delete body[field];
  return call(http, request.registrationClientUri, 'PUT', request, request.registrationAccessToken, body);
}

/** RFC 7592 §2.3: delete the client; the server answers 204. */
export async function deleteRegistration(http: HttpClient, request: ManageRequest): Promise<void> {
  const response = await sendOAuthRequest(
    http,
    {
      method: 'DELETE',
      url: request.registrationClientUri,
      headers: { authorization: `Bearer ${request.registrationAccessToken}` },
      tls: request.tls,
      timeouts: request.timeouts,
      signal: request.signal,
    },
    'registration',
  );
  if (response.status !== 204 && response.status !== 200) throw await oauthErrorFrom(response, 'registration');
}

async function call(
  http: HttpClient,
  url: string,
  method: string,
  transport: RegistrationTransport,
  bearer: string | undefined,
  body: ClientMetadata | undefined,
): Promise<ClientRegistration> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body) headers['content-type'] = 'application/json';
  const response = await sendOAuthRequest(
    http,
    {
      method,
      url,
      headers,
      body: body ? JSON.stringify(body) : undefined,
      tls: transport.tls,
      timeouts: transport.timeouts,
      signal: transport.signal,
    },
    'registration',
  );
  // 201 for a registration (RFC 7591 §3.2.1), 200 for read and update (RFC 7592 §3).
  if (response.status < 200 || response.status >= 300) throw await oauthErrorFrom(response, 'registration');
  const metadata = await readJsonObject(response);
  if (!metadata || typeof metadata.client_id !== 'string') {
    throw new OAuthError(
      `The registration endpoint answered HTTP ${response.status} without a client_id.`,
      'registration',
      response.url,
      response.status,
      'Check the URL points at the RFC 7591 registration endpoint.',
    );
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    clientId: metadata.client_id,
    clientSecret: text(metadata.client_secret),
    registrationAccessToken: text(metadata.registration_access_token),
    registrationClientUri: text(metadata.registration_client_uri),
    metadata,
    warnings: response.warnings,
  };
}
