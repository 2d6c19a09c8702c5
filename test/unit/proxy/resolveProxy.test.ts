import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkOptionsFor, resolveProxy, type ProxySettings } from '../../../src/core/proxy';
import type { ConnectionRoute } from '../../../src/core/http';

const UAT = new URL('https://uat-mtls.thredd.com');
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

/** The route's proxy and source, or 'direct' and its reason: what the table below compares. */
function summary(route: ConnectionRoute): string {
  return route.kind === 'direct' ? `direct: ${route.source}` : `${route.proxy.href} from ${route.source}`;
}

describe('the proxy decision', () => {
  const everySource: ProxySettings = {
    environment: { name: 'uat', proxy: 'http://file-proxy:3128' },
    cli: { proxy: 'http://cli-proxy:3128' },
    editor: { proxy: 'http://editor-proxy:3128' },
    env: { HTTPS_PROXY: 'http://env-proxy:3128' },
  };
  const cases: [string, ProxySettings, string][] = [
    ['thredd.json wins over everything', everySource, 'http://file-proxy:3128/ from thredd.json environment "uat" (proxy)'],
    [
      'thredd.json false goes direct whatever else is set',
      { ...everySource, environment: { name: 'uat', proxy: false } },
      'direct: thredd.json environment "uat" has "proxy": false',
    ],
    [
      'an environment without "proxy" leaves it to the CLI',
      { ...everySource, environment: { name: 'uat' } },
      'http://cli-proxy:3128/ from --proxy',
    ],
    [
      '--no-proxy wins over VS Code and the variables',
      { ...everySource, environment: undefined, cli: { noProxy: true } },
      'direct: --no-proxy',
    ],
    [
      'http.proxy wins over the variables',
      { ...everySource, environment: undefined, cli: {} },
      'http://editor-proxy:3128/ from http.proxy (VS Code)',
    ],
    ['HTTPS_PROXY when nothing else is set', { env: everySource.env }, 'http://env-proxy:3128/ from HTTPS_PROXY'],
    ['no proxy at all', { env: {} }, 'direct: no proxy configured'],
  ];
  for (const [name, settings, expected] of cases) {
    it(`chooses by precedence: ${name}`, () => assert.equal(summary(resolveProxy(UAT, settings)), expected));
  }

  it('reads https_proxy for https origins and http_proxy for http ones', () => {
    const env = { HTTPS_PROXY: 'http://secure-side:1', HTTP_PROXY: 'http://plain-side:2' };
    assert.equal(summary(resolveProxy(UAT, { env })), 'http://secure-side:1/ from HTTPS_PROXY');
    assert.equal(summary(resolveProxy(new URL('http://localhost:8080'), { env })), 'http://plain-side:2/ from HTTP_PROXY');
    assert.equal(
      summary(resolveProxy(new URL('http://localhost:8080'), { env: { HTTPS_PROXY: 'http://x:1' } })),
      'direct: no proxy configured',
    );
  });

  it('prefers the lower-case variable when both cases are set, as curl does', () => {
    const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', NO_PROXY: '', no_proxy: '.thredd.com' };
    assert.equal(summary(resolveProxy(new URL('https://example.test'), { env })), 'http://lower:2/ from https_proxy');
    assert.equal(summary(resolveProxy(UAT, { env })), 'direct: no_proxy matches .thredd.com');
    assert.equal(summary(resolveProxy(UAT, { env: { HTTPS_PROXY: 'http://upper:1' } })), 'http://upper:1/ from HTTPS_PROXY');
  });

  it('takes a lower-case variable set to nothing as no proxy, without falling back to upper case', () => {
    assert.equal(summary(resolveProxy(UAT, { env: { https_proxy: '', HTTPS_PROXY: 'http://upper:1' } })), 'direct: no proxy configured');
  });

  it('applies NO_PROXY to variables and --proxy, with the rule that matched as the reason', () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:3128', NO_PROXY: 'localhost, .thredd.com' };
    assert.equal(summary(resolveProxy(UAT, { env })), 'direct: NO_PROXY matches .thredd.com');
    assert.equal(summary(resolveProxy(UAT, { env, cli: { proxy: 'http://cli:1' } })), 'direct: NO_PROXY matches .thredd.com');
    assert.equal(summary(resolveProxy(new URL('https://other.test'), { env })), 'http://env-proxy:3128/ from HTTPS_PROXY');
  });

  it('does not let NO_PROXY override the proxy thredd.json names', () => {
    const settings = { environment: { name: 'uat', proxy: 'http://file-proxy:3128' }, env: { NO_PROXY: '*' } };
    assert.equal(summary(resolveProxy(UAT, settings)), 'http://file-proxy:3128/ from thredd.json environment "uat" (proxy)');
  });

  it('bypasses http.proxy for http.noProxy, else for NO_PROXY, and http.noProxy also covers the variables', () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:1', NO_PROXY: 'uat-mtls.thredd.com' };
    const editor = { proxy: 'http://editor-proxy:2', noProxy: ['.example.test'] };
    assert.equal(summary(resolveProxy(UAT, { env, editor })), 'http://editor-proxy:2/ from http.proxy (VS Code)');
    assert.equal(
      summary(resolveProxy(new URL('https://a.example.test'), { env, editor })),
      'direct: http.noProxy (VS Code) matches .example.test',
    );
    assert.equal(
      summary(resolveProxy(UAT, { env, editor: { proxy: 'http://editor-proxy:2', noProxy: [] } })),
      'direct: NO_PROXY matches uat-mtls.thredd.com',
    );
    assert.equal(
      summary(resolveProxy(new URL('https://a.example.test'), { env, editor: { noProxy: '.example.test' } })),
      'direct: http.noProxy (VS Code) matches .example.test',
    );
  });

  it('sends loopback through the proxy unless a rule names it', () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:3128' };
    assert.equal(summary(resolveProxy(new URL('https://localhost:8443'), { env })), 'http://env-proxy:3128/ from HTTPS_PROXY');
    assert.equal(summary(resolveProxy(new URL('https://127.0.0.1:8443'), { env })), 'http://env-proxy:3128/ from HTTPS_PROXY');
    const bypassed = resolveProxy(new URL('https://127.0.0.1:8443'), { env: { ...env, NO_PROXY: '127.0.0.1' } });
    assert.equal(summary(bypassed), 'direct: NO_PROXY matches 127.0.0.1');
  });

  it('turns userinfo into a Basic Proxy-Authorization and keeps it out of the proxy URL', () => {
    const route = resolveProxy(UAT, { env: { HTTPS_PROXY: 'http://alice:pa%40ss%3Aword@proxy:3128' } });
    assert.equal(route.kind, 'proxy');
    assert.equal(route.kind === 'proxy' && route.authorization, basic('alice:pa@ss:word'));
    assert.equal(route.kind === 'proxy' && route.proxy.href, 'http://proxy:3128/');
    assert.doesNotMatch(JSON.stringify(route), /alice|pa%40ss/);
  });

  it("lets http.proxyAuthorization win over the URL's userinfo for VS Code's and the environment's proxies only", () => {
    const editor = { proxyAuthorization: 'Basic ZWRpdG9yOnNlY3JldA==' };
    const fromEnv = resolveProxy(UAT, { editor, env: { HTTPS_PROXY: 'http://alice:secret@proxy:3128' } });
    assert.equal(fromEnv.kind === 'proxy' && fromEnv.authorization, 'Basic ZWRpdG9yOnNlY3JldA==');
    const fromEditor = resolveProxy(UAT, { editor: { ...editor, proxy: 'http://proxy:3128' }, env: {} });
    assert.equal(fromEditor.kind === 'proxy' && fromEditor.authorization, 'Basic ZWRpdG9yOnNlY3JldA==');
    const fromCli = resolveProxy(UAT, { editor, cli: { proxy: 'http://bob:pw@proxy:3128' }, env: {} });
    assert.equal(fromCli.kind === 'proxy' && fromCli.authorization, basic('bob:pw'));
  });

  it('passes the proxy CA and strictness through, strict unless turned off', () => {
    const env = { HTTPS_PROXY: 'https://tls-proxy:443' };
    const strict = resolveProxy(UAT, { env, proxyCa: '-----BEGIN CERTIFICATE-----\n…' });
    assert.deepEqual(strict.kind === 'proxy' && [strict.proxyCa, strict.proxyStrictSSL], ['-----BEGIN CERTIFICATE-----\n…', true]);
    const lax = resolveProxy(UAT, { env, proxyStrictSSL: false });
    assert.equal(lax.kind === 'proxy' && lax.proxyStrictSSL, false);
  });

  it('reads a proxy without a scheme as http://, as curl does', () => {
    assert.equal(summary(resolveProxy(UAT, { env: { HTTPS_PROXY: 'proxy.corp:3128' } })), 'http://proxy.corp:3128/ from HTTPS_PROXY');
  });

  it('refuses a SOCKS proxy with the setting, the masked URL and what is supported', () => {
    assert.throws(
      () => networkOptionsFor({ env: { HTTPS_PROXY: 'socks5://user:hunter2@proxy:1080' } }),
      (error: Error & { fix?: string }) => {
        assert.equal(error.name, 'ProxyConfigError');
        assert.equal(error.message, 'HTTPS_PROXY is "socks5://user:••••••@proxy:1080": socks5 proxies are not supported.');
        assert.match(error.fix ?? '', /http:\/\/proxy\.example\.com:3128/);
        return true;
      },
    );
  });

  it('refuses a proxy URL that cannot be read, naming the setting, before anything is sent', () => {
    assert.throws(() => networkOptionsFor({ cli: { proxy: 'http://bad host:3128' }, env: {} }), {
      name: 'ProxyConfigError',
      message: '--proxy is "http://bad host:3128", which is not a proxy URL.',
    });
    assert.throws(() => networkOptionsFor({ environment: { name: 'uat', proxy: 'ftp://x' }, env: {} }), {
      message: '"proxy" of thredd.json environment "uat" is "ftp://x": ftp proxies are not supported.',
    });
  });

  it('gives HttpClient a routeFor that applies the decision per origin', () => {
    const network = networkOptionsFor({ env: { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost' } });
    assert.equal(summary(network.routeFor!(UAT)), 'http://proxy:3128/ from HTTPS_PROXY');
    assert.equal(summary(network.routeFor!(new URL('https://localhost:8443'))), 'direct: NO_PROXY matches localhost');
  });
});
