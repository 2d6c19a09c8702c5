/**
 * How connections reach an origin. Every connection is direct today. A proxy (VS Code's http.proxy,
 * HTTPS_PROXY and NO_PROXY, a CONNECT tunnel carrying mTLS end to end) becomes another kind of route:
 * `routeFor` chooses it per origin, and the connector (tlsConnector.ts) opens it, keeping the timings,
 * the TLS facts and the client certificate's x5t#S256 that the RFC 8705 binding check reads.
 */
export type ConnectionRoute = { kind: 'direct' };

export const DIRECT_ROUTE: ConnectionRoute = Object.freeze({ kind: 'direct' });

/** Network settings of an HttpClient: everything about how it reaches a host, apart from TLS. */
export interface NetworkOptions {
  /** The route to an origin (`https://host:port`), asked once per origin and client. Default: direct. */
  routeFor?(origin: URL): ConnectionRoute;
}

/** Connections on different routes are never pooled together. */
export function routeKey(route: ConnectionRoute): string {
  return route.kind;
}
