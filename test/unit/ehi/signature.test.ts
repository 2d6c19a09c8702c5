import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { JWK } from 'jose';
import { parseEhiSignatureHeader, signEhiBody, verifyEhiSignature, type EhiJwks } from '../../../src/core/ehi/signature';

const BODY = Buffer.from('{"MTID":"0100","Txn_Type":"A","TXn_ID":123456,"Bill_Amt":12.5}');

function rsaKey(bits: number): { privateKey: KeyObject; jwk: (kid: string) => JWK } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    privateKey,
    jwk: (kid) => ({ ...(createPublicKey(privateKey).export({ format: 'jwk' }) as JWK), kid, use: 'sig', alg: 'RS256' }),
  };
}

describe('EHI signature (X-Thredd-Signature)', () => {
  let key: ReturnType<typeof rsaKey>;
  let jwks: EhiJwks;
  before(() => {
    key = rsaKey(2048);
    jwks = { keys: [key.jwk('opaque-kid-1')] };
  });

  it('signs as "k=<kid>, s=<hex>" with a 256-byte SHA256withRSA signature over the exact body', () => {
    const header = signEhiBody(BODY, key.privateKey, 'opaque-kid-1');
    const match = /^k=opaque-kid-1, s=([0-9a-f]+)$/.exec(header);
    assert.ok(match, header);
    assert.equal(match[1].length, 512);
    assert.equal(match[1], sign('sha256', BODY, key.privateKey).toString('hex'));
  });

  it('verifies a good signature and says which key and encoding', () => {
    const result = verifyEhiSignature(BODY, signEhiBody(BODY, key.privateKey, 'opaque-kid-1'), jwks);
    assert.equal(result.ok, true);
    assert.ok(result.ok);
    assert.equal(result.kid, 'opaque-kid-1');
    assert.equal(result.encoding, 'hex');
    assert.equal(result.key.bits, 2048);
  });

  it('accepts s in base64 and base64url as well as hex', () => {
    const signature = sign('sha256', BODY, key.privateKey);
    for (const encoding of ['base64', 'base64url'] as const) {
      const result = verifyEhiSignature(BODY, `k=opaque-kid-1, s=${signature.toString(encoding)}`, jwks);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.encoding, encoding);
    }
  });

  it('reports a changed body as a signature mismatch, even one added space', () => {
    const header = signEhiBody(BODY, key.privateKey, 'opaque-kid-1');
    const result = verifyEhiSignature(Buffer.concat([BODY, Buffer.from(' ')]), header, jwks);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'signature-mismatch');
    assert.match(result.message, /body was changed/);
  });

  it('reports an unknown kid and lists the kids the JWKS has', () => {
    const result = verifyEhiSignature(BODY, signEhiBody(BODY, key.privateKey, 'rotated-away'), jwks);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'unknown-kid');
    assert.deepEqual(result.knownKids, ['opaque-kid-1']);
    assert.match(result.message, /No key "rotated-away".*"opaque-kid-1"/);
  });

  it('reports a signature of the wrong length for the key, like the 32-byte published example', () => {
    const example = '452ad9892d5687bd660eac27428a9301bc363f3db875f8307da25e9b0a231556';
    const result = verifyEhiSignature(BODY, `k=opaque-kid-1, s=${example}`, jwks);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'wrong-length');
    assert.match(result.message, /32 bytes as hex.*not 256 bytes long.*2048-bit key/);
  });

  it('picks the reading that fits a 4096-bit key', () => {
    const big = rsaKey(4096);
    const header = signEhiBody(BODY, big.privateKey, 'big');
    const result = verifyEhiSignature(BODY, header, { keys: [key.jwk('opaque-kid-1'), big.jwk('big')] });
    assert.ok(result.ok);
    assert.equal(result.key.bits, 4096);
  });

  it('refuses a key that is not an RSA signing key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecJwk = { ...(ec.publicKey.export({ format: 'jwk' }) as JWK), kid: 'ec' };
    const result = verifyEhiSignature(BODY, 'k=ec, s=abcd', { keys: [ecJwk] });
    assert.ok(!result.ok);
    assert.equal(result.reason, 'unusable-key');
    assert.match(result.message, /kty "RSA"/);
  });

  describe('reading the header', () => {
    it('takes the published example split over lines, with the header name in front', () => {
      const example = '452ad9892d5687bd660eac27428a9301bc363f3db875f8307da25e9b0a231556';
      const good = parseEhiSignatureHeader(`X-Thredd-Signature:  \nk=I0SqfGljT-fn_oIeFAypGC66PduPP08XioSKM1ZNoEc,  \ns=${example}`);
      assert.ok(good.ok);
      assert.equal(good.value.kid, 'I0SqfGljT-fn_oIeFAypGC66PduPP08XioSKM1ZNoEc');
      assert.equal(good.value.encoding, 'hex');
      assert.equal(good.value.signature.length, 32);
      assert.deepEqual(
        good.value.candidates.map((candidate) => candidate.encoding),
        ['hex', 'base64'],
      );
    });

    it('accepts the parts in either order and ignores parameters it does not know', () => {
      const parsed = parseEhiSignatureHeader('s=AQID, v=2, k=abc');
      assert.ok(parsed.ok);
      assert.equal(parsed.value.kid, 'abc');
      assert.equal(parsed.value.encoding, 'base64');
      assert.deepEqual([...parsed.value.signature], [1, 2, 3]);
    });

    for (const [value, expected] of [
      ['', /"k=<kid>" is missing/],
      ['k=abc', /"s=<signature>" is missing/],
      ['s=abcd', /"k=<kid>" is missing/],
      ['k=abc, s=', /"s=<signature>" is missing or empty/],
      ['k=a, k=b, s=abcd', /"k=" appears twice/],
      ['k=abc; s=abcd', /key id "abc; s=abcd" contains ";" or white space/],
      ['abc', /not a name=value part/],
      ['k=abc, s=not*base64!', /neither hex nor base64 nor base64url/],
    ] as const) {
      it(`says precisely why "${value}" is malformed`, () => {
        const parsed = parseEhiSignatureHeader(value);
        assert.ok(!parsed.ok);
        assert.equal(parsed.reason, 'malformed-header');
        assert.match(parsed.message, expected);
        const verified = verifyEhiSignature(BODY, value, jwks);
        assert.ok(!verified.ok);
        assert.equal(verified.reason, 'malformed-header');
      });
    }
  });
});
