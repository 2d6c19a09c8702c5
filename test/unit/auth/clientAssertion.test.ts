import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { createClientAssertion, parseSigningKey, SigningKeyError } from '../../../src/core/auth';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
const CLIENT_ID = 'https://rp.directory.sandbox.threddid.com/openid_relying_party/b9f04639-cdeb-425b-a310-450d3d293fd4';
const AUD = 'https://threddid.com/oauth2/token';

function pem(key: KeyObject, type: 'pkcs8' | 'pkcs1' | 'sec1', passphrase?: string): string {
  return key.export({ type, format: 'pem', ...(passphrase ? { cipher: 'aes-256-cbc', passphrase } : {}) }) as string;
}

function signingKeyError(run: () => unknown): SigningKeyError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof SigningKeyError, String(error));
    return error;
  }
  return assert.fail('expected a SigningKeyError');
}

describe('client assertion (private_key_jwt)', () => {
  it('signs iss = sub = the whole client ID, aud, a fresh jti, iat and exp = iat + 300 s, with kid and RS256', async () => {
    const now = Date.UTC(2026, 0, 2, 3, 4, 5);
    const first = await createClientAssertion({ clientId: CLIENT_ID, audience: AUD, key: rsa, kid: 'pFwh', now: () => now });
    const second = await createClientAssertion({ clientId: CLIENT_ID, audience: AUD, key: rsa, kid: 'pFwh', now: () => now });
    const { payload, protectedHeader } = await jwtVerify(first.jwt, createPublicKey(rsa), { currentDate: new Date(now) });
    assert.deepEqual(protectedHeader, { alg: 'RS256', kid: 'pFwh' });
    assert.equal(payload.iss, CLIENT_ID);
    assert.equal(payload.sub, CLIENT_ID);
    assert.equal(payload.aud, AUD);
    assert.equal(payload.iat, now / 1000);
    assert.equal(payload.exp, now / 1000 + 300);
    assert.match(String(payload.jti), /^[0-9a-f-]{36}$/);
    assert.notEqual(first.jti, second.jti, 'every assertion has its own jti');
  });

  it('honours a custom lifetime and PS256, and picks ES256 for a P-256 key', async () => {
    const ps = await createClientAssertion({ clientId: 'c', audience: AUD, key: rsa, alg: 'PS256', ttlSeconds: 60 });
    assert.equal(decodeProtectedHeader(ps.jwt).alg, 'PS256');
    assert.equal(ps.exp - ps.iat, 60);
    await jwtVerify(ps.jwt, createPublicKey(rsa));
    const es = await createClientAssertion({ clientId: 'c', audience: AUD, key: ec });
    assert.deepEqual(decodeProtectedHeader(es.jwt), { alg: 'ES256' }, 'no kid header when none is configured');
    await jwtVerify(es.jwt, createPublicKey(ec));
  });

  it('refuses an algorithm the key cannot sign with, saying what to change', async () => {
    await assert.rejects(
      createClientAssertion({ clientId: 'c', audience: AUD, key: ec, alg: 'RS256', keySource: 'signing.key' }),
      (error: Error) => {
        assert.ok(error instanceof SigningKeyError);
        assert.equal(error.message, 'RS256 needs an RSA key, but signing.key is an EC prime256v1 key.');
        assert.equal(error.fix, 'Set "alg": "ES256" for this key.');
        return true;
      },
    );
    await assert.rejects(
      createClientAssertion({ clientId: 'c', audience: AUD, key: rsa, alg: 'ES256', keySource: 'rsa.key' }),
      /ES256 needs an EC P-256 key, but rsa\.key is an RSA 2048-bit key/,
    );
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    await assert.rejects(createClientAssertion({ clientId: 'c', audience: AUD, key: p384, alg: 'ES256' }), /ES256 needs an EC P-256 key/);
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    await assert.rejects(
      createClientAssertion({ clientId: 'c', audience: AUD, key: small }),
      /RSA 1024-bit key; RS256 needs 2048 bits or more/,
    );
    await assert.rejects(createClientAssertion({ clientId: 'c', audience: '', key: rsa }), /audience is empty/);
  });

  it('reads PKCS#8, PKCS#1, SEC1 and passphrase-protected PEM keys, and names a missing or wrong passphrase', () => {
    assert.equal(parseSigningKey(pem(rsa, 'pkcs8'), 'k').asymmetricKeyType, 'rsa');
    assert.match(pem(rsa, 'pkcs1'), /BEGIN RSA PRIVATE KEY/);
    assert.equal(parseSigningKey(pem(rsa, 'pkcs1'), 'k').asymmetricKeyType, 'rsa');
    assert.match(pem(ec, 'sec1'), /BEGIN EC PRIVATE KEY/);
    assert.equal(parseSigningKey(pem(ec, 'sec1'), 'k').asymmetricKeyType, 'ec');
    const encrypted = pem(rsa, 'pkcs8', 'correct horse');
    assert.match(encrypted, /BEGIN ENCRYPTED PRIVATE KEY/);
    assert.equal(parseSigningKey(encrypted, 'k', 'correct horse').type, 'private');
    assert.match(
      signingKeyError(() => parseSigningKey(encrypted, 'enc.key')).message,
      /^enc\.key is encrypted and no passphrase was given\.$/,
    );
    assert.equal(signingKeyError(() => parseSigningKey(encrypted, 'enc.key', 'wrong')).message, 'The passphrase for enc.key is wrong.');
    const notAKey = signingKeyError(() => parseSigningKey('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', 'cert.pem'));
    assert.match(notAKey.message, /^cert\.pem is not a PEM private key/);
    assert.match(notAKey.fix, /not the certificate or CSR/);
  });
});
