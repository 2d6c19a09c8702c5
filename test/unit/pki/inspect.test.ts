import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { before, describe, it } from 'node:test';
import {
  buildCsr,
  inspectBytes,
  inspectFile,
  PkiError,
  readCertificates,
  type CertificateInfo,
  type InspectResult,
} from '../../../src/core/pki';
import { createTestCa, type TestCa, type TestCert } from '../../support/testPki';

const DAY = 24 * 60 * 60 * 1000;

function certificatesOf(result: InspectResult): CertificateInfo[] {
  assert.equal(result.kind, 'certificates');
  return result.certificates;
}

async function rejection(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    assert.ok(error instanceof PkiError, String(error));
    return `${error.code}: ${error.message}`;
  }
  return 'no error';
}

describe('certificate inspection', () => {
  let root: TestCa;
  let intermediate: TestCa;
  let leaf: TestCert;
  before(async () => {
    root = await createTestCa({ commonName: 'Test Root CA' });
    intermediate = await createTestCa({ commonName: 'Test Issuing CA', parent: root });
    leaf = await intermediate.issue({ commonName: 'acme-app', usage: 'client', daysValid: 350, keyType: 'rsa2048' });
  });

  it('describes a certificate: names, serial, usages, dates, fingerprints, x5t#S256 and key', async () => {
    const [info] = certificatesOf(await inspectBytes(Buffer.from(leaf.certPem)));
    const x509 = new X509Certificate(leaf.der);
    assert.equal(info.subject, 'CN=acme-app, O=Thredd Tools Test');
    assert.deepEqual(info.subjectFields, { O: 'Thredd Tools Test', CN: 'acme-app' });
    assert.equal(info.issuer, 'CN=Test Issuing CA, O=Thredd Tools Test');
    assert.equal(info.serialNumber, x509.serialNumber.toUpperCase());
    assert.deepEqual(info.keyUsage.sort(), ['digitalSignature', 'keyEncipherment']);
    assert.deepEqual(info.extendedKeyUsage, ['clientAuth']);
    assert.deepEqual(info.subjectAltNames, []);
    assert.equal(info.notAfter, new Date(x509.validTo).toISOString());
    assert.equal(info.daysRemaining, 349, 'whole days left, rounded down');
    assert.equal(info.status, 'valid');
    assert.equal(info.sha256Fingerprint, x509.fingerprint256);
    assert.equal(info.sha1Fingerprint, x509.fingerprint);
    assert.equal(info.x5tS256, leaf.x5tS256);
    assert.equal(info.publicKey.type, 'RSA');
    assert.equal(info.publicKey.bits, 2048);
    assert.match(info.publicKey.jwkThumbprint, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(info.isCa, false);
    assert.equal(info.selfSigned, false);
    assert.equal(info.keyMatches, undefined, 'no key given');
    assert.equal(info.chainVerified, undefined, 'nothing to verify against');
  });

  it('reports valid, expiring (configurable), expired and not-yet-valid', async () => {
    const statusAt = async (offsetDays: number, warningDays?: number) =>
      certificatesOf(await inspectBytes(leaf.der, { now: new Date(Date.now() + offsetDays * DAY), warningDays }))[0].status;
    assert.equal(await statusAt(0), 'valid');
    assert.equal(await statusAt(300), 'expiring', 'within 60 days of the end');
    assert.equal(await statusAt(300, 30), 'valid', 'a shorter warning window');
    assert.equal(await statusAt(351), 'expired');
    assert.equal(await statusAt(-2), 'not-yet-valid');
    const expired = await root.issue({ commonName: 'old', usage: 'client', daysValid: -3 });
    const [info] = certificatesOf(await inspectBytes(Buffer.from(expired.certPem)));
    assert.equal(info.status, 'expired');
    assert.equal(info.daysRemaining, -3);
  });

  it('accepts DER and bare base64 as well as PEM', async () => {
    assert.equal(certificatesOf(await inspectBytes(leaf.der))[0].x5tS256, leaf.x5tS256);
    assert.equal(certificatesOf(await inspectBytes(Buffer.from(leaf.der.toString('base64'))))[0].x5tS256, leaf.x5tS256);
  });

  it('says whether a private key belongs to the certificate', async () => {
    const other = await root.issue({ commonName: 'other', usage: 'client' });
    assert.equal(certificatesOf(await inspectBytes(leaf.der, { privateKey: leaf.privateKey }))[0].keyMatches, true);
    assert.equal(certificatesOf(await inspectBytes(leaf.der, { privateKey: other.privateKey }))[0].keyMatches, false);
    const combined = certificatesOf(await inspectBytes(Buffer.from(leaf.certPem + leaf.keyPem)));
    assert.equal(combined[0].keyMatches, true, 'a key in the same PEM file is used');
  });

  it('verifies a chain up to its root, and to a CA file, naming the link that fails', async () => {
    const chainPem = leaf.certPem + intermediate.certPem + root.certPem;
    assert.deepEqual(
      certificatesOf(await inspectBytes(Buffer.from(chainPem))).map((info) => info.chainVerified),
      [true, true, true],
    );
    const withCa = certificatesOf(
      await inspectBytes(Buffer.from(leaf.certPem + intermediate.certPem), { caCertificates: [root.der], caName: 'root.pem' }),
    );
    assert.deepEqual(
      withCa.map((info) => info.chainVerified),
      [true, true],
    );

    const otherRoot = await createTestCa({ commonName: 'Other Root' });
    const wrongCa = certificatesOf(
      await inspectBytes(Buffer.from(leaf.certPem + intermediate.certPem), { caCertificates: [otherRoot.der], caName: 'other.pem' }),
    );
    assert.deepEqual(
      wrongCa.map((info) => info.chainVerified),
      [false, false],
    );
    assert.equal(
      wrongCa[1].chainProblem,
      'no certificate in other.pem issued certificate 2 (CN=Test Issuing CA, O=Thredd Tools Test), ' +
        'whose issuer is CN=Test Root CA, O=Thredd Tools Test.',
    );
    assert.equal(wrongCa[0].chainProblem, 'certificate 2 above it does not verify');

    const outOfOrder = certificatesOf(await inspectBytes(Buffer.from(leaf.certPem + root.certPem)));
    assert.deepEqual(
      outOfOrder.map((info) => info.chainVerified),
      [false, true],
    );
    assert.match(
      outOfOrder[0].chainProblem!,
      /^certificate 1 \(CN=acme-app, O=Thredd Tools Test\) was not issued by certificate 2 \(CN=Test Root CA, O=Thredd Tools Test\)/,
    );
  });

  it('describes a CSR and checks its signature and key', async () => {
    const csr = buildCsr({ country: 'GB', organization: 'Acme', commonName: 'acme-app' }, leaf.privateKey);
    const result = await inspectBytes(Buffer.from(csr.pem), { privateKey: leaf.privateKey });
    assert.equal(result.kind, 'csr');
    assert.equal(result.csr.subject, 'CN=acme-app, O=Acme, C=GB');
    assert.equal(result.csr.signatureValid, true);
    assert.equal(result.csr.keyMatches, true);
    assert.equal(result.csr.publicKey.bits, 2048);
    const tampered = Buffer.from(csr.der);
    tampered[tampered.length - 5] ^= 0xff;
    const damaged = await inspectBytes(tampered);
    assert.equal(damaged.kind === 'csr' && damaged.csr.signatureValid, false);
  });

  it('says a file cannot be read, and why, instead of failing unexpectedly', async () => {
    const notAFolder = `${__filename}/cert.pem`;
    await assert.rejects(
      inspectFile(notAFolder),
      (error: unknown) => error instanceof PkiError && error.message.startsWith(`${notAFolder} cannot be read: ENOTDIR`),
    );
  });

  it('gives a specific message for each wrong input', async () => {
    const csr = buildCsr({ commonName: 'acme-app' }, leaf.privateKey);
    assert.equal(
      await rejection(() => readCertificates(Buffer.from(csr.pem), 'acme-rtstransport.csr')),
      'csr-not-certificate: acme-rtstransport.csr is a certificate signing request, not a certificate: ' +
        'upload it in Thredd Portal to get the certificate.',
    );
    assert.match(
      await rejection(inspectBytes(Buffer.from(leaf.keyPem), { name: 'acme.key' })),
      /^key-not-certificate: acme\.key is a private key, not a certificate/,
    );
    assert.match(
      await rejection(inspectBytes(Buffer.from(leaf.certPem.slice(0, 200)), { name: 'cut.pem' })),
      /^truncated-pem: cut\.pem: the PEM block "CERTIFICATE" has no "-----END CERTIFICATE-----" line: the file looks truncated/,
    );
    assert.match(
      await rejection(inspectBytes(Buffer.from(leaf.certPem.replace(/\n.{10}/, '\nAAAAAAAAAA')), { name: 'bad.pem' })),
      /^damaged-pem: bad\.pem: certificate 1 is damaged/,
    );
    assert.equal(
      await rejection(inspectBytes(Buffer.from([0x00, 0x01, 0x02, 0xff]), { name: 'junk.bin' })),
      'unrecognized: junk.bin is not a certificate, CSR, private key or PKCS#12 file (neither PEM nor DER could be read).',
    );
    assert.equal(await rejection(inspectBytes(Buffer.alloc(0), { name: 'empty.pem' })), 'unrecognized: empty.pem is empty.');
  });
});
