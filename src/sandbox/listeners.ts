import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FairUsage } from './fairUsage';
import { SandboxError } from './sandboxErrors';

export interface ListenerOptions {
  /** Server certificate chain (leaf first) and key. */
  certPem: string;
  keyPem: string;
  /** Trusted for client certificates (root and issuing CA). */
  caPem: string;
  /** The mTLS listener asks for a client certificate; the TLS one does not. */
  requestCert: boolean;
  host: string;
  port: number;
  name: string;
  /** Counts the listener's connections for the fair usage limit. */
  fairUsage?: FairUsage;
}

export interface Listener {
  server: https.Server;
  port: number;
  close(): Promise<void>;
}

/**
 * An HTTPS listener. A client certificate is asked for but never enforced in the handshake
 * (rejectUnauthorized false): the handlers answer a missing or refused one with an HTTP 400 that
 * says why, as Thredd's mTLS hosts do.
 */
export async function listen(
  options: ListenerOptions,
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Listener> {
  const server = https.createServer(
    { cert: options.certPem, key: options.keyPem, ca: options.caPem, requestCert: options.requestCert, rejectUnauthorized: false },
    handler,
  );
  server.on('tlsClientError', () => undefined); // a client giving up mid-handshake is not the sandbox's failure
  options.fairUsage?.watch(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new SandboxError(
            `Port ${options.port} on ${options.host} is already in use, so the sandbox's ${options.name} listener cannot start ` +
              '(is a sandbox already running?).',
            'Stop the other process, or choose other ports (--port-tls / --port-mtls; 0 picks a free one).',
            409,
            'port_in_use',
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new SandboxError(
            `Not allowed to listen on port ${options.port} of ${options.host}.`,
            'Use a port above 1024 (the defaults are 8443 and 8444).',
            403,
            'port_denied',
          ),
        );
      } else {
        reject(error);
      }
    });
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
