// Endpoints for the EHI check tests: real Node https servers on 127.0.0.1 with certificates made at run time.
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SecureVersion } from 'node:tls';
import { createTestCa, type TestCa, type TestCert } from '../../support/testPki';

export interface EndpointOptions {
  /** The server certificate, then any chain certificates it sends. */
  certPem: string;
  keyPem: string;
  minVersion?: SecureVersion;
  ciphers?: string;
  requestCert?: boolean;
  rejectUnauthorized?: boolean;
  /** CAs trusted for client certificates; OpenSSL also lists their names in its CertificateRequest. */
  clientCaPem?: string;
}

export interface Endpoint {
  url: string;
  close(): Promise<void>;
}

/** Answers 200 `{"ok":true}` unless a handler says otherwise. */
export async function startEndpoint(
  options: EndpointOptions,
  handler?: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Endpoint> {
  const server = https.createServer(
    {
      cert: options.certPem,
      key: options.keyPem,
      ca: options.clientCaPem,
      minVersion: options.minVersion,
      ciphers: options.ciphers,
      requestCert: options.requestCert ?? false,
      rejectUnauthorized: options.rejectUnauthorized ?? false,
    },
    handler ?? ((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')),
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/ehi`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A root → intermediate → leaf server PKI, a Thredd-like client PKI, and their files in a temp folder. */
export interface CheckPki {
  dir: string;
  root: TestCa;
  intermediate: TestCa;
  leaf: TestCert;
  /** Leaf then intermediate: what a correctly configured server sends. */
  fullChainPem: string;
  rootFile: string;
  clientRoot: TestCa;
  clientIssuing: TestCa;
  client: TestCert;
  clientCaFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  write(name: string, text: string): string;
  cleanup(): void;
}

export async function createCheckPki(): Promise<CheckPki> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-ehi-check-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const root = await createTestCa({ commonName: 'EHI Test Root CA' });
  const intermediate = await createTestCa({ commonName: 'EHI Test Intermediate CA', parent: root });
  const leaf = await intermediate.issue({ commonName: 'localhost', usage: 'server', daysValid: 365 });
  // Named like Thredd's G1 pair, as the sandbox's EHI client CAs are.
  const clientRoot = await createTestCa({ commonName: 'Thredd Root CA - G1' });
  const clientIssuing = await createTestCa({ commonName: 'Thredd Issuing CA - G1', parent: clientRoot });
  const client = await clientIssuing.issue({ commonName: 'EHI client', usage: 'client' });
  return {
    dir,
    root,
    intermediate,
    leaf,
    fullChainPem: leaf.certPem + intermediate.certPem,
    rootFile: write('root.pem', root.certPem),
    clientRoot,
    clientIssuing,
    client,
    clientCaFile: write('client-ca.pem', clientIssuing.certPem + clientRoot.certPem),
    clientCertFile: write('ehi-client.pem', client.certPem + clientIssuing.certPem),
    clientKeyFile: write('ehi-client.key', client.keyPem),
    write,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
