import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRoute, maskProxyUrl, resolveProxy } from '../../../src/core/proxy';

const UAT = new URL('https://uat-mtls.thredd.com');

describe('proxy masking and descriptions', () => {
  it('masks the password of a proxy URL and keeps the rest as written', () => {
    assert.equal(maskProxyUrl('http://alice:hunter2@proxy:3128'), 'http://alice:••••••@proxy:3128');
    assert.equal(maskProxyUrl('http://alice:p@ss@proxy:3128/'), 'http://alice:••••••@proxy:3128/');
    assert.equal(maskProxyUrl('alice:hunter2@proxy:3128'), 'alice:••••••@proxy:3128');
    assert.equal(maskProxyUrl('http://tok3n@proxy:3128'), 'http://••••••@proxy:3128', 'a lone user name may be a token');
    assert.equal(maskProxyUrl('http://proxy:3128'), 'http://proxy:3128');
  });

  it('describes direct routes with their reason', () => {
    assert.equal(describeRoute(resolveProxy(UAT, { env: {} })), 'direct (no proxy configured)');
    assert.equal(describeRoute({ kind: 'direct' }), 'direct (no proxy configured)');
    const bypassed = resolveProxy(UAT, { env: { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.thredd.com' } });
    assert.equal(describeRoute(bypassed), 'direct (NO_PROXY matches .thredd.com)');
  });

  it('describes proxied routes by proxy and source, never with credentials', () => {
    assert.equal(describeRoute(resolveProxy(UAT, { env: { HTTPS_PROXY: 'http://proxy:3128' } })), 'via http://proxy:3128 (HTTPS_PROXY)');
    const authenticated = resolveProxy(UAT, { env: { HTTPS_PROXY: 'http://alice:hunter2@proxy:3128' } });
    assert.equal(describeRoute(authenticated), 'via http://proxy:3128 (HTTPS_PROXY; with Proxy-Authorization)');
    const fromFile = resolveProxy(UAT, {
      environment: { name: 'uat', proxy: 'https://alice:hunter2@tls-proxy' },
      env: {},
      proxyStrictSSL: false,
    });
    const shown = describeRoute(fromFile);
    assert.equal(
      shown,
      'via https://tls-proxy (thredd.json environment "uat" (proxy); with Proxy-Authorization; ' +
        "the proxy's certificate is NOT verified)",
    );
    assert.doesNotMatch(shown, /alice|hunter2/);
  });

  it('never shows credentials even when a route was built with them in its URL', () => {
    const route = { kind: 'proxy' as const, proxy: new URL('http://alice:hunter2@proxy:3128'), proxyStrictSSL: true, source: '--proxy' };
    assert.equal(describeRoute(route), 'via http://proxy:3128 (--proxy)');
  });
});
