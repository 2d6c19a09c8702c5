import assert from 'node:assert/strict';
import type { X509Certificate } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { buildCsr, createPkcs12, generateKeyPairFor } from '../../../src/core/pki';
import { classifyInput, type ClassifiedInput } from '../../../src/core/pki/classifyInput';
import { finishInspection } from '../../../src/core/pki/finishInspection';
import { createTestCa, type TestCa, type TestCert } from '../../support/testPki';

function certificatesOf(input: ClassifiedInput) {
  assert.equal(input.kind, 'certificates');
  return input;
}

/** A describer that records what it was given: the fingerprints of the certificates, leaf first. */
function recording() {
  const calls: { ders: string[]; x509s: string[] }[] = [];
  const describe = (ders: Buffer[], x509s: X509Certificate[]) => {
    calls.push({ ders: ders.map((der) => der.toString('hex')), x509s: x509s.map((x509) => x509.raw.toString('hex')) });
    return Promise.resolve(x509s.map((x509): { subject: string; keyMatches?: boolean } => ({ subject: x509.subject })));
  };
  return { calls, describe };
}

let ca: TestCa;
let leaf: TestCert;
before(async () => {
  ca = await createTestCa({ keyType: 'p256' });
  leaf = await ca.issue({ commonName: 'acme-app', usage: 'client' });
});

describe('classifyInput: what a file holds, parsed once', () => {
  it('hands on the certificates parsed by Node, leaf first, with their DER as found', () => {
    const input = certificatesOf(classifyInput(Buffer.from(leaf.certPem + ca.certPem), 'chain.pem'));
    assert.deepEqual(input.certificates, [leaf.der, ca.der]);
    assert.deepEqual(
      input.x509s.map((x509) => x509.raw),
      [leaf.der, ca.der],
    );
  });

  it('calls certificates plain only when they are all the file holds, as PEM or DER', () => {
    const plain = (data: string | Buffer) => certificatesOf(classifyInput(Buffer.from(data), 'input')).plain;
    assert.equal(plain(leaf.certPem), true, 'one PEM certificate');
    assert.equal(plain(leaf.certPem + ca.certPem), true, 'a PEM chain');
    assert.equal(plain(leaf.der), true, 'a DER certificate');
    assert.equal(plain(leaf.certPem + leaf.keyPem), false, 'a key beside the certificate');
    assert.equal(plain(`${leaf.certPem}-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n`), false, 'another PEM block beside it');
    assert.equal(plain(leaf.der.toString('base64')), false, 'base64 without its armour');
  });

  it('tells the other kinds apart', async () => {
    const csr = buildCsr({ commonName: 'csr' }, (await generateKeyPairFor('p256')).privateKey);
    const pfx = createPkcs12({ certificate: leaf.der, privateKey: leaf.privateKey, passphrase: 'right' });
    assert.equal(classifyInput(Buffer.from(csr.pem), 'csr.pem').kind, 'csr');
    assert.equal(classifyInput(pfx, 'acme.pfx').kind, 'pkcs12');
    assert.equal(classifyInput(Buffer.from(leaf.keyPem), 'acme.key').kind, 'private-key');
  });
});

describe('finishInspection: the step both the full inspection and the overview end with', () => {
  it('gives the describer the certificates of a PEM file, and checks the key found beside them', async () => {
    const { calls, describe } = recording();
    const input = classifyInput(Buffer.from(leaf.certPem + ca.certPem + leaf.keyPem), 'both.pem');
    const result = await finishInspection(input, { name: 'both.pem' }, describe);
    assert.deepEqual(calls, [
      { ders: [leaf.der.toString('hex'), ca.der.toString('hex')], x509s: [leaf.der.toString('hex'), ca.der.toString('hex')] },
    ]);
    assert.ok(result.kind === 'certificates');
    assert.equal(result.certificates[0].keyMatches, true);
    assert.equal(result.certificates[1].keyMatches, undefined, 'only the leaf is matched');
    assert.equal(result.privateKey?.type, 'EC');
  });

  it('opens a PKCS#12 file for the describer, and checks its key against the leaf', async () => {
    const { calls, describe } = recording();
    const pfx = createPkcs12({ certificate: leaf.der, privateKey: leaf.privateKey, chain: [ca.der], passphrase: 'right' });
    const result = await finishInspection(classifyInput(pfx, 'acme.pfx'), { name: 'acme.pfx', passphrase: 'right' }, describe);
    assert.deepEqual(calls[0].ders, [leaf.der.toString('hex'), ca.der.toString('hex')]);
    assert.deepEqual(calls[0].x509s, calls[0].ders);
    assert.ok(result.kind === 'certificates');
    assert.equal(result.certificates[0].keyMatches, true);
  });

  it('checks a given key and says when it does not fit', async () => {
    const other = await generateKeyPairFor('p256');
    const result = await finishInspection(classifyInput(leaf.der, 'acme.der'), { privateKey: other.privateKey }, recording().describe);
    assert.ok(result.kind === 'certificates');
    assert.equal(result.certificates[0].keyMatches, false);
  });

  it('refuses a lone key and never calls the describer for it or for a CSR', async () => {
    const { calls, describe } = recording();
    await assert.rejects(finishInspection(classifyInput(Buffer.from(leaf.keyPem), 'acme.key'), { name: 'acme.key' }, describe), {
      code: 'key-not-certificate',
      message: /^acme\.key is a private key, not a certificate/,
    });
    const csr = buildCsr({ commonName: 'csr' }, leaf.privateKey);
    const result = await finishInspection(classifyInput(Buffer.from(csr.pem), 'csr.pem'), { privateKey: leaf.privateKey }, describe);
    assert.ok(result.kind === 'csr');
    assert.equal(result.csr.keyMatches, true);
    assert.deepEqual(calls, []);
  });
});
