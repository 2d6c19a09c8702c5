import { createHash } from 'node:crypto';
import * as dns from 'node:dns';
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import * as tls from 'node:tls';
import type buildConnector from 'undici/types/connector';
import { readTlsFacts } from './certificateFacts';
import type { ConnectionRoute } from './network';
import type { TlsFacts, TlsSettings } from './types';

/** What one connection cost and what its handshake settled; shared by every request it carries. */
export interface SocketFacts {
  dns: number;
  connect: number;
  tls: number;
  /** performance.now() when the socket became usable. */
  readyAt: number;
  facts?: TlsFacts;
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

/** Where a connection goes and how: the parts of undici's connect options a route needs. */
interface SocketTarget {
  host: string;
  port: number;
  https: boolean;
  secure: tls.ConnectionOptions;
  lookup: net.LookupFunction;
}

/** Opens the socket for a route: TLS to the origin itself when direct (a tunnel would wrap the same TLS). */
function openSocket(route: ConnectionRoute, target: SocketTarget): net.Socket {
  switch (route.kind) {
    case 'direct': {
      const { host, port, https, secure, lookup } = target;
      return https
        ? tls.connect({ ...secure, host, port, servername: net.isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'], lookup })
        : net.connect({ host, port, lookup });
    }
    case 'proxy':
      // Nothing makes a proxy route yet (issue #17 brings the tunnel and the decision together).
      throw new Error(`Connecting through a proxy (${route.proxy.origin}) is not supported yet.`);
  }
}

/**
 * An undici connector that times DNS, TCP and TLS per socket and records the TLS facts. Verification
 * is Node's own; we connect with rejectUnauthorized false and refuse an unverified server ourselves,
 * so the error can carry the chain the server sent (the user needs its issuer to fix "ca").
 */
export function tracingConnector(
  route: ConnectionRoute,
  secure: tls.ConnectionOptions,
  insecure: boolean,
  connectTimeoutMs: number,
  slot: SocketSlot,
): buildConnector.connector {
  return ({ hostname, protocol, port }, callback) => {
    const started = performance.now();
    const timing = { dns: 0, connect: 0, tls: 0 };
    let done = false;
    const lookup: net.LookupFunction = (host, options, cb) => {
      const t = performance.now();
      dns.lookup(host, options, ((...args: Parameters<Parameters<net.LookupFunction>[2]>) => {
        timing.dns = performance.now() - t;
        (cb as (...a: unknown[]) => void)(...args);
      }) as never);
    };
    const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    const https = protocol === 'https:';
    const socket = openSocket(route, { host, port: Number(port) || (https ? 443 : 80), https, secure, lookup });
    socket.setNoDelay(true).setKeepAlive(true, 60_000);

    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        socket.destroy();
        callback(error, null);
      } else {
        callback(null, socket);
      }
    };
    const timer = setTimeout(() => {
      finish(Object.assign(new Error(`connect timeout after ${connectTimeoutMs} ms`), { code: 'THREDD_CONNECT_TIMEOUT' }));
    }, connectTimeoutMs);

    socket.once('connect', () => {
      timing.connect = performance.now() - started - timing.dns;
      if (!https) ready(undefined);
    });
    const ready = (facts: TlsFacts | undefined) => {
      const current: SocketFacts = { ...timing, readyAt: performance.now(), facts, uses: 0 };
      socket.on('error', (error) => (current.firstError ??= error));
      slot.current = current;
      finish(null);
    };
    if (https) {
      socket.once('secureConnect', () => {
        const facts = readTlsFacts(socket as tls.TLSSocket);
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
    socket.once('error', (error) => finish(error));
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
