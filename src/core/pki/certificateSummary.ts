import type { X509Certificate } from 'node:crypto';
import { daysUntil, statusAt } from '../x509/certificateStatus';
import { sha256Thumbprint } from '../x509/thumbprints';
import { fieldsOf, publicKeyInfo, type CertificateInfo, type DescribeOptions } from './certificateInfo';
import { oneLineName } from './distinguishedName';
import { nativeNameAttributes } from './nativeName';

/**
 * The facts an overview shows of a certificate (the Thredd view: badge, tooltip, KID, CSR prefill), as in
 * CertificateInfo. Read by Node's native X509Certificate: ~20 times faster than describeCertificate's
 * ASN.1 parse, which also decodes extensions, SANs and the signature algorithm that only the full
 * inspection shows. `publicKey` (with its RFC 7638 thumbprint, the Signing certificate's KID) is there when
 * asked for: describing the key costs as much as the rest together.
 */
export type CertificateSummary = Partial<Pick<CertificateInfo, 'publicKey'>> &
  Pick<
    CertificateInfo,
    | 'subject'
    | 'subjectFields'
    | 'issuer'
    | 'serialNumber'
    | 'notBefore'
    | 'notAfter'
    | 'daysRemaining'
    | 'status'
    | 'sha256Fingerprint'
    | 'x5tS256'
    | 'isCa'
    | 'keyMatches'
  >;

export interface SummaryOptions extends DescribeOptions {
  /** Add `publicKey` (type, size, RFC 7638 thumbprint). */
  describeKey?: boolean;
}

export async function summarizeCertificate(x509: X509Certificate, options: SummaryOptions = {}): Promise<CertificateSummary> {
  const subject = nativeNameAttributes(x509.subject);
  const notBefore = new Date(x509.validFrom);
  const notAfter = new Date(x509.validTo);
  const now = options.now ?? new Date();
  const summary: CertificateSummary = {
    subject: oneLineName(subject),
    subjectFields: fieldsOf(subject),
    issuer: oneLineName(nativeNameAttributes(x509.issuer)),
    serialNumber: x509.serialNumber.toUpperCase(),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    daysRemaining: daysUntil(notAfter, now),
    status: statusAt(now, notBefore, notAfter, options.warningDays ?? 60),
    sha256Fingerprint: x509.fingerprint256,
    x5tS256: sha256Thumbprint(x509.raw),
    isCa: x509.ca,
  };
  if (options.describeKey) summary.publicKey = await publicKeyInfo(x509.publicKey);
  return summary;
}
