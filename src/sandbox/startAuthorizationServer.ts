import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAuthorizationServer, type AuthorizationServer, type AuthorizationServerOptions } from './authorizationServer';

export interface HttpsListenOptions {
  /** PEM server certificate (and chain) and key. */
  certPem: string;
  keyPem: string;
  /** CA(s) whose client certificates bind tokens (the transport certificates' issuer). */
  caPem: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
}

export interface RunningAuthorizationServer extends AuthorizationServer {
  url: string;
  port: number;
  server: https.Server;
  close(): Promise<void>;
}

/**
 * Starts the authorization server on its own HTTPS listener. It asks for a client certificate without
 * requiring one (requestCert, rejectUnauthorized false) so TLS clients (client secrets) and mTLS
 * clients (bound tokens) share one endpoint; only certificates that verify against `caPem` bind tokens.
 */
export async function startAuthorizationServer(
  listen: HttpsListenOptions,
  options: Omit<AuthorizationServerOptions, 'issuer'> & { issuer?: string },
): Promise<RunningAuthorizationServer> {
  let handler: AuthorizationServer['handler'] = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server = https.createServer(
    { cert: listen.certPem, key: listen.keyPem, ca: listen.caPem, requestCert: true, rejectUnauthorized: false },
    (request, response) => handler(request, response),
  );
  server.on('tlsClientError', () => undefined); // a client that gives up mid-handshake is its own problem
  const host = listen.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let authorization: AuthorizationServer;
  try {
    authorization = await createAuthorizationServer({ ...options, issuer: options.issuer ?? url });
  } catch (error) {
    server.close();
    throw error;
  }
  handler = authorization.handler;
  return {
    ...authorization,
    url,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
