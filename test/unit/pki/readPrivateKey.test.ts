import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { PkiError, readPrivateKey } from '../../../src/core/pki';
import { createTestCa } from '../../support/testPki';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

function sameKey(actual: KeyObject, expected: KeyObject) {
  assert.ok(actual.equals(expected), 'the same key comes back');
}

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof PkiError, String(error));
    return `${error.code}: ${error.message}`;
  }
  return 'no error';
}

describe('reading private keys', () => {
  it('reads PKCS#8, PKCS#1 and SEC1, as PEM and as DER', () => {
    sameKey(readPrivateKey(rsa.export({ type: 'pkcs8', format: 'pem' })), rsa);
    sameKey(readPrivateKey(rsa.export({ type: 'pkcs1', format: 'pem' })), rsa);
    sameKey(readPrivateKey(rsa.export({ type: 'pkcs1', format: 'der' })), rsa);
    sameKey(readPrivateKey(ec.export({ type: 'sec1', format: 'pem' })), ec);
    sameKey(readPrivateKey(ec.export({ type: 'sec1', format: 'der' })), ec);
    sameKey(readPrivateKey(ec.export({ type: 'pkcs8', format: 'der' })), ec);
  });

  it('decrypts encrypted PKCS#8 and legacy encrypted PKCS#1 with the passphrase', () => {
    const pkcs8 = rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' }) as string;
    assert.match(pkcs8, /BEGIN ENCRYPTED PRIVATE KEY/);
    sameKey(readPrivateKey(pkcs8, { passphrase: 'open sesame' }), rsa);
    const legacy = rsa.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'open sesame' }) as string;
    assert.match(legacy, /Proc-Type: 4,ENCRYPTED/);
    sameKey(readPrivateKey(legacy, { passphrase: 'open sesame' }), rsa);
    sameKey(readPrivateKey(ec.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'pw' }), { passphrase: 'pw' }), ec);
  });

  it('asks for a missing passphrase and names a wrong one', () => {
    const pkcs8 = rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right' });
    assert.equal(
      codeOf(() => readPrivateKey(pkcs8, { name: 'app.key' })),
      'passphrase-required: app.key is an encrypted private key: give its passphrase (in the CLI, name ' +
        'an environment variable with --passphrase-env).',
    );
    assert.equal(
      codeOf(() => readPrivateKey(pkcs8, { name: 'app.key', passphrase: 'wrong' })),
      'wrong-passphrase: wrong passphrase for app.key: the key could not be decrypted with it.',
    );
    const legacy = rsa.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'right' });
    assert.match(
      codeOf(() => readPrivateKey(legacy, { name: 'old.key' })),
      /^passphrase-required: old\.key/,
    );
    assert.match(
      codeOf(() => readPrivateKey(legacy, { name: 'old.key', passphrase: 'wrong' })),
      /^wrong-passphrase: wrong passphrase for old\.key/,
    );
    const der = ec.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'right' });
    assert.match(
      codeOf(() => readPrivateKey(der, { name: 'k.der' })),
      /^passphrase-required/,
    );
    assert.match(
      codeOf(() => readPrivateKey(der, { name: 'k.der', passphrase: 'nope' })),
      /^wrong-passphrase/,
    );
  });

  it('says when it was given a certificate, a truncated file or garbage instead of a key', async () => {
    const ca = await createTestCa();
    assert.equal(
      codeOf(() => readPrivateKey(ca.certPem, { name: 'app.pem' })),
      'certificate-not-key: app.pem is a certificate, not a private key: give the .key file generated with the CSR.',
    );
    assert.match(
      codeOf(() => readPrivateKey(ca.der, { name: 'app.der' })),
      /^certificate-not-key: app\.der is a certificate/,
    );
    const keyPem = rsa.export({ type: 'pkcs8', format: 'pem' }) as string;
    assert.match(
      codeOf(() => readPrivateKey(keyPem.slice(0, 300), { name: 'app.key' })),
      /^truncated-pem: app\.key: the PEM block "PRIVATE KEY" has no "-----END PRIVATE KEY-----" line/,
    );
    assert.match(
      codeOf(() => readPrivateKey(Buffer.from('not a key at all'), { name: 'x.key' })),
      /^unrecognized: x\.key is not a private key/,
    );
  });
});
