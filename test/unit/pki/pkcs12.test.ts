import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPkcs12, exportPkcs12, FileExistsError, inspectBytes, PkiError, readPkcs12 } from '../../../src/core/pki';
import { createTestCa, type TestCa } from '../../support/testPki';

describe('PKCS#12', () => {
  let dir: string;
  let ca: TestCa;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-p12-'));
    ca = await createTestCa();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const keyType of ['rsa2048', 'p256'] as const) {
    for (const legacy of [false, true]) {
      it(`round-trips a ${keyType} certificate, key and chain (${legacy ? 'legacy 3DES' : 'AES-256'})`, async () => {
        const leaf = await ca.issue({ commonName: 'acme-app', usage: 'client', keyType });
        const pfx = createPkcs12({ certificate: leaf.der, privateKey: leaf.privateKey, chain: [ca.der], passphrase: 'pfx pass', legacy });
        const contents = readPkcs12(pfx, 'pfx pass');
        assert.deepEqual(contents.certificates, [leaf.der, ca.der], 'exact certificate bytes, leaf first');
        assert.ok(contents.privateKey?.equals(leaf.privateKey));
      });
    }
  }

  it('says the passphrase is wrong, or missing, naming the file', async () => {
    const leaf = await ca.issue({ commonName: 'acme-app', usage: 'client' });
    const pfx = createPkcs12({ certificate: leaf.der, privateKey: leaf.privateKey, passphrase: 'right' });
    assert.throws(() => readPkcs12(pfx, 'wrong', 'acme.pfx'), {
      code: 'wrong-passphrase',
      message: 'wrong passphrase for acme.pfx: check it and try again.',
    });
    await assert.rejects(inspectBytes(pfx, { name: 'acme.pfx' }), {
      code: 'passphrase-required',
      message: /^acme\.pfx is a PKCS#12 file protected by a passphrase/,
    });
    const result = await inspectBytes(pfx, { name: 'acme.pfx', passphrase: 'right' });
    assert.equal(
      result.kind === 'certificates' && result.certificates[0].keyMatches,
      true,
      'the key inside is checked against the certificate',
    );
  });

  it('refuses a key that does not belong to the certificate', async () => {
    const leaf = await ca.issue({ commonName: 'acme-app', usage: 'client' });
    const other = await ca.issue({ commonName: 'other', usage: 'client' });
    assert.throws(
      () => createPkcs12({ certificate: leaf.der, privateKey: other.privateKey, passphrase: 'x' }),
      (error) => {
        assert.ok(error instanceof PkiError);
        assert.equal(error.code, 'key-mismatch');
        assert.match(error.message, /^the private key does not belong to the certificate/);
        return true;
      },
    );
  });

  it('exports to a new 0600 file from PEM files, and never overwrites one', async () => {
    const leaf = await ca.issue({ commonName: 'acme-app', usage: 'client' });
    const certFile = path.join(dir, 'acme.pem');
    const keyFile = path.join(dir, 'acme.key');
    fs.writeFileSync(certFile, leaf.certPem + ca.certPem);
    fs.writeFileSync(keyFile, leaf.keyPem);
    const outFile = path.join(dir, 'acme.pfx');
    const result = await exportPkcs12({ certFile, keyFile, chainFile: certFile, outFile, passphrase: 'p' });
    assert.deepEqual(result, { outFile, certificateCount: 2 }, 'the chain is not duplicated');
    assert.equal(fs.statSync(outFile).mode & 0o777, 0o600);
    const before = fs.readFileSync(outFile);
    await assert.rejects(exportPkcs12({ certFile, keyFile, outFile, passphrase: 'q' }), FileExistsError);
    assert.deepEqual(fs.readFileSync(outFile), before, 'the existing file is untouched');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['acme.key', 'acme.pem', 'acme.pfx'], 'no temporary file left behind');
  });
});
