import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildName, formatName, oneLineName } from '../../../src/core/pki';

describe('oneLineName, the one-line subject and issuer of every certificate description', () => {
  it('puts the most specific attribute first, each as type=value', () => {
    const attributes = [
      { type: 'C', oid: '2.5.4.6', value: 'GB' },
      { type: 'O', oid: '2.5.4.10', value: 'Acme Cards' },
      { type: 'CN', oid: '2.5.4.3', value: 'acme' },
    ];
    assert.equal(oneLineName(attributes), 'CN=acme, O=Acme Cards, C=GB');
    assert.equal(attributes[0].type, 'C', "the caller's list is left in its order");
  });

  it('writes values as read (unescaped) and unknown types as given', () => {
    assert.equal(
      oneLineName([
        { type: 'O', oid: '2.5.4.10', value: 'Acme, Cards+Co' },
        { type: '1.2.3.4', oid: '1.2.3.4', value: 'x' },
      ]),
      '1.2.3.4=x, O=Acme, Cards+Co',
    );
    assert.equal(oneLineName([]), '');
  });

  it('is what formatName writes for a parsed name', () => {
    const name = buildName({ country: 'GB', organization: 'Acme Cards', organizationalUnit: 'Payments', commonName: 'acme' });
    assert.equal(formatName(name), 'CN=acme, OU=Payments, O=Acme Cards, C=GB');
  });
});
