import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { expiryFinding } from '../../../src/core/ehi/check/certificateFindings';
import { buildChain, chainFindings } from '../../../src/core/ehi/check/chain';
import { createTestCa, type TestCa, type TestCert } from '../../support/testPki';

describe('EHI check: the chain at every depth', () => {
  let root: TestCa;
  let intermediate: TestCa;
  let leaf: TestCert;
  const x509 = (pem: string) => new X509Certificate(pem);
  before(async () => {
    root = await createTestCa({ commonName: 'Root' });
    intermediate = await createTestCa({ commonName: 'Intermediate', parent: root });
    leaf = await intermediate.issue({ commonName: 'localhost', usage: 'server' });
  });

  it('verifies leaf and intermediate as sent and ends at the trusted root', () => {
    const path = buildChain([x509(leaf.certPem), x509(intermediate.certPem)], [x509(root.certPem)]);
    assert.deepEqual(
      path.map((link) => [link.depth, link.source, link.error]),
      [
        [0, 'sent', undefined],
        [1, 'sent', undefined],
        [2, 'trust-store', undefined],
      ],
    );
  });

  it('fails "intermediate sent" when the intermediate only came from the trust anchors, though every depth verifies', () => {
    const findings = chainFindings(buildChain([x509(leaf.certPem)], [x509(root.certPem), x509(intermediate.certPem)]));
    assert.deepEqual(
      findings.map((finding) => [finding.id, finding.status]),
      [
        ['chain.depth0', 'pass'],
        ['chain.depth1', 'pass'],
        ['chain.depth2', 'pass'],
        ['chain.intermediate', 'fail'],
      ],
    );
  });

  it('reports an untrusted root at the depth it appears', () => {
    const stranger = buildChain([x509(leaf.certPem), x509(intermediate.certPem), x509(root.certPem)], []);
    assert.equal(stranger.at(-1)?.error, 'self-signed certificate in certificate chain');
  });

  it('fails a date problem at its depth', () => {
    const later = new Date(Date.now() + 400 * 24 * 60 * 60 * 1000);
    const path = buildChain([x509(leaf.certPem), x509(intermediate.certPem)], [x509(root.certPem)], later);
    assert.equal(path[0].error, 'certificate has expired');
    const earlier = new Date(Date.parse(x509(leaf.certPem).validFrom) - DAY);
    assert.equal(
      buildChain([x509(leaf.certPem), x509(intermediate.certPem)], [x509(root.certPem)], earlier)[0].error,
      'certificate is not yet valid',
    );
  });
});

const DAY = 24 * 60 * 60 * 1000;

describe("EHI check: the server certificate's dates", () => {
  let leaf: X509Certificate;
  let until: string;
  before(async () => {
    const ca = await createTestCa({ commonName: 'Dates Root' });
    leaf = new X509Certificate((await ca.issue({ commonName: 'localhost', usage: 'server', daysValid: 30 })).certPem);
    until = new Date(leaf.validTo).toISOString().slice(0, 10);
  });
  const at = (fromNotAfter: number) => new Date(Date.parse(leaf.validTo) + fromNotAfter);

  it('passes with the days left when more than the warning days remain', () => {
    const finding = expiryFinding(leaf, 10, at(-20 * DAY - 1));
    assert.deepEqual([finding.status, finding.message], ['pass', `The certificate is valid until ${until} (20 days left).`]);
  });

  it('warns when fewer than the warning days remain', () => {
    const finding = expiryFinding(leaf, 10, at(-10 * DAY + 1));
    assert.deepEqual([finding.status, finding.message], ['warn', `The certificate expires on ${until}, in 9 days.`]);
    assert.equal(expiryFinding(leaf, 10, at(-10 * DAY)).status, 'pass', 'exactly the warning days left is not yet a warning');
  });

  it('fails an expired certificate, and one not valid yet', () => {
    const expired = expiryFinding(leaf, 10, at(1));
    assert.deepEqual([expired.status, expired.message], ['fail', `The certificate expired on ${until}.`]);
    assert.equal(expiryFinding(leaf, 10, at(0)).status, 'warn', 'valid up to and including notAfter');
    const notYet = expiryFinding(leaf, 10, new Date(Date.parse(leaf.validFrom) - 1));
    assert.deepEqual(
      [notYet.status, notYet.message],
      ['fail', `The certificate is not valid before ${new Date(leaf.validFrom).toISOString().slice(0, 10)}.`],
    );
  });
});
