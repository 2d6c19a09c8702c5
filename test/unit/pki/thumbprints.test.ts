import assert from 'node:assert/strict';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { hexFingerprint, jwkThumbprint, sha256Thumbprint } from '../../../src/core/pki';
import { createTestCa } from '../../support/testPki';

describe('thumbprints', () => {
  it('gives the RFC 7638 §3.1 example key its published JWK thumbprint', async () => {
    const key = createPublicKey({
      format: 'jwk',
      key: {
        kty: 'RSA',
        e: 'AQAB',
        n: [
          '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ',
          '_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOp',
          'bISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
        ].join(''),
      },
    });
    assert.equal(await jwkThumbprint(key), 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it("matches Node's own certificate fingerprints and encodes x5t#S256 as unpadded base64url", async () => {
    const ca = await createTestCa();
    const x509 = new X509Certificate(ca.der);
    assert.equal(hexFingerprint(ca.der, 'sha256'), x509.fingerprint256);
    assert.equal(hexFingerprint(ca.der, 'sha1'), x509.fingerprint);
    const x5t = sha256Thumbprint(ca.der);
    assert.match(x5t, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(x5t, 'base64url').toString('hex').toUpperCase(), x509.fingerprint256.replaceAll(':', ''));
  });
});
