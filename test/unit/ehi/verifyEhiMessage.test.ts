import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { capturedBodyCandidates, describeEhiVerification, signEhiBody, verifyEhiMessage } from '../../../src/core/ehi';
import { HttpClient } from '../../../src/core/http/httpClient';

describe('verifying an EHI message against a JWKS file', () => {
  const sent = '{"MTID":"0100","TXn_ID":42}';
  let dir: string;
  let jwks: string;
  let signature: string;
  // A JWKS file is read from disk: the client is never asked to send anything.
  const http = new HttpClient();
  before(() => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-ehi-verify-'));
    jwks = path.join(dir, 'jwks.json');
    const jwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: 'kid-1', use: 'sig', alg: 'RS256' };
    fs.writeFileSync(jwks, JSON.stringify({ keys: [jwk] }));
    signature = signEhiBody(Buffer.from(sent), privateKey, 'kid-1');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the exact body as it verified, with the JWKS it used', async () => {
    const result = await verifyEhiMessage({ bodies: [{ bytes: Buffer.from(sent) }], signature, jwks, http });
    assert.ok(result.ok);
    assert.equal(result.kid, 'kid-1');
    assert.equal(result.jwks, jwks);
    assert.doesNotMatch(result.message, /\(body /);
    assert.deepEqual(Object.keys(result).slice(-2), ['message', 'jwks'], 'the JSON keeps its key order');
  });

  it('tries each candidate and says which one verified: an editor added the final line break', async () => {
    const result = await verifyEhiMessage({ bodies: capturedBodyCandidates(`${sent}\n`), signature, jwks, http });
    assert.ok(result.ok);
    assert.match(result.message, / \(body without the final line break\)$/);
    assert.match(describeEhiVerification(result), /^Verified with key "kid-1".* \(body without the final line break\)\n/);
  });

  it('reports the first candidate when none verifies, without a note', async () => {
    const result = await verifyEhiMessage({ bodies: capturedBodyCandidates(`${sent.replace('42', '43')}\n`), signature, jwks, http });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'signature-mismatch');
    assert.doesNotMatch(result.message, /\(body /);
  });
});
