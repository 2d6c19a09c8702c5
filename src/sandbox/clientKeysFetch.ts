import * as https from 'node:https';
import type { errors as ProviderErrors } from 'oidc-provider';

/**
 * oidc-provider fetches a client's `jwks_uri` itself, by default over Node's global agent: outside the
 * product's HTTP client, with the process's trust store and proxy settings. The sandbox is local and
 * offline, so a `jwks_uri` may only point at the sandbox's own TLS listener (where the organisation
 * JWKS is served), and is fetched with an agent that trusts the sandbox CA and nothing else.
 */
export interface ClientKeysFetch {
  /** The one origin a jwks_uri may be on, e.g. https://127.0.0.1:8443. */
  origin: string;
  /** PEM of the CA that issued that listener's certificate. */
  ca: string;
}

const FETCH_TIMEOUT_MS = 2500;

/** oidc-provider's `httpOptions`: explicit for every outbound request, refusing any other origin. */
export function clientKeysHttpOptions(fetch: ClientKeysFetch | undefined) {
  const agent = fetch && new https.Agent({ ca: fetch.ca, keepAlive: false });
  return (url: URL) => {
    if (!agent || url.origin !== fetch?.origin) {
      return { signal: AbortSignal.abort(new Error(`the sandbox fetches nothing from ${url.origin}`)) };
    }
    return { agent, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) };
  };
}

/** A registration policy: a jwks_uri elsewhere is refused when the client registers, with the fix. */
export function clientKeysPolicy(fetch: ClientKeysFetch | undefined, errors: typeof ProviderErrors) {
  return (_ctx: unknown, properties: Record<string, unknown>) => {
    const uri = properties.jwks_uri;
    if (uri === undefined) return;
    let origin: string | undefined;
    try {
      origin = new URL(String(uri)).origin;
    } catch {
      origin = undefined;
    }
    if (!fetch || origin !== fetch.origin) {
      const where = fetch ? `on ${fetch.origin} (the organisation JWKS there)` : 'nowhere';
      throw new errors.InvalidClientMetadata(
        `jwks_uri ${String(uri)} is refused: the sandbox is offline and fetches client keys only from ${where}; send "jwks" inline instead`,
      );
    }
  };
}
