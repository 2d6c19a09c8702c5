// Certificates dated exactly relative to a chosen `now` (whole seconds, as X.509 stores them), so
// tests and benches can assert "expires in 59 days" without racing the clock. Keys are P-256.
import type { KeyObject } from 'node:crypto';
import { issueCertificate } from '../../src/core/pki/issueCertificate';
import type { DnFields } from '../../src/core/pki';
import { generateTestKey, type TestCa } from './testPki';

export const DAY = 24 * 60 * 60 * 1000;

/** Now, rounded down to a whole second: notBefore/notAfter carry no milliseconds. */
export function wholeSecondNow(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

export interface DatedCertificateOptions {
  subject: DnFields;
  now: Date;
  /** notAfter = now + this many days exactly; negative for an expired certificate. */
  daysToExpiry: number;
  /** notBefore = now + this many days (default: 30 days before now, or before notAfter if earlier). */
  notBeforeDays?: number;
  /** Reuse a key pair (benches); a new P-256 key otherwise. */
  keyPair?: { privateKey: KeyObject; publicKey: KeyObject };
}

export interface DatedCertificate {
  certPem: string;
  keyPem: string;
  der: Buffer;
  privateKey: KeyObject;
}

export async function issueDated(ca: TestCa, options: DatedCertificateOptions): Promise<DatedCertificate> {
  const { privateKey, publicKey } = options.keyPair ?? (await generateTestKey('p256'));
  const notAfter = new Date(options.now.getTime() + options.daysToExpiry * DAY);
  const notBefore =
    options.notBeforeDays !== undefined
      ? new Date(options.now.getTime() + options.notBeforeDays * DAY)
      : new Date(Math.min(options.now.getTime(), notAfter.getTime()) - 30 * DAY);
  const { der, pem } = issueCertificate({
    subject: options.subject,
    publicKey,
    issuer: { certificateDer: ca.der, privateKey: ca.privateKey },
    notBefore,
    notAfter,
    extendedKeyUsage: ['clientAuth'],
  });
  return { certPem: pem, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, der, privateKey };
}
