import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { createTestCa, type TestCa } from '../../support/testPki';

async function run(argv: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text), env, cwd });
  return { code, stdout, stderr };
}

describe('thredd csr / cert inspect / cert pfx', () => {
  let dir: string;
  let ca: TestCa;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-cli-pki-'));
    ca = await createTestCa({ commonName: 'Test Issuing CA' });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates a key and CSR, tells the next step, and refuses to run twice', async () => {
    const made = await run(
      ['csr', '--type', 'signing', '--cn', 'acme-app', '--o', 'Acme Ltd', '--c', 'GB', '--key', 'p256', '--out', 'certs'],
      dir,
    );
    assert.equal(made.code, 0, made.stderr);
    const keyPath = path.join(dir, 'certs', 'acme-app-rtssigning.key');
    assert.ok(made.stdout.startsWith(`Key: ${keyPath}  (EC P-256, unencrypted PKCS#8, readable only by you)\n`), made.stdout);
    assert.match(made.stdout, /CSR: .*acme-app-rtssigning\.csr {2}\(CN=acme-app, O=Acme Ltd, C=GB\)/);
    assert.match(
      made.stdout,
      /Thredd Portal open Applications → Certificates → New Certificate, choose Signing and upload acme-app-rtssigning\.csr/,
    );
    const again = await run(['csr', '--type', 'signing', '--cn', 'acme-app', '--out', 'certs'], dir);
    assert.deepEqual(again, {
      code: 1,
      stdout: '',
      stderr:
        `thredd: ${keyPath} already exists; it was left untouched. Choose another name or folder, or move ` +
        `the existing file away first.\n`,
    });
  });

  it('prints JSON and takes the key passphrase from an environment variable only', async () => {
    const made = await run(
      ['csr', '--type', 'transport', '--cn', 'locked', '--key', 'p256', '--passphrase-env', 'KEY_PASS', '--json'],
      dir,
      { KEY_PASS: 'hunter22' },
    );
    assert.equal(made.code, 0, made.stderr);
    const json = JSON.parse(made.stdout);
    assert.equal(json.keyPath, path.join(dir, 'locked-rtstransport.key'));
    assert.equal(json.keyEncrypted, true);
    assert.match(fs.readFileSync(json.keyPath, 'utf8'), /BEGIN ENCRYPTED PRIVATE KEY/);
    assert.match(json.csrPem, /^-----BEGIN CERTIFICATE REQUEST-----/);
    const unset = await run(['csr', '--type', 'transport', '--cn', 'x', '--passphrase-env', 'NOPE'], dir);
    assert.equal(unset.stderr, 'thredd: --passphrase-env names NOPE, but that environment variable is not set.\n');
  });

  it('explains bad arguments in one line', async () => {
    assert.match(
      (await run(['csr', '--cn', 'x'], dir)).stderr,
      /^thredd: --type must be one of: transport, signing, encryption\. Usage: thredd csr/,
    );
    assert.match((await run(['csr', '--type', 'transport'], dir)).stderr, /^thredd: --cn is required/);
    assert.match(
      (await run(['csr', '--type', 'transport', '--cn', 'x', '--key', 'rsa1024'], dir)).stderr,
      /^thredd: --key must be one of: rsa2048, rsa3072, rsa4096, p256/,
    );
    assert.equal(
      (await run(['csr', '--type', 'transport', '--cn', 'x', '--c', 'uk'], dir)).stderr,
      'thredd: Country (C) "uk" must be a two-letter ISO 3166 code in capitals, e.g. GB.\n',
    );
    assert.match(
      (await run(['cert', 'inspect', '--warning-days', 'soon', 'x.pem'], dir)).stderr,
      /^thredd: --warning-days must be a whole number of days, not "soon"\./,
    );
  });

  it('inspects a chain as a JSON array with the documented field names, and a single certificate as an object', async () => {
    const leaf = await ca.issue({ commonName: 'acme-app', usage: 'client', daysValid: 100 });
    fs.writeFileSync(path.join(dir, 'chain.pem'), leaf.certPem + ca.certPem);
    fs.writeFileSync(path.join(dir, 'leaf.pem'), leaf.certPem);
    fs.writeFileSync(path.join(dir, 'leaf.key'), leaf.keyPem);
    const chain = await run(['cert', 'inspect', 'chain.pem', '--key', 'leaf.key', '--json'], dir);
    assert.equal(chain.code, 0, chain.stderr);
    const array = JSON.parse(chain.stdout);
    assert.equal(array.length, 2);
    for (const field of [
      'subject',
      'issuer',
      'serialNumber',
      'notBefore',
      'notAfter',
      'daysRemaining',
      'status',
      'sha256Fingerprint',
      'x5tS256',
      'publicKey',
    ]) {
      assert.ok(field in array[0], `has ${field}`);
    }
    assert.deepEqual(
      [array[0].keyMatches, array[0].x5tS256, array[0].status, array[1].isCa, array[0].chainVerified],
      [true, leaf.x5tS256, 'valid', true, true],
    );
    const single = JSON.parse((await run(['cert', 'inspect', 'leaf.pem', '--json', '--warning-days', '120'], dir)).stdout);
    assert.equal(single.kind, 'certificate');
    assert.equal(single.status, 'expiring', '100 days left is within a 120-day window');
  });

  it('shows expiry first for humans and fails when the key does not match', async () => {
    const expired = await ca.issue({ commonName: 'old-app', usage: 'client', daysValid: -5 });
    const other = await ca.issue({ commonName: 'other', usage: 'client' });
    fs.writeFileSync(path.join(dir, 'old.pem'), expired.certPem);
    fs.writeFileSync(path.join(dir, 'other.key'), other.keyPem);
    const result = await run(['cert', 'inspect', 'old.pem', '--key', 'other.key'], dir);
    assert.equal(result.code, 1);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'old.pem: certificate');
    assert.match(lines[1], /^ {2}Status +EXPIRED 5 days ago \(.*\): it no longer works; request a new certificate$/);
    assert.match(result.stdout, /Key matches +NO: this private key does not belong to the certificate/);
  });

  it('bundles a .pfx with the passphrase from the environment, and reads it back', async () => {
    const leaf = await ca.issue({ commonName: 'acme-app', usage: 'client', keyType: 'rsa2048' });
    fs.writeFileSync(path.join(dir, 'p.pem'), leaf.certPem);
    fs.writeFileSync(path.join(dir, 'p.key'), leaf.keyPem);
    fs.writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
    const env = { PFX_PASS: 'pfx-secret' };
    const made = await run(
      ['cert', 'pfx', '--cert', 'p.pem', '--key', 'p.key', '--chain', 'ca.pem', '--out', 'p.pfx', '--passphrase-env', 'PFX_PASS'],
      dir,
      env,
    );
    assert.equal(made.code, 0, made.stderr);
    assert.equal(made.stdout, `Wrote ${path.join(dir, 'p.pfx')} (2 certificates + private key, AES-256-CBC + SHA-256 MAC).\n`);
    const inspected = JSON.parse((await run(['cert', 'inspect', 'p.pfx', '--passphrase-env', 'PFX_PASS', '--json'], dir, env)).stdout);
    assert.deepEqual([inspected[0].x5tS256, inspected[0].keyMatches], [leaf.x5tS256, true]);
    const wrong = await run(['cert', 'inspect', 'p.pfx', '--passphrase-env', 'PFX_PASS'], dir, { PFX_PASS: 'nope' });
    assert.deepEqual(wrong, { code: 1, stdout: '', stderr: 'thredd: wrong passphrase for p.pfx: check it and try again.\n' });
    const noPass = await run(['cert', 'pfx', '--cert', 'p.pem', '--key', 'p.key', '--out', 'q.pfx'], dir);
    assert.match(noPass.stderr, /^thredd: --passphrase-env VAR is required/);
  });

  it('says a CSR is not a certificate when one is given to cert pfx', async () => {
    await run(['csr', '--type', 'transport', '--cn', 'pending', '--key', 'p256'], dir);
    const result = await run(
      ['cert', 'pfx', '--cert', 'pending-rtstransport.csr', '--key', 'pending-rtstransport.key', '--out', 'x.pfx', '--passphrase-env', 'P'],
      dir,
      { P: 'p' },
    );
    assert.deepEqual(result, {
      code: 1,
      stdout: '',
      stderr:
        'thredd: pending-rtstransport.csr is a certificate signing request, not a certificate: upload it ' +
        'in Thredd Portal to get the certificate.\n',
    });
    assert.equal(fs.existsSync(path.join(dir, 'x.pfx')), false);
  });
});
