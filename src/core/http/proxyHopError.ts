import type { ProxyRoute } from './network';
import type { CertificateSummary } from './types';

export type ProxyHopCode = 'THREDD_PROXY_AUTH' | 'THREDD_PROXY_REFUSED' | 'THREDD_PROXY_UNREACHABLE' | 'THREDD_PROXY_TLS';

/**
 * The hop to the proxy failed before the origin was reached: the proxy could not be reached, its own
 * certificate was refused, or it answered CONNECT with an error. Never carries the proxy's credentials
 * (it keeps the proxy's origin and source, not the route with its Proxy-Authorization).
 */
export class ProxyHopError extends Error {
  constructor(
    message: string,
    readonly code: ProxyHopCode,
    /** The proxy's origin (the route's URL, which has no credentials). */
    readonly proxy: string,
    /** Where the proxy setting came from, to say which one to fix. */
    readonly source: string,
    /** The `host:port` the tunnel was asked for. */
    readonly target: string,
    /** Whether a Proxy-Authorization header was sent (its value never is kept). */
    readonly sentCredentials: boolean,
    /** The proxy's answer to CONNECT, when it answered. */
    readonly status?: number,
    cause?: unknown,
  ) {
    super(message, { cause });
  }

  /** The proxy's own certificates, when its certificate was refused. */
  get serverChain(): CertificateSummary[] | undefined {
    return (this.cause as { serverChain?: CertificateSummary[] } | undefined)?.serverChain;
  }

  /** The low-level code of what failed on the way to the proxy (ECONNREFUSED, a TLS verification code...). */
  get causeCode(): string {
    return String((this.cause as { code?: unknown } | undefined)?.code ?? '');
  }
}

/** The proxy answered CONNECT with something other than 2xx. */
export function proxyRefusal(route: ProxyRoute, target: string, status: number): ProxyHopError {
  const code = status === 407 ? 'THREDD_PROXY_AUTH' : 'THREDD_PROXY_REFUSED';
  const message = `proxy ${route.proxy.origin} answered CONNECT ${target} with ${status}`;
  return new ProxyHopError(message, code, route.proxy.origin, route.source, target, route.authorization !== undefined, status);
}

const TLS_FAILURE = /^(ERR_SSL|ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/;

/** The proxy could not be reached, or the TLS handshake with it failed; `error` is the low-level cause. */
export function proxyHopFailure(route: ProxyRoute, target: string, error: Error): ProxyHopError {
  const cause = String((error as { code?: unknown }).code ?? '');
  const code = TLS_FAILURE.test(cause) ? 'THREDD_PROXY_TLS' : 'THREDD_PROXY_UNREACHABLE';
  const message = `proxy ${route.proxy.origin}: ${cause ? `${cause}: ` : ''}${error.message}`;
  return new ProxyHopError(message, code, route.proxy.origin, route.source, target, route.authorization !== undefined, undefined, error);
}
