import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Provider } from 'oidc-provider';
import type { MemoryStore } from './memoryStore';

/** Behaviour added to oidc-provider through its documented hooks and events (no monkeypatching). */

interface IssuedToken {
  jti: string;
  iat?: number;
  exp?: number;
  /** Lifetime in seconds (oidc-provider BaseToken). */
  expiration: number;
  constructor: { IN_PAYLOAD: string[] };
  [key: string]: unknown;
}

/**
 * The client certificate for RFC 8705 binding, only when the handshake verified it against our CA:
 * the listener asks for certificates without requiring them, so TLS and mTLS clients share it.
 */
export function verifiedPeerCertificate(
  socket: TLSSocket | undefined,
  InvalidGrant: new (description: string) => Error,
): X509Certificate | undefined {
  const peer = socket?.getPeerCertificate?.();
  if (!peer?.raw) return undefined;
  if (!socket?.authorized)
    throw new InvalidGrant(
      `the client certificate was not accepted (${String(socket?.authorizationError)}): ` +
        "present a certificate issued by this server's CA and still valid",
    );
  return new X509Certificate(peer.raw);
}

/** client_credentials quietly drops unknown scopes; asking for one the client lacks is refused, which is clearer. */
export function refuseScopesBeyondClient(
  requested: string | undefined,
  clientScope: string | undefined,
  apiScopes: Set<string>,
  InvalidScope: new (description: string, scope: string) => Error,
): void {
  if (!requested) return;
  const allowed = new Set((clientScope ?? [...apiScopes].join(' ')).split(' '));
  const refused = requested.split(' ').filter((scope) => scope && (!allowed.has(scope) || !apiScopes.has(scope)));
  if (refused.length > 0) throw new InvalidScope(`requested scope is not allowed for this client: ${refused.join(' ')}`, refused.join(' '));
}

/**
 * oidc-provider answers every client authentication failure with "client authentication failed" and keeps
 * the reason in error_detail. A sandbox is for learning, so the reason (wrong kid, expired assertion,
 * audience, replayed jti) goes into error_description through the provider's error events.
 */
export function explainClientErrors(provider: Provider, onServerError?: (error: Error) => void): void {
  const events = [
    'grant.error',
    'introspection.error',
    'registration_create.error',
    'registration_read.error',
    'registration_update.error',
    'registration_delete.error',
  ];
  for (const event of events) {
    provider.on(event, (ctx: { body?: Record<string, unknown> }, error: { error_detail?: string }) => {
      const body = ctx.body;
      if (
        error.error_detail &&
        body &&
        typeof body.error_description === 'string' &&
        !body.error_description.includes(error.error_detail)
      ) {
        body.error_description = `${body.error_description} (${error.error_detail})`;
      }
    });
  }
  provider.on('server_error', (_ctx: unknown, error: Error) => onServerError?.(error));
}

/**
 * Thredd gives a client assertion's audience as www.threddid.com/oauth2/token (55840699567) for the token endpoint
 * at threddid.com/oauth2/token, so both spellings must work. oidc-provider accepts the `aud` values that
 * OIDCContext#clientJwtAuthExpectedAudience returns (the issuer and the endpoint's URLs); each provider has its own
 * OIDCContext class, so extending that method here changes this provider only. The www. form of every URL named by
 * a host name (not an IP address) joins the accepted set; the plain ones stay.
 */
export function acceptAudienceWithWww(provider: Provider): void {
  const context = provider.OIDCContext.prototype;
  const accepted = context.clientJwtAuthExpectedAudience;
  context.clientJwtAuthExpectedAudience = function (this: typeof context) {
    const audiences = accepted.call(this);
    for (const audience of [...audiences]) {
      const www = withWww(audience);
      if (www) audiences.add(www);
    }
    return audiences;
  };
}

/** The URL with www. before its host name; undefined for an IP address or a host that already has it. */
export function withWww(url: string): string | undefined {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return undefined;
  }
  if (isIP(hostname.replace(/^\[|\]$/g, '')) !== 0 || hostname.startsWith('www.')) return undefined;
  const scheme = /^[a-z][a-z\d+.-]*:\/\//i.exec(url)?.[0] ?? '';
  return `${scheme}www.${url.slice(scheme.length)}`;
}

/** JWT access tokens are not stored by oidc-provider; keep them so RFC 7662 introspection finds them. */
export function rememberIssuedTokens(provider: Provider, store: MemoryStore): void {
  provider.on('client_credentials.issued', (token: IssuedToken) => {
    const iat = token.iat ?? Math.floor(Date.now() / 1000);
    const exp = token.exp ?? iat + token.expiration;
    const payload: Record<string, unknown> = {};
    for (const key of token.constructor.IN_PAYLOAD) if (token[key] !== undefined) payload[key] = token[key];
    store.rememberToken('ClientCredentials', token.jti, { ...payload, iat, exp }, Math.max(1, exp - iat));
  });
}
