import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCsr, describeCertificate, jwkThumbprint } from '../../../src/core/pki';
import { loadOrCreateCa, type SandboxCa } from '../../../src/sandbox/certificateAuthority';
import { issueFromCsr } from '../../../src/sandbox/csrIssuance';
import { SandboxError } from '../../../src/sandbox/sandboxErrors';
import { ensureStateDir, statePaths } from '../../../src/sandbox/stateFiles';

const DAY = 86_400_000;
let dir: string;
let ca: SandboxCa;
const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
const csrPem = buildCsr({ country: 'GB', organization: 'Acme', commonName: 'acme-app' }, key).pem;

describe('the sandbox CA issuing certificates for CSRs', () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-ca-'));
    await ensureStateDir(dir);
    ca = await loadOrCreateCa(statePaths(dir));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the Root and Issuing CA once, keys 0600, and reuses them', async () => {
    assert.match(ca.root.x509.subject, /CN=Sandbox Root CA/);
    assert.ok(ca.issuing.x509.verify(ca.root.x509.publicKey));
    assert.equal(fs.statSync(statePaths(dir).rootKey).mode & 0o777, 0o600);
    const again = await loadOrCreateCa(statePaths(dir));
    assert.equal(again.created, false);
    assert.equal(again.rootPem, ca.rootPem);
    assert.equal(again.chainPem, ca.chainPem);
  });

  it("issues a Transport certificate for 350 days with the CSR's subject and clientAuth", async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const issued = await issueFromCsr(ca, { csrPem, type: 'transport', now });
    const info = await describeCertificate(issued.der, { now });
    assert.equal(info.subject, 'CN=acme-app, O=Acme, C=GB');
    assert.match(info.issuer, /CN=Sandbox Issuing CA/);
    assert.deepEqual(info.extendedKeyUsage, ['clientAuth']);
    assert.equal(info.notAfter, new Date(now.getTime() + 350 * DAY).toISOString());
    assert.equal(issued.kid, undefined);
    assert.equal(issued.keyType, 'EC P-256');
  });

  it('gives a Signing certificate the RFC 7638 thumbprint of its key as KID', async () => {
    const issued = await issueFromCsr(ca, { csrPem, type: 'signing' });
    assert.equal(issued.kid, await jwkThumbprint(createPublicKey(key)));
  });

  it('issues already expired and nearly expired certificates when asked', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const expired = await issueFromCsr(ca, { csrPem, type: 'transport', days: -1, now });
    assert.equal(expired.notAfter, '2026-02-28T12:00:00.000Z');
    assert.equal(
      expired.notBefore,
      new Date(Date.parse(expired.notAfter) - 350 * DAY).toISOString(),
      'it lived a full life before expiring',
    );
    const nearly = await issueFromCsr(ca, { csrPem, type: 'transport', days: 1, now });
    assert.equal(nearly.notAfter, '2026-03-02T12:00:00.000Z');
  });

  it('refuses what is not a good CSR, saying what to upload instead', async () => {
    const refuse = (pem: string, message: RegExp) =>
      assert.rejects(
        issueFromCsr(ca, { csrPem: pem, type: 'signing', source: 'upload.csr' }),
        (error: unknown) => error instanceof SandboxError && message.test(`${error.message} ${error.fix}`),
      );
    await refuse(
      key.export({ type: 'pkcs8', format: 'pem' }) as string,
      /^upload\.csr holds a private key, not a CSR\. Never upload a private key/,
    );
    await refuse(ca.root.pem, /upload\.csr is a certificate, not a CSR/);
    await refuse('hello', /^upload\.csr is not a readable PEM CSR/);
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    await refuse(buildCsr({ commonName: 'weak' }, weak).pem, /is for RSA 1024 key, which Thredd does not accept\. Use an RSA 2048 key/);
    const der = Buffer.from(csrPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.indexOf('acme-app') + 2] = 'n'.charCodeAt(0); // CN=acne-app: the signature no longer covers it
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    await refuse(
      tampered,
      /^upload\.csr is not signed by its own key \(the signature does not verify\): it was changed after it was made\./,
    );
    await assert.rejects(issueFromCsr(ca, { csrPem, type: 'encryption' }), /Unknown certificate type "encryption"/);
  });
});
