import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProxyRoute } from '../../../src/core/http';
import { startForwardProxy, type ForwardProxy } from '../../support/forwardProxy';
import { API, startSandboxFixture, type SandboxFixture } from '../sandbox/sandboxFixture';

// The journey of a client behind a corporate proxy: token and API calls over mTLS, every connection through
// the proxy's CONNECT tunnels, and the token still bound to the Transport certificate (RFC 8705 cnf.x5t#S256).
describe('Sandbox tokens and API calls through an authenticating forward proxy', () => {
  let proxy: ForwardProxy;
  let fixture: SandboxFixture;
  const asked: string[] = [];

  before(async () => {
    proxy = await startForwardProxy({ credentials: { username: 'ci', password: 'tunnel-pa55' } });
    const route: ProxyRoute = {
      kind: 'proxy',
      proxy: proxy.url,
      authorization: `Basic ${Buffer.from('ci:tunnel-pa55').toString('base64')}`,
      proxyStrictSSL: true,
      source: 'HTTPS_PROXY',
    };
    fixture = await startSandboxFixture({
      network: {
        routeFor: (origin) => {
          asked.push(origin.origin);
          return route;
        },
      },
    });
  });

  after(async () => {
    await fixture.close();
    await proxy.close();
  });

  it('gets a token bound to the Transport certificate and calls the API with it, all through the proxy', async () => {
    const token = await fixture.token('sandbox-mtls');
    assert.equal(token.binding?.matches, true, 'the token is bound to the certificate the sandbox saw through the tunnel');
    assert.equal(token.claims?.x5tS256, fixture.init.transportX5tS256);

    const { environment } = fixture.target('sandbox-mtls');
    const headers = { authorization: `Bearer ${token.accessToken}`, 'x-region': '1' };
    const tls = await fixture.tls('sandbox-mtls');
    for (let i = 0; i < 5; i += 1) {
      const products = await fixture.call('GET', `${environment.baseUrl}${API}/products`, { headers, tls });
      assert.equal(products.response.status, 200);
      assert.deepEqual(products.response.route, { kind: 'proxy', proxy: proxy.url.origin, source: 'HTTPS_PROXY' });
      assert.equal(products.response.tls?.clientCertificate?.x5tS256, token.claims?.x5tS256);
    }

    const origins = new Set(asked);
    assert.ok(origins.size > 0, 'the client asked for the route of every origin it reached');
    assert.equal(proxy.tunnels(), origins.size, 'one tunnel per origin: the token call and the API calls kept their connections');
  });
});
