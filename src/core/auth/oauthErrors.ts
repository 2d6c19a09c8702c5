import { UserError } from '../errors/userError';
import { bodyPreview } from '../http/responseBody';
import type { HttpResponse } from '../http/types';

export type OAuthEndpoint = 'token' | 'introspection' | 'registration';

/**
 * A refusal from an OAuth endpoint: the server's `error` / `error_description` (RFC 6749 §5.2,
 * RFC 7591 §3.2.2) and HTTP status, the next step, and for non-JSON bodies a short excerpt.
 */
export class OAuthError extends UserError {
  static override readonly kind: string = 'OAuthError';

  constructor(
    message: string,
    readonly endpoint: OAuthEndpoint,
    readonly url: string,
    readonly status: number,
    fix: string,
    readonly error?: string,
    readonly errorDescription?: string,
    readonly bodyExcerpt?: string,
  ) {
    super(message, fix);
  }

  /** The server's words end without a full stop, so the next step is set off as a hint. */
  override userMessage(): string {
    return `${this.message}. Hint: ${this.fix}`;
  }
}

const ENDPOINT_NAMES: Record<OAuthEndpoint, string> = {
  token: 'Token request',
  introspection: 'Introspection',
  registration: 'Client registration',
};

/** Hints keyed by the OAuth error code; `clientAuth` words invalid_client for the method in use. */
export function hintFor(error: string | undefined, status: number, clientAuth?: 'private_key_jwt' | 'client_secret'): string {
  switch (error) {
    case 'invalid_client':
      return clientAuth === 'client_secret'
        ? 'Check the client ID and the client secret (and the auth "method": client_secret_post vs client_secret_basic).'
        : 'Check the client ID (kept whole), the kid (the Key ID Thredd Portal shows for the Signing ' +
            "Certificate), that the key matches that certificate, this machine's clock (iat/exp), and the " +
            'audience (the token endpoint URL, or "audience" in thredd.json).';
    case 'invalid_scope':
      return 'Ask only for scopes granted to this OAuth client in Thredd Portal: fix "scopes" of the application in thredd.json.';
    case 'invalid_grant':
      return (
        'The server refused the grant; a certificate-bound client must present its Transport Certificate ' +
        '("mtls" in thredd.json) to the token endpoint.'
      );
    case 'unauthorized_client':
    case 'unsupported_grant_type':
      return 'This client may not use client_credentials: its OAuth client must be of type Machine to Machine in Thredd Portal.';
    case 'invalid_target':
      return 'The resource/audience asked for is unknown to the server.';
    case 'invalid_request':
      return 'The server says the request is malformed; its description names the field.';
    case 'invalid_token':
      return (
        'The access token is wrong, expired or was rotated: use the latest registration_access_token ' +
        '(register and update return a new one).'
      );
    case 'invalid_client_metadata':
    case 'invalid_redirect_uri':
      return 'A registration field was refused; the description names it.';
    case 'invalid_software_statement':
    case 'unapproved_software_statement':
      return 'Get a fresh software statement (SSA) for this application; it may be expired or signed by another directory.';
  }
  if (status === 401 || status === 403)
    return 'The server refused the credentials: check the client ID and secret (or the token) and the certificate used.';
  if (status === 404) return 'Check the URL: the server has no endpoint there.';
  if (status >= 500) return 'The server failed; try again later, and check its status page.';
  return 'Compare the request with the API documentation.';
}

/** A short, single-line excerpt of a non-JSON body (HTML error pages are reduced to their text). */
export function excerpt(text: string, limit = 160): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  // The title leads; the page's text follows without it (and without repeating it when a heading does).
  const body = text
    .replace(/<(script|style|title)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const line = title && !body.startsWith(title) ? `${title} ${body}` : body;
  return line.length > limit ? `${line.slice(0, limit)}…` : line;
}

/** Parses a JSON object body; undefined when the body is not JSON. */
export async function readJsonObject(response: HttpResponse, limit = 1024 * 1024): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await bodyPreview(response.body, limit));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function oauthErrorFrom(
  response: HttpResponse,
  endpoint: OAuthEndpoint,
  clientAuth?: 'private_key_jwt' | 'client_secret',
): Promise<OAuthError> {
  const json = await readJsonObject(response);
  const error = typeof json?.error === 'string' ? json.error : undefined;
  const description = typeof json?.error_description === 'string' ? json.error_description : undefined;
  const bodyExcerpt = json ? undefined : excerpt(await bodyPreview(response.body, 4096));
  const what = error ? `${error}${description ? `: ${description}` : ''}` : bodyExcerpt ? `"${bodyExcerpt}"` : 'no details';
  const message = `${ENDPOINT_NAMES[endpoint]} refused (HTTP ${response.status}): ${what}`;
  return new OAuthError(
    message,
    endpoint,
    response.url,
    response.status,
    hintFor(error, response.status, clientAuth),
    error,
    description,
    bodyExcerpt,
  );
}
