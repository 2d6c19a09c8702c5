import type { HttpClient } from '../http/httpClient';
import type { HttpTimeouts, TlsSettings } from '../http/types';
import { oauthErrorFrom, OAuthError, readJsonObject } from './oauthErrors';
import { sendOAuthRequest } from './oauthRequest';
import { formEncode } from './tokenClient';

export interface IntrospectionRequest {
  url: string;
  token: string;
  /** The introspection credentials (the resource server's, or the client's on the RDX server). */
  clientId: string;
  clientSecret: string;
  tokenTypeHint?: 'access_token' | 'refresh_token';
  tls?: TlsSettings;
  timeouts?: HttpTimeouts;
  signal?: AbortSignal;
}

export interface IntrospectionResult {
  active: boolean;
  scope?: string;
  clientId?: string;
  /** Seconds since the epoch. */
  exp?: number;
  /** The whole answer (RFC 7662 §2.2), for display. */
  claims: Record<string, unknown>;
  warnings: string[];
}

/** RFC 7662 token introspection with HTTP Basic client authentication, as Thredd's RDX server expects. */
export async function introspectToken(http: HttpClient, request: IntrospectionRequest): Promise<IntrospectionResult> {
  const form = new URLSearchParams({ token: request.token });
  if (request.tokenTypeHint) form.set('token_type_hint', request.tokenTypeHint);
  const response = await sendOAuthRequest(
    http,
    {
      method: 'POST',
      url: request.url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Basic ${Buffer.from(`${formEncode(request.clientId)}:${formEncode(request.clientSecret)}`).toString('base64')}`,
      },
      body: form.toString(),
      tls: request.tls,
      timeouts: request.timeouts,
      signal: request.signal,
    },
    'introspection',
  );
  if (response.status !== 200) throw await oauthErrorFrom(response, 'introspection', 'client_secret');
  const claims = await readJsonObject(response);
  if (!claims || typeof claims.active !== 'boolean') {
    throw new OAuthError(
      `The introspection endpoint answered without an "active" field.`,
      'introspection',
      response.url,
      response.status,
      'Check "introspectionUrl" points at the RFC 7662 endpoint (…/connect/introspect on the RDX server).',
    );
  }
  return {
    active: claims.active,
    scope: typeof claims.scope === 'string' ? claims.scope : undefined,
    clientId: typeof claims.client_id === 'string' ? claims.client_id : undefined,
    exp: typeof claims.exp === 'number' ? claims.exp : undefined,
    claims,
    warnings: response.warnings,
  };
}
