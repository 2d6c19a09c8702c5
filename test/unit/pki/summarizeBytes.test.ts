import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  buildCsr,
  createPkcs12,
  generateKeyPairFor,
  inspectBytes,
  PkiError,
  summarizeBytes,
  type CertificateSummary,
  type InspectResult,
  type SummaryResult,
} from '../../../src/core/pki';
import { issueDated, wholeSecondNow, type DatedCertificate } from '../../support/datedCertificates';
import { createTestCa, generateTestKey, type TestCa } from '../../support/testPki';

const now = wholeSecondNow();
const SUMMARY_FIELDS: (keyof CertificateSummary)[] = [
  'subject',
  'subjectFields',
  'issuer',
  'serialNumber',
  'notBefore',
  'notAfter',
  'daysRemaining',
  'status',
  'sha256Fingerprint',
  'x5tS256',
  'publicKey',
  'isCa',
  'keyMatches',
];

/** The full inspection cut down to what a summary holds, so the two can be compared field by field. */
function project(result: InspectResult | SummaryResult): unknown {
  if (result.kind === 'csr') return result;
  return {
    kind: result.kind,
    privateKey: result.privateKey,
    // Only the leaf's key is described: it is the one a KID names.
    certificates: result.certificates.map((info, index) =>
      Object.fromEntries(
        SUMMARY_FIELDS.filter((field) => info[field] !== undefined && (field !== 'publicKey' || index === 0)).map((field) => [
          field,
          info[field],
        ]),
      ),
    ),
  };
}

async function outcome(work: () => Promise<InspectResult | SummaryResult>): Promise<unknown> {
  try {
    return project(await work());
  } catch (error) {
    assert.ok(error instanceof PkiError, String(error));
    return `${error.code}: ${error.message}`;
  }
}

describe('certificate summary (the Thredd view reads certificates natively)', () => {
  let ca: TestCa;
  let plain: DatedCertificate;
  let awkward: DatedCertificate;
  let rsa: DatedCertificate;
  before(async () => {
    ca = await createTestCa({ keyType: 'p256' });
    plain = await issueDated(ca, { subject: { country: 'GB', organization: 'Acme Cards', commonName: 'acme' }, now, daysToExpiry: 59 });
    // RFC 4514 specials, a backslash, non-ASCII text and leading/trailing spaces, which Node prints escaped.
    awkward = await issueDated(ca, {
      subject: { organization: ' Acme, Cards+Co "Ltd" ', organizationalUnit: '#Zahlungsverkehr é ü \\ <x>;', commonName: 'カード' },
      now,
      daysToExpiry: -3,
    });
    rsa = await issueDated(ca, {
      subject: { commonName: 'rsa' },
      now,
      daysToExpiry: 400,
      keyPair: await generateTestKey('rsa2048'),
    });
  });

  it('gives the same facts as the full inspection for PEM, DER, chains and a key to match', async () => {
    const other = await generateKeyPairFor('p256');
    const inputs: { label: string; data: Buffer; privateKey?: DatedCertificate['privateKey'] }[] = [
      { label: 'PEM', data: Buffer.from(plain.certPem) },
      { label: 'escaped names, expired', data: Buffer.from(awkward.certPem) },
      { label: 'RSA', data: Buffer.from(rsa.certPem) },
      { label: 'DER', data: plain.der },
      { label: 'chain with its CA', data: Buffer.from(plain.certPem + ca.certPem) },
      { label: 'matching key', data: Buffer.from(rsa.certPem), privateKey: rsa.privateKey },
      { label: 'other key', data: Buffer.from(plain.certPem), privateKey: other.privateKey },
    ];
    for (const { label, data, privateKey } of inputs) {
      const options = { name: 'input.pem', now, warningDays: 60, privateKey, describeKey: true };
      assert.deepEqual(await outcome(() => summarizeBytes(data, options)), await outcome(() => inspectBytes(data, options)), label);
    }
  });

  it('reads the awkward subject back unescaped', async () => {
    const result = await summarizeBytes(Buffer.from(awkward.certPem), { now });
    assert.ok(result.kind === 'certificates');
    assert.deepEqual(result.certificates[0].subjectFields, {
      O: ' Acme, Cards+Co "Ltd" ',
      OU: '#Zahlungsverkehr é ü \\ <x>;',
      CN: 'カード',
    });
    assert.equal(result.certificates[0].status, 'expired');
    assert.ok(!('subjectAltNames' in result.certificates[0]), 'read natively, without the ASN.1 parse that decodes extensions');
    assert.equal(result.certificates[0].publicKey, undefined, 'the key is described only when asked');
  });

  it('reads certificates alone (PEM or DER) without the ASN.1 library: the Thredd view reads hundreds', async (t) => {
    const parse = t.mock.method(AsnConvert, 'parse');
    await summarizeBytes(Buffer.from(plain.certPem + ca.certPem), { now, describeKey: true });
    await summarizeBytes(plain.der, { now, privateKey: plain.privateKey });
    assert.equal(parse.mock.callCount(), 0);
    await inspectBytes(plain.der, { now });
    assert.ok(parse.mock.callCount() > 0, 'the spy sees the full inspection parse');
  });

  it('describes in full, exactly as inspectBytes, what is not certificates alone in PEM or DER', async () => {
    const inputs: { label: string; data: Buffer }[] = [
      { label: 'certificate and key in one file', data: Buffer.from(plain.certPem + plain.keyPem) },
      { label: 'another PEM block beside it', data: Buffer.from(`${plain.certPem}-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n`) },
      { label: 'base64 without its armour', data: Buffer.from(plain.der.toString('base64')) },
    ];
    for (const { label, data } of inputs) {
      const summary = await summarizeBytes(data, { now });
      assert.ok(summary.kind === 'certificates' && 'subjectAltNames' in summary.certificates[0], label);
      assert.deepEqual(summary, await inspectBytes(data, { now }), label);
    }
  });

  it('leaves PKCS#12, a key in the same file, CSRs and broken files to the full inspection, with its results and messages', async () => {
    const pfx = createPkcs12({ certificate: plain.der, privateKey: plain.privateKey, passphrase: 'right', chain: [ca.der] });
    const csr = buildCsr({ commonName: 'csr' }, (await generateKeyPairFor('p256')).privateKey);
    const inputs: { label: string; data: Buffer; passphrase?: string }[] = [
      { label: 'PKCS#12', data: pfx, passphrase: 'right' },
      { label: 'PKCS#12 without its passphrase', data: pfx },
      { label: 'certificate and key in one file', data: Buffer.from(plain.certPem + plain.keyPem) },
      { label: 'key alone', data: Buffer.from(plain.keyPem) },
      { label: 'CSR', data: Buffer.from(csr.pem) },
      { label: 'truncated', data: Buffer.from(plain.certPem.slice(0, 200)) },
      { label: 'damaged certificate', data: Buffer.from(plain.certPem.replace(/\n[A-Za-z0-9+/]{64}\n/, '\nAAAA\n')) },
      { label: 'empty', data: Buffer.alloc(0) },
      { label: 'garbage', data: Buffer.from('not a certificate at all') },
    ];
    for (const { label, data, passphrase } of inputs) {
      const options = { name: 'input.pem', now, passphrase };
      assert.deepEqual(await outcome(() => summarizeBytes(data, options)), await outcome(() => inspectBytes(data, options)), label);
    }
  });
});
