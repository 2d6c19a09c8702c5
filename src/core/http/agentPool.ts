import type { Dispatcher } from 'undici';
import { Agent, Client, interceptors, Pool, type ClientOptions } from './undiciCore';
import { DIRECT_ROUTE, routeKey, type ConnectionRoute, type NetworkOptions } from './network';
import { ProxyTunnels } from './proxyTunnel';
import { caDigest, tracingConnector, secureOptionsFor, type SocketSlot } from './tlsConnector';
import type { TlsSettings } from './types';

/**
 * Rides on the request's `opaque` option (undici passes it unchanged through Agent, Pool, Client and
 * the redirect interceptor) so the client that serves a hop can say which socket answered it.
 */
export class RequestTrace {
  slot?: SocketSlot;
  readonly hops: string[] = [];
}

/** One connection per Client (pipelining 1), so its current socket is the one answering. */
class TracedClient extends Client {
  constructor(
    origin: URL,
    options: ClientOptions,
    readonly slot: SocketSlot,
  ) {
    super(origin, options);
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const trace = (options as { opaque?: unknown }).opaque;
    if (trace instanceof RequestTrace) {
      trace.slot = this.slot;
      trace.hops.push(new URL(options.path, options.origin ?? undefined).href);
    }
    return super.dispatch(options, handler);
  }
}

interface AgentEntry {
  agent: Agent;
  redirecting: Map<number, Dispatcher>;
}

export interface AgentPoolOptions {
  /** Idle keep-alive per connection, unless the server asks for less. Default 30 s. */
  keepAliveMs?: number;
  /** Parallel connections per origin. Default 16. */
  connectionsPerOrigin?: number;
  network?: NetworkOptions;
}

/**
 * One undici Agent per (origin, route, client certificate, CA, insecure, connect timeout): repeated calls
 * reuse the mTLS connection.
 */
export class AgentPool {
  private readonly agents = new Map<string, AgentEntry>();
  private readonly routes = new Map<string, ConnectionRoute>();
  /** Connections to the proxies that open the tunnels; made with the first proxied agent. */
  private tunnels?: ProxyTunnels;

  constructor(private readonly options: AgentPoolOptions = {}) {}

  /** The dispatcher for a request; with `maxRedirections` > 0 it follows redirects through undici's interceptor. */
  dispatcherFor(origin: string, settings: TlsSettings, connectTimeoutMs: number, maxRedirections: number): Dispatcher {
    const route = this.routeFor(origin);
    const key = agentKey(origin, route, settings, connectTimeoutMs);
    let entry = this.agents.get(key);
    if (!entry) {
      entry = { agent: this.createAgent(route, settings, connectTimeoutMs), redirecting: new Map() };
      this.agents.set(key, entry);
    }
    if (maxRedirections <= 0) return entry.agent;
    let composed = entry.redirecting.get(maxRedirections);
    if (!composed) {
      composed = entry.agent.compose(interceptors.redirect({ maxRedirections }));
      entry.redirecting.set(maxRedirections, composed);
    }
    return composed;
  }

  get size(): number {
    return this.agents.size;
  }

  /**
   * Forgets every agent. `destroy` ends their sockets now (in-flight requests fail with kind
   * "aborted"/"reset"); otherwise each agent closes once its in-flight requests have finished.
   */
  async close(mode: 'destroy' | 'when-idle' = 'destroy'): Promise<void> {
    const entries = [...this.agents.values()];
    const tunnels = this.tunnels;
    this.agents.clear();
    this.routes.clear();
    this.tunnels = undefined;
    await Promise.all(entries.map((entry) => (mode === 'destroy' ? entry.agent.destroy() : entry.agent.close())));
    await tunnels?.close(mode);
  }

  /** Asked once per origin: a route decision (e.g. matching NO_PROXY rules) must not cost every request. */
  routeFor(origin: string): ConnectionRoute {
    let route = this.routes.get(origin);
    if (!route) {
      route = this.options.network?.routeFor?.(new URL(origin)) ?? DIRECT_ROUTE;
      this.routes.set(origin, route);
    }
    return route;
  }

  private createAgent(route: ConnectionRoute, settings: TlsSettings, connectTimeoutMs: number): Agent {
    const secure = secureOptionsFor(settings);
    const keepAliveTimeout = this.options.keepAliveMs ?? 30_000;
    const connections = this.options.connectionsPerOrigin ?? 16;
    const tunnels = route.kind === 'proxy' ? (this.tunnels ??= new ProxyTunnels()) : undefined;
    return new Agent({
      factory: (origin) =>
        new Pool(origin, {
          connections,
          factory: (clientOrigin) => {
            const slot: SocketSlot = {};
            const connect = tracingConnector(route, secure, settings.insecure === true, connectTimeoutMs, slot, tunnels);
            return new TracedClient(
              clientOrigin,
              { connect, keepAliveTimeout, keepAliveMaxTimeout: Math.max(keepAliveTimeout, 600_000), pipelining: 1 },
              slot,
            );
          },
        }),
    });
  }
}

function agentKey(origin: string, route: ConnectionRoute, settings: TlsSettings, connectTimeoutMs: number): string {
  const ca = settings.ca ? caDigest(settings.ca) : '';
  return [origin, routeKey(route), settings.clientCertificate?.id ?? '', ca, settings.insecure ? 'insecure' : '', connectTimeoutMs].join(
    '\u0000',
  );
}
