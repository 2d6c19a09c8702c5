// A small card API on 127.0.0.1 over TLS and over mTLS (certificates issued at start), and a thredd.json
// with environments for both, a PKCS#12 client certificate and one without a certificate. Shared by the
// runner and `thredd run` tests.
import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { loadConfigFile, type ThreddConfig } from '../../../src/core/config';
import { createPkcs12 } from '../../../src/core/pki';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import { createTestCa, type TestCa, type TestCert } from '../../support/testPki';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  client: string | null;
}

export interface ApiFixture {
  dir: string;
  ca: TestCa;
  client: TestCert;
  tls: TestHttpsServer;
  mtls: TestHttpsServer;
  configFile: string;
  config: ThreddConfig;
  /** Environment variables the config reads (the PKCS#12 passphrase). */
  env: Record<string, string>;
  seen: SeenRequest[];
  write(name: string, content: string | Buffer): string;
  close(): Promise<void>;
}

export const API_KEY = 'sk-live-4f9a2c7e81';
export const BIG_BODY_BYTES = 20 * 1024 * 1024;

function handler(seen: SeenRequest[], cards: Map<string, unknown>, timers: Set<NodeJS.Timeout>) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const peer = (request.socket as TLSSocket).getPeerCertificate?.();
      const client = peer?.subject?.CN ? String(peer.subject.CN) : null;
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body, client });
      route(request, response, body, client, cards, timers);
    });
  };
}

function json(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(value));
}

function route(
  request: IncomingMessage,
  response: ServerResponse,
  body: Buffer,
  client: string | null,
  cards: Map<string, unknown>,
  timers: Set<NodeJS.Timeout>,
): void {
  const url = new URL(request.url ?? '/', 'https://api.local');
  const card = /^\/cards\/([^/]+)$/.exec(url.pathname);
  if (url.pathname.startsWith('/echo')) {
    json(response, 200, { method: request.method, path: request.url, headers: request.headers, body: body.toString('utf8'), client });
  } else if (url.pathname === '/cards' && request.method === 'POST') {
    const id = `card-${cards.size + 1}`;
    cards.set(id, { id, ...JSON.parse(body.toString('utf8') || '{}') });
    json(response, 201, cards.get(id), { location: `/cards/${id}` });
  } else if (card) {
    const found = cards.get(card[1]);
    json(response, found ? 200 : 404, found ?? { error: 'not found' });
  } else if (url.pathname === '/slow') {
    const timer = setTimeout(() => json(response, 200, { slow: true }), 3000);
    timers.add(timer);
    response.on('close', () => clearTimeout(timer));
  } else if (url.pathname === '/big') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(BIG_BODY_BYTES) });
    const tail = '","end":"END-MARKER"}';
    const head = '{"data":"';
    const filler = BIG_BODY_BYTES - head.length - tail.length;
    response.write(head);
    const block = 'x'.repeat(64 * 1024);
    let left = filler;
    const pump = () => {
      while (left > 0) {
        const piece = left >= block.length ? block : block.slice(0, left);
        left -= piece.length;
        if (!response.write(piece)) return void response.once('drain', pump);
      }
      response.end(tail);
    };
    pump();
  } else if (url.pathname === '/broken') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
    response.write('{"partial":');
    const timer = setTimeout(() => request.socket.destroy(), 50);
    timers.add(timer);
  } else if (url.pathname === '/stall') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"started":'); // and nothing more until the client gives up
  } else if (url.pathname === '/latin1') {
    response.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
    response.end(Buffer.from('Café crème brûlée: 5 £', 'latin1'));
  } else if (url.pathname === '/redirect') {
    response.writeHead(302, { location: '/echo/after-redirect' });
    response.end();
  } else if (url.pathname.startsWith('/status/')) {
    json(response, Number(url.pathname.split('/')[2]), { status: Number(url.pathname.split('/')[2]) });
  } else {
    json(response, 404, { error: `no route ${url.pathname}` });
  }
}

export async function startApiFixture(): Promise<ApiFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-runner-'));
  const ca = await createTestCa();
  const serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
  const client = await ca.issue({ commonName: 'transport-client', usage: 'client' });
  const seen: SeenRequest[] = [];
  const cards = new Map<string, unknown>();
  const timers = new Set<NodeJS.Timeout>();
  const serve = (mtls: boolean) =>
    startHttpsServer(
      { certPem: serverCert.certPem, keyPem: serverCert.keyPem, caPem: ca.certPem, requestCert: mtls, rejectUnauthorized: mtls },
      handler(seen, cards, timers),
    );
  const tls = await serve(false);
  const mtls = await serve(true);
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content, { mode: 0o600 });
    return file;
  };
  write('ca.pem', ca.certPem);
  write('client.pem', client.certPem);
  write('client.key', client.keyPem);
  write('client.pfx', createPkcs12({ certificate: client.der, privateKey: client.privateKey, passphrase: 'pfx-pass' }));
  const configFile = write(
    'thredd.json',
    JSON.stringify({
      defaultEnvironment: 'tls',
      environments: {
        tls: { baseUrl: tls.url, ca: 'ca.pem', region: '1', variables: { apiKey: API_KEY, cardName: 'Jane Doe' } },
        mtls: { baseUrl: mtls.url, ca: 'ca.pem', region: '2', mtls: { cert: 'client.pem', key: 'client.key' } },
        pfx: { baseUrl: mtls.url, ca: 'ca.pem', mtls: { pfx: 'client.pfx', passphrase: '${env:PFX_PASS}' } },
        nocert: { baseUrl: mtls.url, ca: 'ca.pem' },
        untrusted: { baseUrl: tls.url },
        // Its token endpoint is never reached: dry runs only show where the token would go.
        withapp: { baseUrl: tls.url, ca: 'ca.pem', tokenUrl: `${tls.url}/oauth2/token`, application: 'cards-app' },
      },
      applications: {
        'cards-app': { clientId: 'cards-client', auth: { method: 'client_secret', secret: 'app-secret' }, scopes: ['cards.read'] },
      },
    }),
  );
  const env = { PFX_PASS: 'pfx-pass' };
  const loaded = await loadConfigFile(configFile, { env });
  if (!loaded.config) throw new Error(`fixture thredd.json is invalid: ${JSON.stringify(loaded.diagnostics)}`);
  return {
    dir,
    ca,
    client,
    tls,
    mtls,
    configFile,
    config: loaded.config,
    env,
    seen,
    write,
    close: async () => {
      timers.forEach((timer) => clearTimeout(timer));
      await Promise.all([tls.close(), mtls.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
