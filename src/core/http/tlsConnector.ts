import { createHash } from 'node:crypto';
import * as dns from 'node:dns';
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import * as tls from 'node:tls';
import type buildConnector from 'undici/types/connector';
import { readTlsFacts } from './certificateFacts';
import { routeFacts, type ConnectionRoute } from './network';
import { proxyHopFailure } from './proxyHopError';
import type { ProxyTunnels } from './proxyTunnel';
import type { RouteFacts, TlsFacts, TlsSettings } from './types';

/** What one connection cost and what its handshake settled; shared by every request it carries. */
export interface SocketFacts {
  dns: number;
  connect: number;
  tls: number;
  /** Through a proxy: the CONNECT exchange, part of `connect`. */
  tunnel?: number;
  /** performance.now() when the socket became usable. */
  readyAt: number;
  facts?: TlsFacts;
  /** Direct, or through which proxy: one object per connector, shared by its sockets. */
  route: RouteFacts;
  /** Requests answered on this socket so far (0 until the first response). */
  uses: number;
  /**
   * The first error the socket raised after the handshake. undici reports a TLS 1.3 alert that
   * arrives after the handshake (e.g. certificate_required) as "other side closed"; this keeps it.
   */
  firstError?: Error;
}

/** The socket currently serving one undici Client (one connection at a time, pipelining 1). */
export interface SocketSlot {
  current?: SocketFacts;
}

/**
 * An undici connector that times DNS, TCP and TLS per socket and records the TLS facts. Verification
 * is Node's own; we connect with rejectUnauthorized false and refuse an unverified server ourselves,
 * so the error can carry the chain the server sent (the user needs its issuer to fix "ca").
 * Through a proxy the same TLS runs inside the CONNECT tunnel, so the client certificate goes end to
 * end to the origin (RFC 8705 binds the token to it), never to the proxy.
 */
export function tracingConnector(
  route: ConnectionRoute,
  secure: tls.ConnectionOptions,
  insecure: boolean,
  connectTimeoutMs: number,
  slot: SocketSlot,
  tunnels?: ProxyTunnels,
): buildConnector.connector {
  if (route.kind === 'proxy' && !tunnels) throw new Error("A proxy route needs the agent pool's tunnels.");
  const shown = routeFacts(route);
  return ({ hostname, protocol, port }, callback) => {
    const started = performance.now();
    const timing: Omit<SocketFacts, 'readyAt' | 'facts' | 'route' | 'uses'> = { dns: 0, connect: 0, tls: 0 };
    let done = false;
    let socket: net.Socket | undefined;
    let abandon: AbortController | undefined;
    const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    const https = protocol === 'https:';
    const portNumber = Number(port) || (https ? 443 : 80);

    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        abandon?.abort();
        socket?.destroy();
        callback(error, null);
      } else {
        callback(null, socket!);
      }
    };
    const timer = setTimeout(() => {
      const timeout = Object.assign(new Error(`connect timeout after ${connectTimeoutMs} ms`), { code: 'THREDD_CONNECT_TIMEOUT' });
      // Before the tunnel opened, it is the proxy that did not answer in time.
      finish(route.kind === 'proxy' && !socket ? proxyHopFailure(route, `${hostname}:${portNumber}`, timeout) : timeout);
    }, connectTimeoutMs);

    const ready = (facts: TlsFacts | undefined) => {
      const current: SocketFacts = { ...timing, readyAt: performance.now(), facts, route: shown, uses: 0 };
      socket!.on('error', (error) => (current.firstError ??= error));
      slot.current = current;
      finish(null);
    };
    const watch = (opened: net.Socket) => {
      socket = opened;
      if (https) {
        opened.once('secureConnect', () => {
          const facts = readTlsFacts(opened as tls.TLSSocket);
          timing.tls = performance.now() - started - timing.dns - timing.connect;
          if (!facts.authorized && !insecure) {
            const code = facts.authorizationError ?? 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
            const reason = code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? hostnameMismatch(host, facts) : code;
            finish(Object.assign(new Error(reason), { code, serverChain: facts.serverChain }));
            return;
          }
          ready(facts);
        });
      }
      opened.once('error', (error) => finish(error));
    };
    const servername = net.isIP(host) ? undefined : host;

    if (route.kind === 'proxy') {
      abandon = new AbortController();
      tunnels!.open(route, `${hostname}:${portNumber}`, connectTimeoutMs, abandon.signal, (error, tunnel) => {
        if (done || !tunnel) {
          tunnel?.socket.destroy();
          finish(error);
          return;
        }
        abandon = undefined;
        tunnel.socket.setNoDelay(true).setKeepAlive(true, 60_000);
        Object.assign(timing, { dns: tunnel.dns, connect: performance.now() - started - tunnel.dns, tunnel: tunnel.tunnel });
        watch(https ? tls.connect({ ...secure, socket: tunnel.socket, servername, ALPNProtocols: ['http/1.1'] }) : tunnel.socket);
        if (!https) ready(undefined);
      });
      return;
    }

    const lookup: net.LookupFunction = (name, options, cb) => {
      const t = performance.now();
      dns.lookup(name, options, ((...args: Parameters<Parameters<net.LookupFunction>[2]>) => {
        timing.dns = performance.now() - t;
        (cb as (...a: unknown[]) => void)(...args);
      }) as never);
    };
    watch(
      https
        ? tls.connect({ ...secure, host, port: portNumber, servername, ALPNProtocols: ['http/1.1'], lookup })
        : net.connect({ host, port: portNumber, lookup }),
    );
    socket!.setNoDelay(true).setKeepAlive(true, 60_000);
    socket!.once('connect', () => {
      timing.connect = performance.now() - started - timing.dns;
      if (!https) ready(undefined);
    });
  };
}

function hostnameMismatch(host: string, facts: TlsFacts): string {
  const names = facts.serverChain[0]?.subjectAltName ?? 'no subjectAltName';
  return `The certificate covers ${names}, not ${host}`;
}

/**
 * Node TLS options from the settings. The secure context is built once per (certificate, CA) for the
 * whole process, so every client for the same certificate shares it. Verification is decided after
 * the handshake (tracingConnector). Throws on a bad key or passphrase.
 */
export function secureOptionsFor(settings: TlsSettings): tls.ConnectionOptions {
  const cert = settings.clientCertificate;
  const key = `${cert?.id ?? ''}\u0000${settings.ca ? caDigest(settings.ca) : ''}`;
  let context = contexts.get(key);
  if (!context) {
    const clientCertificate = {
      ...(cert?.kind === 'pem' ? { cert: cert.cert, key: cert.key, passphrase: cert.passphrase } : {}),
      ...(cert?.kind === 'pfx' ? { pfx: cert.pfx, passphrase: cert.passphrase } : {}),
    };
    context = settings.ca ? contextTrustingRootsAnd(settings.ca, clientCertificate) : tls.createSecureContext(clientCertificate);
    if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value!);
    contexts.set(key, context);
  }
  return { secureContext: context, rejectUnauthorized: false };
}

/** The native half of a SecureContext; `addCACert` is what Node's own `ca` option calls. */
interface NativeSecureContext {
  addCACert?(pem: string): void;
}

/**
 * A context that trusts Node's roots plus `ca`. Node's `ca` option replaces the roots, and passing
 * `[...tls.rootCertificates, ca]` re-parses ~140 root PEMs (~30 ms of every `thredd run`). A context
 * made without `ca` starts from Node's root store, and adding one CA to it gives the context its own
 * copy of that store with the CA added, which costs well under a millisecond.
 */
function contextTrustingRootsAnd(ca: string, options: tls.SecureContextOptions): tls.SecureContext {
  const context = tls.createSecureContext(options);
  const native = (context as { context?: NativeSecureContext }).context;
  if (typeof native?.addCACert !== 'function') return tls.createSecureContext({ ...options, ca: [...tls.rootCertificates, ca] });
  native.addCACert(ca);
  return context;
}

const MAX_CONTEXTS = 32;
const contexts = new Map<string, tls.SecureContext>();

/** A short, stable name for a CA bundle. Every request looks up its agent by it and most share one CA, so it is computed once. */
export function caDigest(ca: string): string {
  let digest = caDigests.get(ca);
  if (!digest) {
    digest = createHash('sha256').update(ca).digest('base64url');
    if (caDigests.size >= MAX_CONTEXTS) caDigests.clear();
    caDigests.set(ca, digest);
  }
  return digest;
}

const caDigests = new Map<string, string>();
