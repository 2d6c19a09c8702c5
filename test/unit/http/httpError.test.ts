import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure, HttpError } from '../../../src/core/http';

const context = {
  url: 'https://uat-mtls.thredd.com/core/api/v1/products',
  host: 'uat-mtls.thredd.com',
  sentClientCertificate: true,
  timeouts: { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 },
  aborted: false,
};

const failure = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('HTTP failure classification', () => {
  it('words network failures with the host and a next step', () => {
    const dns = classifyFailure(failure('ENOTFOUND', 'getaddrinfo ENOTFOUND uat-mtls.thredd.com'), context);
    assert.ok(dns instanceof HttpError);
    assert.equal(dns.kind, 'dns');
    assert.equal(dns.message, 'The host name uat-mtls.thredd.com could not be resolved.');
    assert.match(dns.fix, /VPN/);
    assert.equal(dns.detail, 'ENOTFOUND: getaddrinfo ENOTFOUND uat-mtls.thredd.com');
    assert.equal(classifyFailure(failure('EHOSTUNREACH'), context).kind, 'unreachable');
    assert.equal(classifyFailure(failure('ECONNRESET'), context).kind, 'reset');
  });

  it('tells TLS alerts about our certificate apart from a missing one', () => {
    const unknownCa = classifyFailure(failure('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'), context);
    assert.equal(unknownCa.kind, 'tls-bad-certificate');
    assert.match(unknownCa.message, /refused our client certificate: it was not issued by a CA the server trusts/);
    const expired = classifyFailure(failure('ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED'), context);
    assert.match(expired.message, /it has expired/);
    const none = classifyFailure(failure('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE'), { ...context, sentClientCertificate: false });
    assert.equal(none.kind, 'tls-certificate-required');
  });

  it('reports a cancelled request as aborted whatever the underlying error, and keeps unknown errors readable', () => {
    assert.equal(classifyFailure(failure('UND_ERR_SOCKET'), { ...context, aborted: true }).kind, 'aborted');
    const odd = classifyFailure(new Error('something odd'), context);
    assert.equal(odd.kind, 'unknown');
    assert.equal(odd.message, 'The request to uat-mtls.thredd.com failed: something odd');
  });
});
