import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { AgentPool, AgentPoolOptions, RequestTrace } from './agentPool';
import { classifyFailure, HttpError, type FailureContext } from './httpError';
import { readBody } from './responseBody';
import { loadTransport } from './transport';
import type { SocketFacts } from './tlsConnector';
import { routeFacts } from './network';
import type { BodyPolicy, HttpHeaders, HttpRequest, HttpResponse, HttpTimings, HttpTimeouts, RouteFacts, TlsSettings } from './types';

export interface HttpClientOptions extends AgentPoolOptions {
  timeouts?: HttpTimeouts;
  bodyPolicy?: BodyPolicy;
}

const DEFAULT_TIMEOUTS = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };
const DEFAULT_MAX_REDIRECTS = 5;

export const INSECURE_WARNING =
  'TLS verification is OFF for this request ("insecure": true): the server\'s identity was not ' +
  'checked, so anyone on the network path could read or change the traffic. Remove "insecure" as ' +
  'soon as the right "ca" is configured.';

export const PROXY_INSECURE_WARNING =
  "The proxy's own certificate is NOT verified (http.proxyStrictSSL is false): anyone on the way to the " +
  'proxy could pose as it and see which hosts you reach. The TLS to the server itself is still verified. ' +
  'Set "proxyCa" to the CA that issued the proxy\'s certificate and turn http.proxyStrictSSL back on.';

/**
 * The one way to make an HttpClient, so every request of the product (tokens, introspection, DCR, the
 * runner, the CLI) gets its network settings from the same place.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  return new HttpClient(options);
}

/**
 * The HTTP client shared by the token client, introspection, DCR and the request runner: undici
 * with one keep-alive agent per (origin, route, client certificate, CA), timings and TLS facts per
 * response, and failures as HttpError with a plain-language next step. Make one with createHttpClient.
 */
export class HttpClient {
  private agentPool?: AgentPool;

  constructor(private readonly options: HttpClientOptions = {}) {}

  /** Created with the first request, which is when undici loads. */
  private get agents(): AgentPool {
    return (this.agentPool ??= new (loadTransport().AgentPool)(this.options));
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const started = performance.now();
    const url = parseUrl(request.url);
    const timeouts = { ...DEFAULT_TIMEOUTS, ...this.options.timeouts, ...request.timeouts };
    const settings: TlsSettings = url.protocol === 'https:' ? (request.tls ?? {}) : {};
    const trace: RequestTrace = new (loadTransport().RequestTrace)();
    const context: FailureContext = {
      url: request.url,
      host: url.host,
      sentClientCertificate: settings.clientCertificate !== undefined,
      clientCertificate:
        settings.clientCertificate?.kind === 'pem' && settings.clientCertificate.validity
          ? { source: settings.clientCertificate.source, ...settings.clientCertificate.validity }
          : undefined,
      caSource: settings.caSource,
      timeouts,
      aborted: false,
    };
    const dispatcher = this.dispatcher(url, settings, timeouts.connectMs, request);

    let socket: SocketFacts | undefined;
    let phase: 'headers' | 'body' = 'headers';
    try {
      const response = await dispatcher.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: request.method.toUpperCase(),
        headers: request.headers,
        body: request.body,
        signal: request.signal,
        headersTimeout: timeouts.headersMs,
        bodyTimeout: timeouts.bodyMs,
        opaque: trace,
      });
      // Read the slot before yielding to I/O: it still holds the socket that delivered these headers.
      socket = trace.slot?.current;
      const reused = socket !== undefined && socket.uses > 0;
      if (socket) socket.uses += 1;
      const headersAt = performance.now();
      const finalUrl = trace.hops.at(-1) ?? url.href;
      context.serverChain = socket?.facts?.serverChain;
      context.url = finalUrl;
      phase = 'body';
      const { body, size } = await readBody(response.body, { ...this.options.bodyPolicy, ...request.bodyPolicy }, finalUrl);
      const endAt = performance.now();
      // undici returns a keep-alive socket to the pool one event-loop turn after the response (client-h1
      // onMessageComplete); waiting that turn lets the next sequential call reuse it instead of opening another.
      await new Promise((resolve) => setImmediate(resolve));
      return {
        status: response.statusCode,
        statusText: response.statusText ?? '',
        headers: response.headers as HttpHeaders,
        body,
        size,
        url: finalUrl,
        redirects: trace.hops.slice(0, -1),
        timings: timingsOf(socket, reused, started, headersAt, endAt),
        tls: socket?.facts,
        route: socket?.route,
        warnings: warningsFor(settings, socket),
      };
    } catch (error) {
      context.aborted = request.signal?.aborted === true;
      context.route = (socket ?? trace.slot?.current)?.route ?? this.routeOf(trace.hops.at(-1) ?? url.href);
      throw classifyFailure(explainClose(error, socket ?? trace.slot?.current, phase, context.sentClientCertificate), context);
    }
  }

  /** Destroys every agent and connection; call on extension deactivation and at the end of CLI runs and tests. */
  async close(): Promise<void> {
    await this.agentPool?.close();
  }

  /**
   * For a client being replaced (its settings changed): requests already sent finish, then their
   * connections close. A request sent after this opens new connections.
   */
  async closeWhenIdle(): Promise<void> {
    await this.agentPool?.close('when-idle');
  }

  /** How many distinct agents (origin × certificate × CA) are open; for diagnostics and tests. */
  get agentCount(): number {
    return this.agentPool?.size ?? 0;
  }

  /** What a failure may say about the way to `url`: the route its client would take, without credentials. */
  private routeOf(url: string): RouteFacts | undefined {
    return this.agentPool ? routeFacts(this.agentPool.routeFor(new URL(url).origin)) : undefined;
  }

  private dispatcher(url: URL, settings: TlsSettings, connectMs: number, request: HttpRequest): Dispatcher {
    const follow = request.followRedirects;
    const maxRedirections = follow === true ? DEFAULT_MAX_REDIRECTS : typeof follow === 'number' ? follow : 0;
    try {
      return this.agents.dispatcherFor(url.origin, settings, connectMs, maxRedirections);
    } catch (error) {
      // Node could not build the TLS context: wrong passphrase, key not matching the certificate, bad PEM.
      const source = settings.clientCertificate?.source ?? settings.caSource ?? 'the TLS settings';
      throw new HttpError(
        'client-certificate',
        `The client certificate or CA (${source}) cannot be used: ${(error as Error).message}.`,
        'Check the certificate and key belong together, the passphrase is right, and the files are PEM (or PKCS#12 for "pfx").',
        request.url,
        (error as { code?: string }).code,
      );
    }
  }
}

/**
 * undici reports a TLS alert that arrives after the handshake as "other side closed"; the socket kept
 * the alert. A server that closes a fresh mTLS connection before answering, without an alert (Node's
 * own https servers do this), has almost always refused the client certificate.
 */
function explainClose(error: unknown, socket: SocketFacts | undefined, phase: 'headers' | 'body', sentClientCertificate: boolean): unknown {
  const code = (error as { code?: string })?.code;
  if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') return error;
  const alert = socket?.firstError as (Error & { code?: string }) | undefined;
  if (alert?.code?.startsWith('ERR_SSL')) return alert;
  if (phase === 'headers' && sentClientCertificate && socket?.facts && socket.uses === 0) {
    return Object.assign(new Error('closed right after the TLS handshake without answering'), { code: 'THREDD_CLOSED_AFTER_HANDSHAKE' });
  }
  return error;
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new HttpError(
      'invalid-request',
      `"${text}" is not a valid URL.`,
      'Write a full URL such as https://uat-api.thredd.com/core/api/v1/products.',
      text,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new HttpError('invalid-request', `"${text}" is not an http(s) URL.`, 'Use an https:// URL.', text);
  }
  return url;
}

function timingsOf(socket: SocketFacts | undefined, reused: boolean, started: number, headersAt: number, endAt: number): HttpTimings {
  const round = (ms: number) => Math.max(0, Math.round(ms * 100) / 100);
  const fresh = socket !== undefined && !reused;
  const ready = fresh ? Math.max(started, socket.readyAt) : started;
  const timings: HttpTimings = {
    reused,
    dns: fresh ? round(socket.dns) : 0,
    connect: fresh ? round(socket.connect) : 0,
    tls: fresh ? round(socket.tls) : 0,
    firstByte: round(headersAt - ready),
    download: round(endAt - headersAt),
    total: round(endAt - started),
  };
  if (fresh && socket.tunnel !== undefined) timings.tunnel = round(socket.tunnel);
  return timings;
}

function warningsFor(settings: TlsSettings, socket: SocketFacts | undefined): string[] {
  const warnings: string[] = [];
  const route = socket?.route;
  if (route?.kind === 'proxy' && route.proxyVerified === false) warnings.push(PROXY_INSECURE_WARNING);
  if (settings.insecure) {
    warnings.push(INSECURE_WARNING);
    const error = socket?.facts?.authorizationError;
    if (error) warnings.push(`With verification on, this server's certificate would be refused (${error}).`);
  }
  return warnings;
}
