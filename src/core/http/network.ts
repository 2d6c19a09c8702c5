import type { RouteFacts } from './types';

/**
 * How connections reach an origin: direct, or through a forward proxy (a CONNECT tunnel that carries the
 * TLS to the origin, and the client certificate with it, end to end). `routeFor` chooses per origin
 * (src/core/proxy decides from thredd.json, CLI flags, VS Code settings and HTTPS_PROXY/NO_PROXY), and the
 * connector (tlsConnector.ts) opens it, keeping the timings, the TLS facts and the client certificate's
 * x5t#S256 that the RFC 8705 binding check reads.
 */
export type ConnectionRoute = DirectRoute | ProxyRoute;

export interface DirectRoute {
  kind: 'direct';
  /** Why no proxy, for `config check` and the response view: e.g. 'NO_PROXY matches .thredd.com'. */
  source?: string;
}

export interface ProxyRoute {
  kind: 'proxy';
  /** The proxy, `http://host:port` or `https://host:port`, without credentials (safe to show). */
  proxy: URL;
  /** The Proxy-Authorization header value (`Basic …`), from the URL's userinfo or http.proxyAuthorization. Never shown. */
  authorization?: string;
  /** PEM of the CA that issued an https:// proxy's certificate (environment `proxyCa`); Node's roots otherwise. */
  proxyCa?: string;
  /** False only with VS Code's http.proxyStrictSSL false: the proxy's own certificate is then not verified (loudly). */
  proxyStrictSSL: boolean;
  /** Where the proxy came from: e.g. 'thredd.json environment "uat"', '--proxy', 'http.proxy', 'HTTPS_PROXY'. */
  source: string;
}

export const DIRECT_ROUTE: DirectRoute = Object.freeze({ kind: 'direct' });

/** Network settings of an HttpClient: everything about how it reaches a host, apart from TLS. */
export interface NetworkOptions {
  /** The route to an origin (`https://host:port`), asked once per origin and client. Default: direct. */
  routeFor?(origin: URL): ConnectionRoute;
}

/** Connections on different routes are never pooled together (a proxy's credentials and CA are part of it). */
export function routeKey(route: ConnectionRoute): string {
  if (route.kind === 'direct') return 'direct';
  const { proxy, authorization = '', proxyCa = '', proxyStrictSSL } = route;
  return ['proxy', proxy.href, authorization, proxyCa, proxyStrictSSL ? 'strict' : 'lax'].join('\u0001');
}

/** What a response or an error may say about a route: a proxy's origin and source, never its credentials. */
export function routeFacts(route: ConnectionRoute): RouteFacts {
  if (route.kind === 'direct') return route;
  const facts: RouteFacts = { kind: 'proxy', proxy: route.proxy.origin, source: route.source };
  if (route.proxy.protocol === 'https:') facts.proxyVerified = route.proxyStrictSSL;
  return facts;
}
