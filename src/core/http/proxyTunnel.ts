import type * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import type buildConnector from 'undici/types/connector';
import { DIRECT_ROUTE, routeKey, type ProxyRoute } from './network';
import { proxyHopFailure, proxyRefusal, type ProxyHopError } from './proxyHopError';
import { secureOptionsFor, tracingConnector, type SocketFacts, type SocketSlot } from './tlsConnector';
import { Pool } from './undiciCore';

/** An open tunnel to the origin and what opening it cost. */
export interface Tunnel {
  socket: net.Socket;
  /** Resolving the proxy's name. */
  dns: number;
  /** The CONNECT exchange, from the socket to the proxy being ready to its 2xx. */
  tunnel: number;
}

/**
 * CONNECT tunnels (RFC 9110 §9.3.6) through forward proxies, with undici's own tunnelling: a Pool for the
 * proxy's origin and its `connect()`, as undici's ProxyAgent does. Each CONNECT takes the proxy connection
 * over, so one tunnel is one pooled connection to the origin and every request on it reuses it. The hop to
 * the proxy goes through tracingConnector as a direct connection, so it is timed and an https:// proxy's
 * certificate is verified against Node's roots plus `proxyCa` (or not, loudly, with proxyStrictSSL false).
 */
export class ProxyTunnels {
  private readonly proxies = new Map<string, Pool>();
  /** What the hop to the proxy cost, per socket the proxy Pool opened (the CONNECT hands that socket back). */
  private readonly hops = new WeakMap<net.Socket, SocketFacts>();

  /** Opens a tunnel to `authority` (`host:port`, IPv6 in brackets); `signal` gives up on it. */
  open(
    route: ProxyRoute,
    authority: string,
    connectTimeoutMs: number,
    signal: AbortSignal,
    callback: (error: ProxyHopError | null, tunnel?: Tunnel) => void,
  ): void {
    const headers: Record<string, string> = { host: authority };
    if (route.authorization) headers['proxy-authorization'] = route.authorization;
    this.proxyFor(route, connectTimeoutMs).connect({ path: authority, headers, signal }, (error, data) => {
      if (error) {
        callback(proxyHopFailure(route, authority, error));
        return;
      }
      const { statusCode, socket } = data;
      if (statusCode < 200 || statusCode > 299) {
        socket.on('error', () => undefined).destroy();
        callback(proxyRefusal(route, authority, statusCode));
        return;
      }
      const hop = this.hops.get(socket as net.Socket);
      callback(null, { socket: socket as net.Socket, dns: hop?.dns ?? 0, tunnel: hop ? performance.now() - hop.readyAt : 0 });
    });
  }

  /** Closes the connections to the proxies (the tunnels themselves belong to the agents that use them). */
  async close(mode: 'destroy' | 'when-idle'): Promise<void> {
    const proxies = [...this.proxies.values()];
    this.proxies.clear();
    await Promise.all(proxies.map((proxy) => (mode === 'destroy' ? proxy.destroy() : proxy.close())));
  }

  private proxyFor(route: ProxyRoute, connectTimeoutMs: number): Pool {
    const key = `${routeKey(route)}\u0000${connectTimeoutMs}`;
    let proxy = this.proxies.get(key);
    if (!proxy) {
      proxy = new Pool(route.proxy.origin, { connect: this.hopConnector(route, connectTimeoutMs) });
      this.proxies.set(key, proxy);
    }
    return proxy;
  }

  private hopConnector(route: ProxyRoute, connectTimeoutMs: number): buildConnector.connector {
    // Node's roots plus proxyCa, no client certificate; verification is tracingConnector's, after the handshake
    // (so a refusal carries the proxy's chain).
    const secure = secureOptionsFor(route.proxy.protocol === 'https:' ? { ca: route.proxyCa } : {});
    return (options, callback) => {
      const slot: SocketSlot = {};
      tracingConnector(
        DIRECT_ROUTE,
        secure,
        !route.proxyStrictSSL,
        connectTimeoutMs,
        slot,
      )(options, (error, socket) => {
        if (socket && slot.current) this.hops.set(socket, slot.current);
        (callback as (error: Error | null, socket: net.Socket | null) => void)(error, socket);
      });
    };
  }
}
