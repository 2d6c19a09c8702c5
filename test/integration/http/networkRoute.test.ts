import assert from 'node:assert/strict';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { createHttpClient, DIRECT_ROUTE, type ConnectionRoute, type HttpClient, type TlsSettings } from '../../../src/core/http';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import { createTestCa, type TestCert } from '../../support/testPki';

// The network seam: the client asks its route resolver once per origin (a NO_PROXY match must not
// cost every request), and a routed connection still reports what the RFC 8705 binding check reads.
describe('HttpClient network options', () => {
  const servers: TestHttpsServer[] = [];
  const asked: string[] = [];
  let client: HttpClient;
  let tls: TlsSettings;
  let clientCert: TestCert;
  let serverCert: TestCert;
  let ca: string;

  before(async () => {
    const testCa = await createTestCa();
    ca = testCa.certPem;
    serverCert = await testCa.issue({ commonName: 'localhost', usage: 'server' });
    clientCert = await testCa.issue({ commonName: 'transport-client', usage: 'client' });
    const echoPeer = (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) =>
      response.end((request.socket as TLSSocket).getPeerCertificate()?.subject?.CN ?? '');
    for (let i = 0; i < 2; i += 1) {
      const options = { certPem: serverCert.certPem, keyPem: serverCert.keyPem, caPem: ca, requestCert: true, rejectUnauthorized: true };
      servers.push(await startHttpsServer(options, echoPeer));
    }
    tls = {
      ca,
      clientCertificate: { kind: 'pem', cert: clientCert.certPem, key: clientCert.keyPem, id: 'transport-client', source: 'test' },
    };
    const routeFor = (origin: URL): ConnectionRoute => {
      asked.push(origin.href);
      return DIRECT_ROUTE;
    };
    client = createHttpClient({ network: { routeFor } });
  });

  after(async () => {
    await client.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('asks for the route of each origin once, however many requests go there', async () => {
    for (let i = 0; i < 3; i += 1) await client.send({ method: 'GET', url: `${servers[0].url}/a${i}`, tls });
    await client.send({ method: 'GET', url: `${servers[1].url}/b`, tls });
    await client.send({ method: 'GET', url: `${servers[0].url}/again`, tls });
    assert.deepEqual(asked, [`${servers[0].url}/`, `${servers[1].url}/`]);
  });

  it('keeps the timings, TLS facts and client certificate thumbprint on a routed connection', async () => {
    const response = await client.send({ method: 'GET', url: `${servers[1].url}/facts`, tls });
    assert.equal(response.status, 200);
    assert.equal(response.tls?.authorized, true);
    assert.equal(response.tls?.clientCertificate?.x5tS256, clientCert.x5tS256);
    assert.equal(response.timings.reused, true, 'the connection of the first test is reused');
  });

  it('lets a request in flight finish when the client is replaced, but not when it is closed', async () => {
    const slow = await startHttpsServer({ certPem: serverCert.certPem, keyPem: serverCert.keyPem }, (_request, response) => {
      setTimeout(() => response.end('late'), 150);
    });
    servers.push(slow);
    const replaced = createHttpClient();
    const inFlight = replaced.send({ method: 'GET', url: `${slow.url}/`, tls: { ca } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await replaced.closeWhenIdle();
    const answered = await inFlight;
    assert.equal(answered.status, 200);
    assert.equal(replaced.agentCount, 0, 'the replaced client holds no agents');

    const closed = createHttpClient();
    const cut = closed.send({ method: 'GET', url: `${slow.url}/`, tls: { ca } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closed.close();
    await assert.rejects(cut, /aborted|closed|destroyed/i);
  });
});
