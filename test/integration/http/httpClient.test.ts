import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import {
  createHttpClient,
  HttpError,
  loadClientCertificate,
  loadTlsSettings,
  TlsConfigError,
  type HttpRequest,
} from '../../../src/core/http';
import { sha256Thumbprint } from '../../../src/core/x509/thumbprints';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import { createTestCa, type TestCa, type TestCert } from '../../support/testPki';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-http-'));
let ca: TestCa;
let otherCa: TestCa;
let serverCert: TestCert;
let clientCert: TestCert;
let strangerCert: TestCert;
let tlsServer: TestHttpsServer;
let mtlsServer: TestHttpsServer;
const client = createHttpClient();
const servers: TestHttpsServer[] = [];

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

async function expectHttpError(promise: Promise<unknown>, kind: string): Promise<HttpError> {
  const error = await promise.then(
    () => assert.fail(`expected an HttpError of kind ${kind}`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof HttpError, `expected HttpError, got ${String(error)}`);
  assert.equal(error.kind, kind, `${error.message} / ${error.detail}`);
  return error;
}

async function serve(handler: Parameters<typeof startHttpsServer>[1], mtls = false): Promise<TestHttpsServer> {
  const server = await startHttpsServer(
    { certPem: serverCert.certPem, keyPem: serverCert.keyPem, caPem: ca.certPem, requestCert: mtls, rejectUnauthorized: mtls },
    handler,
  );
  servers.push(server);
  return server;
}

describe('HttpClient against Node https servers', () => {
  before(async () => {
    ca = await createTestCa();
    otherCa = await createTestCa({ commonName: 'Other Root CA' });
    serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
    clientCert = await ca.issue({ commonName: 'transport-client', usage: 'client' });
    strangerCert = await otherCa.issue({ commonName: 'stranger', usage: 'client' });
    const whoAmI: Parameters<typeof startHttpsServer>[1] = (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          path: request.url,
          method: request.method,
          client: peer?.subject?.CN ?? null,
          region: request.headers['x-region'] ?? null,
        }),
      );
    };
    tlsServer = await serve(whoAmI);
    mtlsServer = await serve(whoAmI, true);
  });

  after(async () => {
    await client.close();
    await Promise.all(servers.map((server) => server.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends over TLS with an extra CA, reports the TLS facts and reuses the connection', async () => {
    const request: HttpRequest = {
      method: 'GET',
      url: `${tlsServer.url}/core/api/v1/products?page=1`,
      headers: { 'x-region': '1' },
      tls: { ca: ca.certPem },
    };
    const first = await client.send(request);
    assert.equal(first.status, 200);
    assert.equal(first.body.kind, 'memory');
    assert.deepEqual(JSON.parse(first.body.kind === 'memory' ? first.body.bytes.toString() : ''), {
      path: '/core/api/v1/products?page=1',
      method: 'GET',
      client: null,
      region: '1',
    });
    assert.equal(first.timings.reused, false);
    assert.ok(first.timings.tls > 0 && first.timings.total >= first.timings.firstByte);
    assert.equal(first.tls?.protocol, 'TLSv1.3');
    assert.equal(first.tls?.authorized, true);
    assert.match(first.tls?.cipher ?? '', /^TLS_/);
    assert.equal(first.tls?.serverChain[0].subject, 'O=Thredd Tools Test, CN=localhost');
    assert.equal(first.tls?.serverChain[0].issuer, 'O=Thredd Tools Test, CN=Test Root CA');
    assert.equal(first.tls?.clientCertificate, undefined, 'no client certificate configured');
    assert.deepEqual(first.warnings, []);

    for (let i = 0; i < 4; i += 1) {
      const again = await client.send(request);
      assert.equal(again.timings.reused, true);
      assert.deepEqual([again.timings.dns, again.timings.connect, again.timings.tls], [0, 0, 0]);
      assert.equal(
        again.tls?.serverChain[0].subject,
        'O=Thredd Tools Test, CN=localhost',
        'TLS facts stay available on a reused connection',
      );
    }
    assert.equal(tlsServer.handshakes(), 1, 'five requests, one TLS handshake');
  });

  it('presents a PEM client certificate over mTLS, reuses that connection, and opens another for another certificate', async () => {
    const tls = await loadTlsSettings({
      clientCertificate: { kind: 'pem', cert: write('client.pem', clientCert.certPem), key: write('client.key', clientCert.keyPem) },
      ca: write('ca.pem', ca.certPem),
      insecure: false,
    });
    const before = mtlsServer.handshakes();
    const first = await client.send({ method: 'POST', url: `${mtlsServer.url}/oauth2/token`, body: 'a=b', tls });
    const second = await client.send({ method: 'GET', url: `${mtlsServer.url}/again`, tls });
    assert.equal(JSON.parse(first.body.kind === 'memory' ? first.body.bytes.toString() : '').client, 'transport-client');
    assert.equal(first.tls?.clientCertificate?.x5tS256, clientCert.x5tS256);
    assert.equal(first.tls?.clientCertificate?.subject, 'O=Thredd Tools Test, CN=transport-client');
    assert.equal(second.timings.reused, true);
    assert.equal(mtlsServer.handshakes() - before, 1);

    const other = await ca.issue({ commonName: 'second-client', usage: 'client' });
    const otherTls = {
      ...tls,
      clientCertificate: await loadClientCertificate({
        kind: 'pem',
        cert: write('c2.pem', other.certPem),
        key: write('c2.key', other.keyPem),
      }),
    };
    const third = await client.send({ method: 'GET', url: `${mtlsServer.url}/other`, tls: otherTls });
    assert.equal(JSON.parse(third.body.kind === 'memory' ? third.body.bytes.toString() : '').client, 'second-client');
    assert.equal(mtlsServer.handshakes() - before, 2, 'a different certificate never rides on the first connection');
  });

  it('presents a PKCS#12 client certificate made by openssl, and names a wrong passphrase', async () => {
    const pfx = path.join(dir, 'client.pfx');
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-in',
      write('p12.pem', clientCert.certPem),
      '-inkey',
      write('p12.key', clientCert.keyPem),
      '-out',
      pfx,
      '-passout',
      'pass:s3cret',
    ]);
    const material = await loadClientCertificate({ kind: 'pfx', pfx, passphrase: 's3cret' });
    const response = await client.send({
      method: 'GET',
      url: `${mtlsServer.url}/pfx`,
      tls: { clientCertificate: material, ca: ca.certPem },
    });
    assert.equal(JSON.parse(response.body.kind === 'memory' ? response.body.bytes.toString() : '').client, 'transport-client');
    assert.equal(response.tls?.clientCertificate?.x5tS256, sha256Thumbprint(clientCert.der));

    const encryptedKey = write(
      'enc.key',
      clientCert.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'k3y' }) as string,
    );
    const pem = await loadClientCertificate({
      kind: 'pem',
      cert: write('enc.pem', clientCert.certPem),
      key: encryptedKey,
      passphrase: 'k3y',
    });
    assert.equal(
      (await client.send({ method: 'GET', url: `${mtlsServer.url}/enc`, tls: { clientCertificate: pem, ca: ca.certPem } })).status,
      200,
      'an encrypted PEM key with its passphrase',
    );
    const noPassphrase = await loadClientCertificate({ kind: 'pem', cert: write('enc.pem', clientCert.certPem), key: encryptedKey }).catch(
      (error: unknown) => error,
    );
    assert.match((noPassphrase as Error).message, /is encrypted and no passphrase was given/);

    const wrong = await loadClientCertificate({ kind: 'pfx', pfx, passphrase: 'nope' }).catch((error: unknown) => error);
    assert.ok(wrong instanceof TlsConfigError);
    assert.match(wrong.message, /passphrase for .*client\.pfx is wrong/);
    assert.match(wrong.fix, /passphrase/);
  });

  it('explains a server certificate from an unknown CA, with its issuer and the "ca" fix', async () => {
    const error = await expectHttpError(client.send({ method: 'GET', url: `${tlsServer.url}/x` }), 'tls-unknown-ca');
    assert.match(
      error.message,
      /127\.0\.0\.1:\d+'s certificate is not issued by a trusted CA \(issuer: O=Thredd Tools Test, CN=Test Root CA\)/,
    );
    assert.match(error.fix, /"ca" in thredd\.json/);
    assert.equal(error.serverChain?.[0].subject, 'O=Thredd Tools Test, CN=localhost');
  });

  it('goes on with "insecure": true but attaches a warning the UI must show', async () => {
    const response = await client.send({ method: 'GET', url: `${tlsServer.url}/insecure`, tls: { insecure: true } });
    assert.equal(response.status, 200);
    assert.equal(response.tls?.authorized, false);
    assert.match(response.warnings[0], /TLS verification is OFF/);
    assert.match(response.warnings[1], /would be refused/);
  });

  it('explains an expired server certificate and a host name mismatch', async () => {
    const expired = await ca.issue({ commonName: 'old', usage: 'server', daysValid: -1 });
    const wrongName = await ca.issue({
      commonName: 'elsewhere',
      usage: 'server',
      dnsNames: ['elsewhere.example'],
      ipAddresses: ['10.1.2.3'],
    });
    for (const [cert, kind] of [
      [expired, 'tls-expired'],
      [wrongName, 'tls-hostname'],
    ] as const) {
      const server = await startHttpsServer({ certPem: cert.certPem, keyPem: cert.keyPem }, (_q, s) => s.end('x'));
      servers.push(server);
      const error = await expectHttpError(client.send({ method: 'GET', url: server.url, tls: { ca: ca.certPem } }), kind);
      if (kind === 'tls-hostname') assert.match(error.fix, /DNS:elsewhere\.example, IP Address:10\.1\.2\.3, not 127\.0\.0\.1/);
      else assert.match(error.message, /has expired \(notAfter/);
    }
  });

  it('tells a missing client certificate apart from a refused one', async () => {
    const missing = await expectHttpError(
      client.send({ method: 'GET', url: `${mtlsServer.url}/`, tls: { ca: ca.certPem } }),
      'tls-certificate-required',
    );
    assert.match(missing.message, /requires a client certificate \(mTLS\) and none was sent/);
    assert.match(missing.fix, /Add "mtls"/);

    const stranger = await loadClientCertificate({
      kind: 'pem',
      cert: write('s.pem', strangerCert.certPem),
      key: write('s.key', strangerCert.keyPem),
    });
    const refused = await expectHttpError(
      client.send({ method: 'GET', url: `${mtlsServer.url}/`, tls: { ca: ca.certPem, clientCertificate: stranger } }),
      'tls-bad-certificate',
    );
    assert.match(
      refused.message,
      /closed the connection right after the TLS handshake without answering: it most likely refused our client certificate/,
    );
  });

  it('times out on connect, on headers and on a stalled body', async () => {
    const accepted: net.Socket[] = [];
    const silent = net.createServer((socket) => accepted.push(socket)); // accepts TCP, never answers the TLS hello
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `https://127.0.0.1:${(silent.address() as net.AddressInfo).port}/`;
    const connect = await expectHttpError(client.send({ method: 'GET', url: silentUrl, timeouts: { connectMs: 150 } }), 'timeout-connect');
    assert.match(connect.message, /longer than 150 ms/);
    accepted.forEach((socket) => socket.destroy());
    silent.close();

    const stall = await serve((request, response) => {
      if (request.url === '/body') {
        response.writeHead(200, { 'content-length': '100' });
        response.write('partial');
      }
    });
    await expectHttpError(
      client.send({ method: 'GET', url: `${stall.url}/headers`, tls: { ca: ca.certPem }, timeouts: { headersMs: 150 } }),
      'timeout-headers',
    );
    await expectHttpError(
      client.send({ method: 'GET', url: `${stall.url}/body`, tls: { ca: ca.certPem }, timeouts: { bodyMs: 150 } }),
      'timeout-body',
    );
  });

  it('stops when cancelled, and reports a server closing mid-body and a refused connection', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/cut') {
        response.writeHead(200, { 'content-length': '1000' });
        response.write('x'.repeat(100), () => request.socket.destroy());
      }
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const aborted = await expectHttpError(
      client.send({ method: 'GET', url: `${server.url}/hang`, tls: { ca: ca.certPem }, signal: controller.signal }),
      'aborted',
    );
    assert.match(aborted.message, /cancelled/);

    const cut = await expectHttpError(client.send({ method: 'GET', url: `${server.url}/cut`, tls: { ca: ca.certPem } }), 'reset');
    assert.match(cut.message, /closed the connection before the whole response arrived/);

    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await expectHttpError(client.send({ method: 'GET', url: `https://127.0.0.1:${port}/` }), 'connection-refused');
    assert.match(refused.fix, /server \(or the local sandbox\) is running/);
  });

  it('spills a 20 MB body to a temp file and refuses one over the size limit', async () => {
    const size = 20 * 1024 * 1024;
    const block = Buffer.alloc(1024 * 1024, 'abcdefgh');
    const big = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': String(size), 'content-type': 'application/octet-stream' });
      let sent = 0;
      const pump = () => {
        while (sent < size) {
          sent += block.length;
          if (!response.write(block)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const response = await client.send({ method: 'GET', url: `${big.url}/big`, tls: { ca: ca.certPem } });
    assert.equal(response.size, size);
    assert.equal(response.body.kind, 'file');
    if (response.body.kind !== 'file') return;
    assert.equal(fs.statSync(response.body.path).size, size);
    assert.equal(fs.statSync(response.body.path).mode & 0o777, 0o600);
    const expected = createHash('sha256');
    for (let i = 0; i < 20; i += 1) expected.update(block);
    assert.equal(createHash('sha256').update(fs.readFileSync(response.body.path)).digest('hex'), expected.digest('hex'));
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 15 * 1024 * 1024, 'the body did not stay on the heap');
    fs.rmSync(response.body.path);

    const tooLarge = await expectHttpError(
      client.send({ method: 'GET', url: `${big.url}/big`, tls: { ca: ca.certPem }, bodyPolicy: { maxBytes: 3 * 1024 * 1024 } }),
      'too-large',
    );
    assert.match(tooLarge.message, /larger than the 3\.0 MiB limit/);
  });

  it('returns a redirect as is by default and follows it when asked', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/old') {
        response.writeHead(302, { location: '/new' });
        response.end();
      } else {
        response.end(`at ${request.url}`);
      }
    });
    const plain = await client.send({ method: 'GET', url: `${server.url}/old`, tls: { ca: ca.certPem } });
    assert.equal(plain.status, 302);
    assert.equal(plain.headers.location, '/new');
    const followed = await client.send({ method: 'GET', url: `${server.url}/old`, tls: { ca: ca.certPem }, followRedirects: true });
    assert.equal(followed.status, 200);
    assert.equal(followed.body.kind === 'memory' ? followed.body.bytes.toString() : '', 'at /new');
    assert.equal(followed.url, `${server.url}/new`);
    assert.deepEqual(followed.redirects, [`${server.url}/old`]);
  });

  it('rejects a URL that is not http(s) before sending anything', async () => {
    const error = await expectHttpError(client.send({ method: 'GET', url: 'ftp://127.0.0.1/x' }), 'invalid-request');
    assert.match(error.message, /not an http\(s\) URL/);
  });
});
