import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { isIssuedBy, isSelfSigned } from '../../../src/core/x509/issuedBy';
import { createTestCa } from '../../support/testPki';

describe('who issued a certificate', () => {
  let root: X509Certificate;
  let impostor: X509Certificate;
  let leaf: X509Certificate;
  before(async () => {
    const ca = await createTestCa({ commonName: 'Issuing Root' });
    // The same name with another key.
    const sameName = await createTestCa({ commonName: 'Issuing Root' });
    root = new X509Certificate(ca.certPem);
    impostor = new X509Certificate(sameName.certPem);
    leaf = new X509Certificate((await ca.issue({ commonName: 'localhost', usage: 'server' })).certPem);
  });

  it('takes the CA that signed it as its issuer, and not the certificate itself', () => {
    assert.equal(isIssuedBy(leaf, root), true);
    assert.equal(isIssuedBy(root, leaf), false);
  });

  it('refuses a CA that only shares the issuer name', () => {
    assert.equal(isIssuedBy(leaf, impostor), false);
    assert.equal(isSelfSigned(impostor), true);
  });

  it('calls a root self-signed and a leaf not', () => {
    assert.equal(isSelfSigned(root), true);
    assert.equal(isSelfSigned(leaf), false);
  });
});
