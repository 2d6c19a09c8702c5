import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNoProxy } from '../../../src/core/proxy';

const match = (list: string | string[], url: string) => parseNoProxy(list).match(new URL(url));

describe('NO_PROXY rules', () => {
  it('match a host exactly, and its sub-domains with or without a leading dot', () => {
    assert.equal(match('api.thredd.com', 'https://api.thredd.com'), 'api.thredd.com');
    assert.equal(match('thredd.com', 'https://uat-mtls.thredd.com'), 'thredd.com');
    assert.equal(match('.thredd.com', 'https://uat-mtls.thredd.com'), '.thredd.com');
    assert.equal(match('.thredd.com', 'https://thredd.com'), '.thredd.com');
    assert.equal(match('*.thredd.com', 'https://a.b.thredd.com'), '*.thredd.com');
  });

  it('never match a different domain that merely ends with the same letters', () => {
    assert.equal(match('thredd.com', 'https://notthredd.com'), undefined);
    assert.equal(match('.thredd.com', 'https://thredd.com.evil.test'), undefined);
    assert.equal(match('uat.thredd.com', 'https://thredd.com'), undefined);
  });

  it('compare host names without regard to case', () => {
    assert.equal(match('Thredd.COM', 'https://UAT.thredd.com'), 'Thredd.COM');
  });

  it('match host:port only on that port, counting the default port of the scheme', () => {
    assert.equal(match('sandbox.test:8443', 'https://sandbox.test:8443/oauth2/token'), 'sandbox.test:8443');
    assert.equal(match('sandbox.test:8443', 'https://sandbox.test:8444'), undefined);
    assert.equal(match('sandbox.test:443', 'https://sandbox.test'), 'sandbox.test:443');
    assert.equal(match('sandbox.test:80', 'http://sandbox.test'), 'sandbox.test:80');
  });

  it('let * match every host', () => {
    assert.equal(match('*', 'https://anything.example'), '*');
    assert.equal(match('*', 'http://[::1]:8080'), '*');
  });

  it('match IPv4 and IPv6 literals, IPv6 with or without brackets and with a port', () => {
    assert.equal(match('10.1.2.3', 'https://10.1.2.3:8443'), '10.1.2.3');
    assert.equal(match('10.1.2.3', 'https://10.1.2.4'), undefined);
    assert.equal(match('::1', 'https://[::1]:8443'), '::1');
    assert.equal(match('[::1]', 'https://[::1]'), '[::1]');
    assert.equal(match('[::1]:8443', 'https://[::1]:8443'), '[::1]:8443');
    assert.equal(match('[::1]:8443', 'https://[::1]:8444'), undefined);
    assert.equal(match('0:0:0:0:0:0:0:1', 'https://[::1]'), '0:0:0:0:0:0:0:1', 'the same address written in full');
  });

  it('match CIDR ranges against IP literals only', () => {
    assert.equal(match('10.0.0.0/8', 'https://10.200.3.4'), '10.0.0.0/8');
    assert.equal(match('10.0.0.0/8', 'https://11.0.0.1'), undefined);
    assert.equal(match('fd00::/8', 'https://[fd12::5]'), 'fd00::/8');
  });

  it('bypass nothing implicitly: loopback goes through the proxy unless a rule names it', () => {
    assert.equal(match('', 'https://localhost:8443'), undefined);
    assert.equal(match('.thredd.com', 'https://127.0.0.1:8443'), undefined);
    assert.equal(match('.thredd.com', 'https://[::1]:8443'), undefined);
    assert.equal(match('localhost', 'https://localhost:8443'), 'localhost');
  });

  it('read comma- and whitespace-separated lists and arrays of them, as http.noProxy is', () => {
    const rules = parseNoProxy(['a.test, b.test', 'c.test  d.test,,']);
    assert.deepEqual(rules.entries, ['a.test', 'b.test', 'c.test', 'd.test']);
    assert.equal(rules.match(new URL('https://d.test')), 'd.test');
    assert.deepEqual(parseNoProxy(undefined).entries, []);
  });

  it('never let a domain rule match an IP address by its text', () => {
    assert.equal(match('0.1', 'https://10.0.0.1'), undefined);
  });
});
