import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileExistsError, generateKeyAndCsr, inspectBytes, PkiError, readPrivateKey } from '../../../src/core/pki';

describe('key and CSR generation', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-csr-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes <name>-rtstransport.key (0600, plain PKCS#8) and the matching CSR beside it', async () => {
    const result = await generateKeyAndCsr({
      type: 'transport',
      subject: { country: 'GB', organization: 'Acme Ltd', organizationalUnit: 'Cards', commonName: 'acme-app' },
      outDir: dir,
    });
    assert.equal(result.keyPath, path.join(dir, 'acme-app-rtstransport.key'));
    assert.equal(result.csrPath, path.join(dir, 'acme-app-rtstransport.csr'));
    assert.equal(fs.statSync(result.keyPath).mode & 0o777, 0o600);
    const keyPem = fs.readFileSync(result.keyPath, 'utf8');
    assert.match(keyPem, /^-----BEGIN PRIVATE KEY-----\n/);
    assert.equal(keyPem, result.keyPem);
    const csr = await inspectBytes(fs.readFileSync(result.csrPath), { privateKey: readPrivateKey(keyPem) });
    assert.ok(csr.kind === 'csr');
    assert.equal(csr.csr.subject, 'CN=acme-app, OU=Cards, O=Acme Ltd, C=GB');
    assert.deepEqual(
      [csr.csr.publicKey.type, csr.csr.publicKey.bits, csr.csr.signatureValid, csr.csr.keyMatches],
      ['RSA', 2048, true, true],
    );
  });

  it('names signing and encryption files by type, and makes P-256 keys', async () => {
    const signing = await generateKeyAndCsr({ type: 'signing', subject: { commonName: 'acme-app' }, keyAlgorithm: 'p256', outDir: dir });
    assert.equal(path.basename(signing.keyPath), 'acme-app-rtssigning.key');
    assert.equal(readPrivateKey(signing.keyPem).asymmetricKeyDetails?.namedCurve, 'prime256v1');
    const encryption = await generateKeyAndCsr({
      type: 'encryption',
      subject: { commonName: 'acme-app' },
      keyAlgorithm: 'p256',
      outDir: path.join(dir, 'new', 'folder'),
    });
    assert.equal(encryption.csrPath, path.join(dir, 'new', 'folder', 'acme-app-rtsencryption.csr'), 'the folder is created');
  });

  it('encrypts the key when given a passphrase', async () => {
    const result = await generateKeyAndCsr({
      type: 'transport',
      subject: { commonName: 'locked' },
      keyAlgorithm: 'p256',
      outDir: dir,
      passphrase: 'pass phrase',
    });
    assert.match(result.keyPem, /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    assert.throws(() => readPrivateKey(result.keyPem), { code: 'passphrase-required' });
    assert.ok(readPrivateKey(result.keyPem, { passphrase: 'pass phrase' }).equals(result.privateKey));
  });

  it('refuses to overwrite an existing key and leaves it intact', async () => {
    const first = await generateKeyAndCsr({ type: 'transport', subject: { commonName: 'twice' }, keyAlgorithm: 'p256', outDir: dir });
    await assert.rejects(
      generateKeyAndCsr({ type: 'transport', subject: { commonName: 'twice' }, keyAlgorithm: 'p256', outDir: dir }),
      (error) => {
        assert.ok(error instanceof FileExistsError);
        assert.equal(
          error.message,
          `${first.keyPath} already exists; it was left untouched. Choose another name or folder, or move the existing file away first.`,
        );
        return true;
      },
    );
    assert.equal(fs.readFileSync(first.keyPath, 'utf8'), first.keyPem);
    assert.equal(fs.readFileSync(first.csrPath, 'utf8'), first.csrPem);
  });

  it('checks both files before writing: an existing CSR means no new key either', async () => {
    const csrPath = path.join(dir, 'half-rtstransport.csr');
    fs.writeFileSync(csrPath, 'an older request');
    await assert.rejects(
      generateKeyAndCsr({ type: 'transport', subject: { commonName: 'half' }, keyAlgorithm: 'p256', outDir: dir }),
      FileExistsError,
    );
    assert.equal(fs.existsSync(path.join(dir, 'half-rtstransport.key')), false);
    assert.equal(fs.readFileSync(csrPath, 'utf8'), 'an older request');
  });

  it('validates the subject before generating anything', async () => {
    await assert.rejects(
      generateKeyAndCsr({ type: 'transport', subject: { commonName: 'bad', country: 'United Kingdom' }, outDir: path.join(dir, 'never') }),
      (error) => {
        assert.ok(error instanceof PkiError && error.code === 'invalid-subject');
        return true;
      },
    );
    assert.equal(fs.existsSync(path.join(dir, 'never')), false);
  });
});
