import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure, type ProxyRoute } from '../../../src/core/http';
import { proxyHopFailure, proxyRefusal } from '../../../src/core/http/proxyHopError';

const direct = {
  url: 'https://uat-mtls.thredd.com/core/api/v1/products',
  host: 'uat-mtls.thredd.com',
  sentClientCertificate: true,
  timeouts: { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 },
  aborted: false,
};
const proxied = { ...direct, route: { kind: 'proxy' as const, proxy: 'http://proxy.bank.example:3128', source: 'HTTPS_PROXY' } };
const route: ProxyRoute = {
  kind: 'proxy',
  proxy: new URL('http://proxy.bank.example:3128'),
  authorization: `Basic ${Buffer.from('alice:s3cret').toString('base64')}`,
  proxyStrictSSL: true,
  source: 'http.proxy',
};

const failure = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('HTTP failure classification through a proxy', () => {
  it('explains a missing client certificate behind a proxy as TLS inspection, and keeps the direct wording', () => {
    const alert = 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED';
    const inspected = classifyFailure(failure(alert), proxied);
    assert.equal(inspected.kind, 'tls-inspected');
    assert.match(inspected.message, /says no client certificate arrived, though one was sent through the proxy http:\/\/proxy\.bank/);
    assert.match(inspected.fix, /bypass list/);
    const plain = classifyFailure(failure(alert), direct);
    assert.equal(plain.kind, 'tls-certificate-required');
    assert.equal(plain.message, 'uat-mtls.thredd.com asked for a client certificate and did not accept the one sent.');
  });

  it('keeps an unknown CA on a direct connection about "ca"', () => {
    const unknown = classifyFailure(failure('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), direct);
    assert.equal(unknown.kind, 'tls-unknown-ca');
    assert.equal(classifyFailure(failure('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), proxied).kind, 'tls-inspected');
  });

  it('points a 407 at the proxy URL that holds the credentials, and at http.proxyAuthorization where VS Code sends it', () => {
    const target = 'uat-mtls.thredd.com:443';
    const fromFile = classifyFailure(proxyRefusal({ ...route, source: 'thredd.json environment "uat" (proxy)' }, target, 407), direct);
    assert.equal(fromFile.kind, 'proxy-auth');
    assert.equal(
      fromFile.fix,
      'Check the user and password in thredd.json environment "uat" (proxy) (http://user:password@host:port): ' +
        'the proxy user and password your IT team gave you.',
    );
    const fromEditor = classifyFailure(proxyRefusal({ ...route, source: 'http.proxy (VS Code)' }, target, 407), direct);
    assert.match(fromEditor.fix, /in http\.proxy \(VS Code\) .*, or http\.proxyAuthorization in VS Code/);
    for (const refused of [fromFile, fromEditor]) assert.ok(!`${refused.message}${refused.fix}${refused.detail}`.includes('s3cret'));
  });

  it('says the proxy could not reach the server on a 502', () => {
    const refused = classifyFailure(proxyRefusal(route, 'uat-mtls.thredd.com:443', 502), direct);
    assert.equal(refused.kind, 'proxy-refused');
    assert.match(refused.fix, /could not reach uat-mtls\.thredd\.com:443/);
  });

  it('names an unresolvable proxy and a wrong-protocol https:// proxy', () => {
    const unresolved = classifyFailure(proxyHopFailure(route, 'uat-mtls.thredd.com:443', failure('ENOTFOUND')), direct);
    assert.equal(unresolved.kind, 'proxy-unreachable');
    assert.equal(
      unresolved.message,
      'The proxy http://proxy.bank.example:3128 (from http.proxy) could not be reached: its host name could not be resolved.',
    );
    const plainProxy = classifyFailure(proxyHopFailure(route, 'uat-mtls.thredd.com:443', failure('ERR_SSL_WRONG_VERSION_NUMBER')), direct);
    assert.equal(plainProxy.kind, 'proxy-tls');
    assert.match(plainProxy.fix, /most proxies are http:\/\//);
  });
});
