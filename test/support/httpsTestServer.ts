// A Node https server on 127.0.0.1 for client tests: counts TLS handshakes and closes every socket on close().
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestHttpsServer {
  url: string;
  port: number;
  server: https.Server;
  /** Completed TLS handshakes ('secureConnection' events) so far. */
  handshakes(): number;
  close(): Promise<void>;
}

export interface TestHttpsOptions {
  certPem: string;
  keyPem: string;
  /** CA(s) trusted for client certificates. */
  caPem?: string;
  requestCert?: boolean;
  rejectUnauthorized?: boolean;
}

export async function startHttpsServer(
  options: TestHttpsOptions,
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<TestHttpsServer> {
  const server = https.createServer(
    {
      cert: options.certPem,
      key: options.keyPem,
      ca: options.caPem,
      requestCert: options.requestCert ?? false,
      rejectUnauthorized: options.rejectUnauthorized ?? false,
    },
    handler,
  );
  let handshakes = 0;
  server.on('secureConnection', () => (handshakes += 1));
  server.on('tlsClientError', () => undefined); // refused handshakes are what some tests want
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    server,
    handshakes: () => handshakes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
