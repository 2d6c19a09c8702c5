/**
 * Thredd's legacy Postman collections ("Thredd REST API External", "GPS REST API External") get their token with
 * a "Generate Token" request: it posts client_id, client_secret and grant_type=client_credentials to the token
 * endpoint, a test script stores the access token, and the card requests send it as a Bearer token
 * (thredd-api-facts, "Thredd's Postman collections"). Thredd's environments do this themselves (tokenUrl + an
 * application), so the request is recognised, turned into configuration and dropped.
 */
import type { PostmanAuth, PostmanRequest } from './model';
import { bareReference } from './references';
import type { ScriptTranslation } from './scripts/translateScript';

export interface TokenRequest {
  /** The captured variable that later Bearer headers send. */
  variable: string;
  tokenUrl: string;
  clientId: string;
  /** The client secret as written (a literal or `{{var}}`); absent for private_key_jwt. */
  clientSecret?: string;
  method: 'client_secret_post' | 'client_secret_basic' | 'private_key_jwt';
  scopes: string[];
}

function formFields(request: PostmanRequest): Map<string, string> | undefined {
  const body = request.body;
  if (body?.mode === 'urlencoded') return new Map(body.fields.filter((field) => !field.disabled).map((field) => [field.key, field.value]));
  if (body?.mode === 'raw' && /grant_type=/.test(body.raw)) return new Map(new URLSearchParams(body.raw.trim()).entries());
  return undefined;
}

/** The token a later request sends as `Bearer {{x}}` (header or bearer auth), if it is a bare variable. */
export function bearerVariable(headers: PostmanRequest['headers'], auth: PostmanAuth | undefined): string | undefined {
  const header = headers.find((entry) => !entry.disabled && entry.key.toLowerCase() === 'authorization');
  const token = header ? /^Bearer\s+(.+)$/i.exec(header.value.trim())?.[1] : auth?.type === 'bearer' ? auth.token : undefined;
  return token && bareReference(token);
}

/**
 * The Generate Token pattern in `request`, when its test script captures `access_token` into a variable that one of
 * `laterBearers` (the Bearer variables of the requests after it) sends.
 */
export function detectTokenRequest(
  request: PostmanRequest,
  auth: PostmanAuth | undefined,
  tests: readonly ScriptTranslation[],
  laterBearers: ReadonlySet<string>,
): TokenRequest | undefined {
  const fields = formFields(request);
  if (request.method !== 'POST' || fields?.get('grant_type') !== 'client_credentials') return undefined;
  const variable = tests
    .flatMap((test) => test.captures)
    .find((item) => item.path === '$.access_token' && laterBearers.has(item.variable))?.variable;
  if (!variable) return undefined;
  const scopes = (fields.get('scope') ?? '').split(/\s+/).filter(Boolean);
  if (fields.has('client_assertion') || fields.has('client_assertion_type')) {
    return { variable, tokenUrl: request.url.raw, clientId: fields.get('client_id') ?? '', method: 'private_key_jwt', scopes };
  }
  if (auth?.type === 'basic') {
    return {
      variable,
      tokenUrl: request.url.raw,
      clientId: auth.username,
      clientSecret: auth.password,
      method: 'client_secret_basic',
      scopes,
    };
  }
  return {
    variable,
    tokenUrl: request.url.raw,
    clientId: fields.get('client_id') ?? '',
    clientSecret: fields.get('client_secret') ?? '',
    method: 'client_secret_post',
    scopes,
  };
}

/** Postman's OAuth 2.0 auth with the client credentials grant, as the same settings. */
export function oauth2TokenSettings(auth: PostmanAuth | undefined): Omit<TokenRequest, 'variable'> | undefined {
  if (auth?.type !== 'oauth2' || auth.grantType !== 'client_credentials') return undefined;
  return {
    tokenUrl: auth.accessTokenUrl,
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    method: auth.clientAuthentication === 'body' ? 'client_secret_post' : 'client_secret_basic',
    scopes: auth.scope.split(/\s+/).filter(Boolean),
  };
}
