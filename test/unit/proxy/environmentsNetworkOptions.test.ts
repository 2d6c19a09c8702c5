import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Environment } from '../../../src/core/config';
import type { ConnectionRoute } from '../../../src/core/http';
import { networkOptionsForEnvironments, ProxyConfigError } from '../../../src/core/proxy';

function environment(name: string, baseUrl: string, extra: Partial<Environment> = {}): Environment {
  const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };
  return { name, baseUrl, region: '0', insecure: false, variables: {}, range, ...extra };
}

const route = (options: ReturnType<typeof networkOptionsForEnvironments>, url: string): ConnectionRoute =>
  options.routeFor!(new URL(new URL(url).origin));

describe("the editor's network options, for every environment at once", () => {
  const uat = environment('uat', 'https://uat-mtls.thredd.com', {
    proxy: 'http://uat-proxy:3128',
    tokenUrl: 'https://id.uat.thredd.com/oauth2/token',
    proxyCa: '/ca/proxy.pem',
  });
  const sandbox = environment('sandbox', 'https://127.0.0.1:8444', { proxy: false });
  const live = environment('live', 'https://mtls.thredd.com');
  const shared = { editor: { proxy: 'http://editor-proxy:8080' }, env: { HTTPS_PROXY: 'http://env-proxy:3128' } };
  const options = networkOptionsForEnvironments([uat, sandbox, live], shared, new Map([['uat', 'PEM OF THE PROXY CA']]));

  it("routes an environment's API and token origins through its own thredd.json proxy, with its proxyCa", () => {
    for (const url of ['https://uat-mtls.thredd.com/core/api/v1/cards', 'https://id.uat.thredd.com/oauth2/token']) {
      const chosen = route(options, url);
      assert.equal(chosen.kind, 'proxy');
      assert.equal(chosen.kind === 'proxy' && chosen.proxy.host, 'uat-proxy:3128');
      assert.equal(chosen.kind === 'proxy' && chosen.proxyCa, 'PEM OF THE PROXY CA');
      assert.match(chosen.kind === 'proxy' ? chosen.source : '', /thredd\.json environment "uat"/);
    }
  });

  it('sends an environment with "proxy": false direct, and says why', () => {
    assert.deepEqual(route(options, 'https://127.0.0.1:8444/core/api/v1/products'), {
      kind: 'direct',
      source: 'thredd.json environment "sandbox" has "proxy": false',
    });
  });

  it("leaves every other origin to VS Code's http.proxy, before HTTPS_PROXY", () => {
    for (const url of ['https://mtls.thredd.com/core/api/v1/cards', 'https://example.com/']) {
      const chosen = route(options, url);
      assert.equal(chosen.kind === 'proxy' && `${chosen.proxy.host} ${chosen.source}`, 'editor-proxy:8080 http.proxy (VS Code)');
    }
  });

  it('refuses a bad proxy URL of any environment when the options are made, before anything is sent', () => {
    const socks = environment('socks', 'https://a.example', { proxy: 'socks5://proxy:1080' });
    assert.throws(() => networkOptionsForEnvironments([socks], { env: {} }), ProxyConfigError);
  });
});
