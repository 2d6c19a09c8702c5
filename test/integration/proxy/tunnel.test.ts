import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import {
  bodyBytes,
  createHttpClient,
  HttpError,
  PROXY_INSECURE_WARNING,
  type HttpClient,
  type ProxyRoute,
  type TlsSettings,
} from '../../../src/core/http';
import { startForwardProxy, type ForwardProxy } from '../../support/forwardProxy';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import { createTestCa, type TestCa, type TestCert } from '../../support/testPki';

// mTLS through a real forward proxy (proxy-chain): the TLS to the origin runs inside the CONNECT tunnel,
// so the origin sees our client certificate (RFC 8705 binds tokens to it) and one tunnel carries many requests.
describe('HttpClient through a forward proxy', () => {
  const clients: HttpClient[] = [];
  const proxies: ForwardProxy[] = [];
  let ca: TestCa;
  let clientCert: TestCert;
  let serverCert: TestCert;
  let mtlsServer: TestHttpsServer;
  let plainServer: http.Server;
  let tls: TlsSettings;

  const clientVia = (route: ProxyRoute): HttpClient => {
    const client = createHttpClient({ network: { routeFor: () => route } });
    clients.push(client);
    return client;
  };
  const proxy = async (options: Parameters<typeof startForwardProxy>[0] = {}): Promise<ForwardProxy> => {
    const started = await startForwardProxy(options);
    proxies.push(started);
    return started;
  };
  const routeTo = (forward: ForwardProxy, extra: Partial<ProxyRoute> = {}): ProxyRoute => ({
    kind: 'proxy',
    proxy: forward.url,
    proxyStrictSSL: true,
    source: 'HTTPS_PROXY',
    ...extra,
  });

  before(async () => {
    ca = await createTestCa();
    serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
    clientCert = await ca.issue({ commonName: 'transport-client', usage: 'client' });
    const options = {
      certPem: serverCert.certPem,
      keyPem: serverCert.keyPem,
      caPem: ca.certPem,
      requestCert: true,
      rejectUnauthorized: true,
    };
    mtlsServer = await startHttpsServer(options, (request, response) => {
      response.end((request.socket as TLSSocket).getPeerCertificate()?.subject?.CN ?? 'no certificate');
    });
    plainServer = http.createServer((_request, response) => response.end('plain'));
    await new Promise<void>((resolve) => plainServer.listen(0, '127.0.0.1', resolve));
    tls = {
      ca: ca.certPem,
      clientCertificate: { kind: 'pem', cert: clientCert.certPem, key: clientCert.keyPem, id: 'transport-client', source: 'test' },
    };
  });

  after(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await Promise.all(proxies.map((forward) => forward.close()));
    await mtlsServer.close();
    plainServer.closeAllConnections();
    await new Promise((resolve) => plainServer.close(resolve));
  });

  it('carries the client certificate end to end and sends 20 sequential requests through one tunnel', async () => {
    const forward = await proxy();
    const client = clientVia(routeTo(forward));
    const handshakesBefore = mtlsServer.handshakes();
    const responses = [];
    for (let i = 0; i < 20; i += 1) responses.push(await client.send({ method: 'GET', url: `${mtlsServer.url}/r${i}`, tls }));

    for (const response of responses) {
      assert.equal(response.status, 200);
      assert.equal((await bodyBytes(response.body)).toString(), 'transport-client', 'the origin saw our client certificate');
    }
    const [first, second] = responses;
    assert.equal(first.tls?.authorized, true);
    assert.equal(first.tls?.clientCertificate?.x5tS256, clientCert.x5tS256);
    assert.deepEqual(first.route, { kind: 'proxy', proxy: forward.url.origin, source: 'HTTPS_PROXY' });
    assert.equal(first.timings.reused, false);
    assert.ok(first.timings.tunnel !== undefined && first.timings.tunnel > 0, 'the CONNECT exchange is timed');
    assert.ok(first.timings.connect >= first.timings.tunnel, 'connect covers the tunnel');
    assert.equal(second.timings.reused, true);
    assert.equal(second.timings.tunnel, undefined);
    assert.equal(forward.tunnels(), 1, 'one CONNECT tunnel for all 20 requests');
    assert.equal(mtlsServer.handshakes() - handshakesBefore, 1, 'one TLS handshake with the origin');
    assert.deepEqual(first.warnings, []);
  });

  it('closes its tunnels when the client closes', async () => {
    const forward = await proxy();
    const client = createHttpClient({ network: { routeFor: () => routeTo(forward) } });
    for (let i = 0; i < 3; i += 1) await client.send({ method: 'GET', url: `${mtlsServer.url}/c${i}`, tls });
    assert.equal(forward.openConnections(), 1, 'the tunnel stays open between requests');
    await client.close();
    for (let waited = 0; forward.openConnections() > 0 && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    assert.equal(forward.openConnections(), 0);
  });

  it('sends an http:// origin through the tunnel as it is', async () => {
    const forward = await proxy();
    const { port } = plainServer.address() as AddressInfo;
    const response = await clientVia(routeTo(forward)).send({ method: 'GET', url: `http://127.0.0.1:${port}/` });
    assert.equal((await bodyBytes(response.body)).toString(), 'plain');
    assert.equal(response.route?.kind, 'proxy');
    assert.equal(forward.tunnels(), 1);
  });

  it('authenticates to the proxy with Basic credentials', async () => {
    const forward = await proxy({ credentials: { username: 'alice', password: 'pr0xy-s3cret' } });
    const authorization = `Basic ${Buffer.from('alice:pr0xy-s3cret').toString('base64')}`;
    const response = await clientVia(routeTo(forward, { authorization })).send({ method: 'GET', url: `${mtlsServer.url}/`, tls });
    assert.equal(response.status, 200);
    assert.equal(forward.tunnels(), 1);
    assert.ok(!JSON.stringify(response.route).includes('Basic'), 'the route shown carries no credentials');
  });

  it('says which setting holds the proxy credentials on a 407, without showing them', async () => {
    const forward = await proxy({ credentials: { username: 'alice', password: 'pr0xy-s3cret' } });
    const wrong = `Basic ${Buffer.from('alice:wr0ng-pa55').toString('base64')}`;
    const refused = await failure(clientVia(routeTo(forward, { authorization: wrong })), `${mtlsServer.url}/`, tls);
    assert.equal(refused.kind, 'proxy-auth');
    assert.match(refused.message, new RegExp(`proxy ${forward.url.origin} \\(from HTTPS_PROXY\\) refused the credentials`));
    assert.match(refused.fix, /user and password in HTTPS_PROXY/);
    for (const shown of [refused.message, refused.fix, String(refused), refused.detail ?? '', JSON.stringify(refused)]) {
      assert.ok(!shown.includes('wr0ng-pa55') && !shown.includes(wrong.slice(6)), `no credentials in: ${shown}`);
    }

    const missing = await failure(clientVia(routeTo(forward, { source: 'http.proxy' })), `${mtlsServer.url}/`, tls);
    assert.equal(missing.kind, 'proxy-auth');
    assert.match(missing.message, /asks for credentials and none were configured/);
    assert.match(missing.fix, /http\.proxy/);
    assert.equal(forward.tunnels(), 0);
  });

  it('names the target and the allow list when the proxy refuses the tunnel', async () => {
    const forward = await proxy({ refuseWith: 403 });
    const refused = await failure(clientVia(routeTo(forward)), `${mtlsServer.url}/`, tls);
    assert.equal(refused.kind, 'proxy-refused');
    assert.match(refused.message, new RegExp(`refused to open a tunnel to 127\\.0\\.0\\.1:${mtlsServer.port} \\(status 403\\)`));
    assert.match(refused.fix, /allow list/);
  });

  it('says the proxy, not the server, could not be reached', async () => {
    const closed = await proxy();
    const url = closed.url;
    await closed.close();
    const unreachable = await failure(
      clientVia({ kind: 'proxy', proxy: url, proxyStrictSSL: true, source: 'HTTPS_PROXY' }),
      mtlsServer.url,
      tls,
    );
    assert.equal(unreachable.kind, 'proxy-unreachable');
    assert.match(unreachable.message, new RegExp(`proxy ${url.origin} \\(from HTTPS_PROXY\\) could not be reached: nothing is listening`));
  });

  it('reaches an https:// proxy that its own CA vouches for, and refuses it without that CA', async () => {
    const proxyCa = await createTestCa({ commonName: 'Corporate Proxy CA' });
    const proxyCert = await proxyCa.issue({ commonName: 'proxy', usage: 'server' });
    const forward = await proxy({ tls: { certPem: proxyCert.certPem, keyPem: proxyCert.keyPem } });

    const trusted = await clientVia(routeTo(forward, { proxyCa: proxyCa.certPem })).send({ method: 'GET', url: `${mtlsServer.url}/`, tls });
    assert.equal((await bodyBytes(trusted.body)).toString(), 'transport-client');
    assert.deepEqual(trusted.route, { kind: 'proxy', proxy: forward.url.origin, source: 'HTTPS_PROXY', proxyVerified: true });
    assert.deepEqual(trusted.warnings, []);

    const refused = await failure(clientVia(routeTo(forward)), `${mtlsServer.url}/`, tls);
    assert.equal(refused.kind, 'proxy-tls');
    assert.match(refused.message, /not issued by a trusted CA \(issuer: .*Corporate Proxy CA/);
    assert.match(refused.fix, /"proxyCa"/);

    const lax = await clientVia(routeTo(forward, { proxyStrictSSL: false })).send({ method: 'GET', url: `${mtlsServer.url}/`, tls });
    assert.equal((await bodyBytes(lax.body)).toString(), 'transport-client', 'the origin is still reached with mTLS');
    assert.equal(lax.tls?.authorized, true, 'the TLS to the origin is still verified');
    assert.deepEqual(lax.warnings, [PROXY_INSECURE_WARNING]);
  });

  it('explains an unknown CA behind a proxy as TLS inspection that mTLS cannot pass', async () => {
    // What a TLS-inspecting proxy shows the client: the server's chain ends in a CA this machine does not trust.
    const corporate = await createTestCa({ commonName: 'Corporate Inspection CA' });
    const resigned = await corporate.issue({ commonName: 'localhost', usage: 'server' });
    const inspected = await startHttpsServer({ certPem: resigned.certPem, keyPem: resigned.keyPem }, (_request, response) =>
      response.end(),
    );
    try {
      const forward = await proxy();
      const refused = await failure(clientVia(routeTo(forward)), `${inspected.url}/`, tls);
      assert.equal(refused.kind, 'tls-inspected');
      assert.match(refused.message, /chain ends in an unknown CA \(issuer: .*Corporate Inspection CA.*\), probably a corporate one/);
      assert.match(refused.message, new RegExp(`proxy ${forward.url.origin} \\(from HTTPS_PROXY\\) is most likely inspecting TLS`));
      assert.match(refused.fix, /mTLS cannot work through TLS inspection.*bypass list/);
    } finally {
      await inspected.close();
    }
  });

  it('blames the proxy when no tunnel opens within the connect timeout', async () => {
    const silent = http.createServer();
    const held: Duplex[] = [];
    silent.on('connect', (_request, socket: Duplex) => held.push(socket)); // takes the CONNECT and never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = new URL(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
      const client = clientVia({ kind: 'proxy', proxy: url, proxyStrictSSL: true, source: 'thredd.json environment "uat"' });
      const error = await failure(client, `${mtlsServer.url}/`, tls, 300);
      assert.equal(error.kind, 'proxy-unreachable');
      assert.match(error.message, /\(from thredd\.json environment "uat"\) could not be reached: no tunnel was open within 300 ms/);
    } finally {
      held.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

async function failure(client: HttpClient, url: string, tls: TlsSettings, connectMs?: number): Promise<HttpError> {
  const error = await client.send({ method: 'GET', url, tls, timeouts: connectMs ? { connectMs } : undefined }).then(
    () => assert.fail('expected the request to fail'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof HttpError, `expected an HttpError, got ${String(error)}`);
  return error;
}
