import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPkcs12, generateKeyAndCsr, type KeyAlgorithm } from '../../../src/core/pki';
import { createTestCa } from '../../support/testPki';
import { openssl, opensslCertFacts } from './opensslSupport';

const SUBJECT = { country: 'GB', organization: 'Acme Ltd', organizationalUnit: 'Card Services', commonName: 'acme-app' };

describe('our keys, CSRs and PKCS#12 files in OpenSSL', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-ours-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('makes CSRs that openssl req verifies, with the subject types and key size of the portal command', async () => {
    openssl(dir, [
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-out',
      'ref.csr',
      '-keyout',
      'ref.key',
      '-subj',
      '/C=GB/O=Acme Ltd/OU=Card Services/CN=acme-app',
      '-sha256',
    ]);
    const subjectOf = (file: string) => openssl(dir, ['req', '-in', file, '-noout', '-subject', '-nameopt', 'multiline,show_type']).stdout;
    const expectedSubject = subjectOf('ref.csr');
    assert.match(expectedSubject, /countryName\s+= PRINTABLESTRING:GB/);

    const cases: [KeyAlgorithm, RegExp][] = [
      ['rsa2048', /Public-Key: \(2048 bit\)/],
      ['rsa3072', /Public-Key: \(3072 bit\)/],
      ['rsa4096', /Public-Key: \(4096 bit\)/],
      ['p256', /NIST CURVE: P-256/],
    ];
    await Promise.all(
      cases.map(async ([keyAlgorithm, keyLine]) => {
        const made = await generateKeyAndCsr({ type: 'transport', subject: SUBJECT, keyAlgorithm, outDir: path.join(dir, keyAlgorithm) });
        const verified = openssl(dir, ['req', '-in', made.csrPath, '-verify', '-noout']);
        assert.match(verified.stdout + verified.stderr, /verify OK/, keyAlgorithm);
        assert.equal(subjectOf(made.csrPath), expectedSubject, `${keyAlgorithm}: same DN order and string types as openssl`);
        const text = openssl(dir, ['req', '-in', made.csrPath, '-noout', '-text']).stdout;
        assert.match(text, keyLine);
        assert.match(text, /Signature Algorithm: (sha256WithRSAEncryption|ecdsa-with-SHA256)/);
        assert.match(text, /Version: 1 \(0x0\)/);
        // The key loads, is PKCS#8 like -nodes writes, and belongs to the CSR.
        const pkey = openssl(dir, ['pkey', '-in', made.keyPath, '-pubout']).stdout;
        assert.equal(pkey, openssl(dir, ['req', '-in', made.csrPath, '-noout', '-pubkey']).stdout);
      }),
    );
  });

  it('writes encrypted keys that openssl opens with the passphrase only', async () => {
    const made = await generateKeyAndCsr({
      type: 'signing',
      subject: SUBJECT,
      keyAlgorithm: 'rsa2048',
      outDir: dir,
      passphrase: 'correct horse',
    });
    const env = { KEY_PASS: 'correct horse', BAD_PASS: 'wrong' };
    assert.equal(openssl(dir, ['pkey', '-in', made.keyPath, '-passin', 'env:KEY_PASS', '-noout'], { env }).status, 0);
    const wrong = openssl(dir, ['pkey', '-in', made.keyPath, '-passin', 'env:BAD_PASS', '-noout'], { env, allowFailure: true });
    assert.notEqual(wrong.status, 0);
    const asn1 = openssl(dir, ['asn1parse', '-in', made.keyPath]).stdout;
    assert.match(asn1, /PBES2/);
    assert.match(asn1, /aes-256-cbc/);
  });

  for (const keyType of ['rsa2048', 'p256'] as const) {
    it(`writes ${keyType} PKCS#12 files openssl pkcs12 opens: AES-256 by default, 3DES with legacy (no -legacy flag needed)`, async () => {
      const ca = await createTestCa();
      const leaf = await ca.issue({ commonName: 'acme-app', usage: 'client', keyType });
      for (const legacy of [false, true]) {
        const file = path.join(dir, `${keyType}-${legacy}.pfx`);
        fs.writeFileSync(
          file,
          createPkcs12({ certificate: leaf.der, privateKey: leaf.privateKey, chain: [ca.der], passphrase: 'pfx-pass', legacy }),
        );
        const info = openssl(dir, ['pkcs12', '-info', '-in', file, '-passin', 'pass:pfx-pass', '-noout']).stderr;
        if (legacy) {
          assert.match(info, /MAC: sha1, Iteration 2048/);
          assert.match(info, /Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/);
        } else {
          assert.match(info, /MAC: sha256, Iteration 2048/);
          assert.match(info, /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/);
        }
        assert.equal(info.match(/Certificate bag/g)?.length, 2);
        // The certificate and key inside are the ones we put in.
        openssl(dir, ['pkcs12', '-in', file, '-passin', 'pass:pfx-pass', '-clcerts', '-nokeys', '-out', 'from-pfx.pem']);
        assert.equal(opensslCertFacts(dir, 'from-pfx.pem').sha256Fingerprint, new X509Certificate(leaf.der).fingerprint256);
        const key = openssl(dir, ['pkcs12', '-in', file, '-passin', 'pass:pfx-pass', '-nocerts', '-nodes']).stdout;
        fs.writeFileSync(path.join(dir, 'from-pfx.key'), key);
        assert.equal(
          openssl(dir, ['pkey', '-in', 'from-pfx.key', '-pubout']).stdout,
          openssl(dir, ['x509', '-in', 'from-pfx.pem', '-noout', '-pubkey']).stdout,
        );
        const wrong = openssl(dir, ['pkcs12', '-info', '-in', file, '-passin', 'pass:nope', '-noout'], { allowFailure: true });
        assert.match(wrong.stderr, /Mac verify error: invalid password\?/);
        const accented = path.join(dir, `${keyType}-${legacy}-accents.pfx`);
        fs.writeFileSync(accented, createPkcs12({ certificate: leaf.der, privateKey: leaf.privateKey, passphrase: 'pässwörd-€', legacy }));
        assert.match(
          openssl(dir, ['pkcs12', '-in', accented, '-passin', 'env:P12', '-nodes'], { env: { P12: 'pässwörd-€' } }).stdout,
          /BEGIN PRIVATE KEY/,
          'non-ASCII passphrase',
        );
      }
    });
  }
});
