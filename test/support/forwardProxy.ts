// A real forward proxy (proxy-chain) on 127.0.0.1 for proxy tests: CONNECT tunnels, optional Basic auth,
// optional TLS to the proxy itself, a refusal by status, and a count of the tunnels it opened.
import { RequestError, Server, type PrepareRequestFunction, type ServerOptions } from 'proxy-chain';

export interface ForwardProxyOptions {
  /** Basic credentials the proxy demands (a 407 without them). */
  credentials?: { username: string; password: string };
  /** Serves the proxy over TLS (an https:// proxy) with this certificate. */
  tls?: { certPem: string; keyPem: string };
  /** Refuses every CONNECT with this status (e.g. 403, as a proxy's allow list does). */
  refuseWith?: number;
}

export interface ForwardProxy {
  /** `http://127.0.0.1:port` or `https://127.0.0.1:port`, without credentials. */
  url: URL;
  /** CONNECT tunnels the proxy opened (authenticated and allowed). */
  tunnels(): number;
  /** CONNECT requests it refused (407 or `refuseWith`). */
  refusals(): number;
  /** Client connections open to the proxy now (each open tunnel is one). */
  openConnections(): number;
  close(): Promise<void>;
}

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  let tunnels = 0;
  let refusals = 0;
  const prepareRequestFunction: PrepareRequestFunction = ({ username, password, isHttp }) => {
    const { credentials, refuseWith } = options;
    if (credentials && (username !== credentials.username || password !== credentials.password)) {
      refusals += 1;
      return { requestAuthentication: true, failMsg: 'Proxy credentials refused' };
    }
    if (refuseWith) {
      refusals += 1;
      throw new RequestError('This proxy does not tunnel to that host', refuseWith);
    }
    if (!isHttp) tunnels += 1;
    return {};
  };
  const base = { host: '127.0.0.1', port: 0, authRealm: 'Thredd test proxy', prepareRequestFunction };
  const serverOptions: ServerOptions = options.tls
    ? { ...base, serverType: 'https', httpsOptions: { cert: options.tls.certPem, key: options.tls.keyPem } }
    : base;
  const server = new Server(serverOptions);
  server.on('tlsError', () => undefined); // handshakes the client refuses are what some tests want
  await server.listen();
  return {
    url: new URL(`${options.tls ? 'https' : 'http'}://127.0.0.1:${server.port}`),
    tunnels: () => tunnels,
    refusals: () => refusals,
    openConnections: () => server.getConnectionIds().length,
    close: () => server.close(true),
  };
}
