import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { before, describe, it } from 'node:test';
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
  });
});
