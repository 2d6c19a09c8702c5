// Test-only certificate authority: makes CA, server and client certificates at run time with the
// product's issueCertificate, so TLS/mTLS tests need no committed fixtures. Keys are native and
// P-256 by default (about 1 ms each); pass keyType 'rsa2048' where RSA matters (~50-100 ms).
import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { issueCertificate } from '../../src/core/pki/issueCertificate';
import { sha256Thumbprint } from '../../src/core/x509/thumbprints';

const generate = promisify(generateKeyPair);
const DAY = 24 * 60 * 60 * 1000;

export type TestKeyType = 'rsa2048' | 'p256';

export interface IssueTestCertOptions {
  commonName: string;
  usage: 'server' | 'client' | 'both';
  /** Server certificates default to localhost / 127.0.0.1. */
  dnsNames?: string[];
  ipAddresses?: string[];
  /** notAfter = now + daysValid (default 30); negative gives an already expired certificate. */
  daysValid?: number;
  /** notBefore = now + notBeforeDays: positive gives a not-yet-valid certificate (keep it below daysValid). */
  notBeforeDays?: number;
  keyType?: TestKeyType;
}

export interface TestCert {
  certPem: string;
  keyPem: string;
  der: Buffer;
  privateKey: KeyObject;
  /** RFC 8705 x5t#S256 of the certificate. */
  x5tS256: string;
}

export interface TestCa extends TestCert {
  /** This CA's certificate, then its parents' (not the root itself when this is the root). */
  chainPem: string;
  issue(options: IssueTestCertOptions): Promise<TestCert>;
}

export interface CreateTestCaOptions {
  commonName?: string;
  days?: number;
  /** Makes an intermediate CA signed by this one instead of a root. */
  parent?: TestCa;
  keyType?: TestKeyType;
}

export async function generateTestKey(keyType: TestKeyType = 'p256'): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  return keyType === 'rsa2048' ? generate('rsa', { modulusLength: 2048 }) : generate('ec', { namedCurve: 'P-256' });
}

export async function createTestCa(options: CreateTestCaOptions = {}): Promise<TestCa> {
  const { privateKey, publicKey } = await generateTestKey(options.keyType);
  const now = Date.now();
  const parent = options.parent;
  const { der, pem } = issueCertificate({
    subject: { organization: 'Thredd Tools Test', commonName: options.commonName ?? (parent ? 'Test Intermediate CA' : 'Test Root CA') },
    publicKey,
    issuer: parent ? { certificateDer: parent.der, privateKey: parent.privateKey } : 'self-signed',
    signingKey: privateKey,
    notBefore: new Date(now - 60 * 60 * 1000),
    notAfter: new Date(now + (options.days ?? 365) * DAY),
    isCa: true,
  });
  const ca: TestCa = {
    certPem: pem,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    der,
    privateKey,
    x5tS256: sha256Thumbprint(der),
    chainPem: parent ? pem + parent.chainPem : '',
    issue: (issueOptions) => issueLeaf(ca, issueOptions),
  };
  return ca;
}

async function issueLeaf(ca: TestCa, options: IssueTestCertOptions): Promise<TestCert> {
  const { privateKey, publicKey } = await generateTestKey(options.keyType);
  const now = Date.now();
  const daysValid = options.daysValid ?? 30;
  const notAfter = new Date(now + daysValid * DAY);
  const notBefore =
    options.notBeforeDays !== undefined
      ? new Date(now + options.notBeforeDays * DAY)
      : daysValid < 0
        ? new Date(notAfter.getTime() - 30 * DAY)
        : new Date(now - 60 * 60 * 1000);
  const server = options.usage !== 'client';
  const { der, pem } = issueCertificate({
    subject: { organization: 'Thredd Tools Test', commonName: options.commonName },
    publicKey,
    issuer: { certificateDer: ca.der, privateKey: ca.privateKey },
    notBefore,
    notAfter,
    extendedKeyUsage: options.usage === 'both' ? ['serverAuth', 'clientAuth'] : server ? ['serverAuth'] : ['clientAuth'],
    dnsNames: options.dnsNames ?? (server ? ['localhost'] : undefined),
    ipAddresses: options.ipAddresses ?? (server ? ['127.0.0.1'] : undefined),
  });
  return {
    certPem: pem,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    der,
    privateKey,
    x5tS256: sha256Thumbprint(der),
  };
}
