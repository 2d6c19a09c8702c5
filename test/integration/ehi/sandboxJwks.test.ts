import assert from 'node:assert/strict';
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { signEhiBody, type ThreddJwk } from '../../../src/core/ehi';
import { bodyBytes, createHttpClient } from '../../../src/core/http';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { ehiClientCredentials, EHI_CA_NAMES, loadEhiSigning } from '../../../src/sandbox/ehi';
import { tempDir } from '../sandbox/sandboxFixture';

let dir: string;
let sandbox: RunningSandbox;
const http = createHttpClient();

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text), env: {}, cwd: dir });
  return { code, stdout, stderr };
}

async function getJson(url: string): Promise<{ status: number; headers: Record<string, unknown>; json: unknown; text: string }> {
  const response = await http.send({ method: 'GET', url, tls: { ca: sandbox.caCertPem } });
  const text = (await bodyBytes(response.body)).toString('utf8');
  return { status: response.status, headers: response.headers, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
}

describe("the sandbox's EHI keys and JWKS", () => {
  before(async () => {
    dir = tempDir('thredd-ehi-jwks-');
    sandbox = await startSandbox({ stateDir: path.join(dir, 'state'), ports: { tls: 0, mtls: 0 }, persistData: false });
  });
  after(async () => {
    await sandbox.stop();
    await http.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves the JWKS over HTTPS in Thredd's shape, with x5c and x5t#S256 of the signing certificate", async () => {
    const { status, json, headers } = await getJson(sandbox.ehi.jwks);
    assert.equal(status, 200);
    assert.match(String(headers['content-type']), /^application\/json/);
    const { keys } = json as { keys: ThreddJwk[] };
    assert.equal(keys.length, 1);
    const [key] = keys;
    assert.deepEqual(Object.keys(key).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use', 'x5c', 'x5dn', 'x5t#S256', 'x5u'].sort());
    assert.deepEqual([key.kty, key.use, key.alg, key.e], ['RSA', 'sig', 'RS256', 'AQAB']);
    const signingPem = fs.readFileSync(sandbox.ehi.files.signingCert, 'utf8');
    const signingCert = new X509Certificate(signingPem);
    assert.equal(key.x5c[0], Buffer.from(signingCert.raw).toString('base64'));
    assert.equal(key['x5t#S256'], createHash('sha256').update(signingCert.raw).digest('base64url'));
    assert.equal(key.x5dn, 'CN=Thredd Sandbox EHI Signing,OU=EHI,O=Thredd VS Code Sandbox,C=GB');
    assert.equal(key.kid, sandbox.ehi.kid);
    const signing = await loadEhiSigning(sandbox.stateDir);
    assert.equal(signing.kid, key.kid);
    assert.ok(
      createPublicKey({ key: { kty: key.kty, n: key.n, e: key.e }, format: 'jwk' }).equals(createPublicKey(signing.key)),
      'n and e are the signing key',
    );
    assert.ok(signingCert.publicKey.equals(createPublicKey(signing.key)), 'the certificate is for the signing key');
    assert.match(signingCert.issuer, /CN=Thredd Sandbox Issuing CA - G1/);
  });

  it('uses an opaque kid, not the RFC 7638 thumbprint of the key', async () => {
    const { jwkThumbprint } = await import('../../../src/core/x509/thumbprints');
    const signing = await loadEhiSigning(sandbox.stateDir);
    assert.notEqual(signing.kid, await jwkThumbprint(createPublicKey(signing.key)));
    assert.match(signing.kid, /^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the signing certificate at its x5u', async () => {
    const { json } = await getJson(sandbox.ehi.jwks);
    const [key] = (json as { keys: ThreddJwk[] }).keys;
    assert.ok(key.x5u.startsWith(sandbox.urls.tls + '/ehi/'), key.x5u);
    const pem = await getJson(key.x5u);
    assert.equal(pem.status, 200);
    assert.equal(pem.text, fs.readFileSync(sandbox.ehi.files.signingCert, 'utf8'));
  });

  it('keeps the signing key 0600 and never replaces it; a restart serves the same kid', async () => {
    const keyFile = sandbox.ehi.files.signingKey;
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    assert.equal(fs.statSync(sandbox.ehi.files.clientKey).mode & 0o777, 0o600);
    const before = fs.readFileSync(keyFile, 'utf8');
    const again = await startSandbox({ stateDir: sandbox.stateDir, ports: { tls: 0, mtls: 0 }, persistData: false });
    try {
      assert.equal(again.ehi.kid, sandbox.ehi.kid);
      assert.equal(fs.readFileSync(keyFile, 'utf8'), before);
    } finally {
      await again.stop();
    }
  });

  it('issues the EHI client certificate for clientAuth under the G1-named pair, and exports that chain', async () => {
    const credentials = await ehiClientCredentials(sandbox.stateDir);
    const [leafPem] = credentials.certPem.split(/(?<=-----END CERTIFICATE-----\n)/);
    const leaf = new X509Certificate(leafPem);
    assert.ok(leaf.publicKey.equals(createPublicKey(credentials.keyPem)));
    assert.match(leaf.issuer, new RegExp(`CN=${EHI_CA_NAMES.issuingName}`));
    assert.ok(leaf.keyUsage?.includes('1.3.6.1.5.5.7.3.2'), `clientAuth EKU in ${leaf.keyUsage}`);
    const chain = fs.readFileSync(credentials.files.trustChain, 'utf8');
    assert.equal(chain, credentials.trustChainPem);
    const [issuing, root] = chain.split(/(?<=-----END CERTIFICATE-----\n)/).map((pem) => new X509Certificate(pem));
    assert.match(issuing.subject, /CN=Thredd Sandbox Issuing CA - G1/);
    assert.match(root.subject, /CN=Thredd Sandbox Root CA - G1/);
    assert.match(root.subject, /O=Thredd VS Code Sandbox/);
    assert.ok(leaf.verify(issuing.publicKey) && issuing.verify(root.publicKey) && root.verify(root.publicKey));
  });

  describe('thredd ehi verify', () => {
    const body = Buffer.from('{"MTID":"0100","Txn_Type":"A","TXn_ID":987654321,"Bill_Amt":25.0,"Bill_Ccy":"826"}\n');
    let header: string;
    let jwksFile: string;
    before(async () => {
      fs.writeFileSync(path.join(dir, 'body.json'), body);
      fs.writeFileSync(path.join(dir, 'tampered.json'), body.toString().replace('25.0', '26.0'));
      fs.writeFileSync(path.join(dir, 'ca.pem'), sandbox.caCertPem);
      const signing = await loadEhiSigning(sandbox.stateDir);
      header = signEhiBody(body, signing.key, signing.kid);
      jwksFile = path.join(dir, 'thredd-jwks.json');
      fs.writeFileSync(jwksFile, (await getJson(sandbox.ehi.jwks)).text);
    });

    it("names the key that verified a message, from the sandbox's JWKS URL", async () => {
      const result = await run([
        'ehi',
        'verify',
        '--body',
        'body.json',
        '--signature',
        header,
        '--jwks',
        sandbox.ehi.jwks,
        '--ca',
        'ca.pem',
      ]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`^Verified: Verified with key "${sandbox.ehi.kid}" \\(RSA 2048, SHA256withRSA, s in hex\\)`));
      assert.match(result.stdout, /certificate CN=Thredd Sandbox EHI Signing/);
    });

    it('verifies against a Thredd-shaped JWKS file, and says so in --json', async () => {
      const result = await run(['ehi', 'verify', '--body', 'body.json', '--signature', header, '--jwks', 'thredd-jwks.json', '--json']);
      assert.equal(result.code, 0, result.stderr);
      const json = JSON.parse(result.stdout);
      assert.deepEqual([json.ok, json.kid, json.encoding, json.jwks], [true, sandbox.ehi.kid, 'hex', jwksFile]);
    });

    it('exits 1 and says the body changed for a tampered body', async () => {
      for (const jwks of [sandbox.ehi.jwks, 'thredd-jwks.json']) {
        const result = await run(['ehi', 'verify', '--body', 'tampered.json', '--signature', header, '--jwks', jwks, '--ca', 'ca.pem']);
        assert.equal(result.code, 1);
        assert.match(result.stdout, /^NOT verified \(signature-mismatch\): The signature does not match the body/);
      }
    });

    it('exits 1 and lists the known kids for an unknown kid', async () => {
      const unknown = header.replace(/^k=[^,]+/, 'k=retired-key');
      for (const jwks of [sandbox.ehi.jwks, 'thredd-jwks.json']) {
        const result = await run([
          'ehi',
          'verify',
          '--body',
          'body.json',
          '--signature',
          unknown,
          '--jwks',
          jwks,
          '--ca',
          'ca.pem',
          '--json',
        ]);
        assert.equal(result.code, 1);
        const json = JSON.parse(result.stdout);
        assert.deepEqual([json.ok, json.reason, json.knownKids], [false, 'unknown-kid', [sandbox.ehi.kid]]);
      }
    });

    it("refuses the sandbox's HTTPS JWKS without --ca, as TLS verification is never turned off", async () => {
      const result = await run(['ehi', 'verify', '--body', 'body.json', '--signature', header, '--jwks', sandbox.ehi.jwks]);
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /certificate/i);
    });

    it('names a JWKS file that is not a JWKS', async () => {
      fs.writeFileSync(path.join(dir, 'not-jwks.json'), '{"keys": 3}');
      const result = await run(['ehi', 'verify', '--body', 'body.json', '--signature', header, '--jwks', 'not-jwks.json']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /not-jwks\.json is JSON but not a JWKS: it has no "keys" array/);
    });
  });
});
