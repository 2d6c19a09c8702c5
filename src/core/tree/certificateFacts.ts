import type { CertificateSummary, KeyDescription, PkiErrorCode } from '../pki';
import { daysUntil, statusAt } from '../x509/certificateStatus';

/** One certificate file to inspect, with what belongs to it. Paths are absolute. */
export interface CertificateFileRequest {
  file: string;
  /** A separate private key (PEM transport or signing pair): checked for a match. */
  keyFile?: string;
  /** For a PKCS#12 file or an encrypted key. */
  passphrase?: string;
  /** Describe the leaf's public key with its RFC 7638 thumbprint: a Signing certificate's KID. */
  describeKey?: boolean;
}

export type FactsErrorCode = PkiErrorCode | 'not-found' | 'unreadable';

/** What a certificate file holds, or why it cannot be read; never an exception. */
export type CertificateFileFacts =
  | {
      kind: 'certificates';
      file: string;
      keyFile?: string;
      /** Leaf first, in file order; `status` and `daysRemaining` are as of the time asked for. */
      certificates: CertificateSummary[];
      /** The private key found (PKCS#12, same PEM file, or `keyFile`). */
      privateKey?: KeyDescription;
      /** Whether the key belongs to the leaf; undefined when there is no key to check. */
      keyMatches?: boolean;
      /** Why `keyFile` could not be read (missing, wrong passphrase...). */
      keyError?: string;
    }
  | { kind: 'error'; file: string; code: FactsErrorCode; message: string };

/** When status is computed: the build's clock, not the time the file was parsed. */
export interface FactsTime {
  now: Date;
  /** `expiring` when fewer days than this remain. */
  warningDays: number;
}

/**
 * The same facts with status and days recomputed for `at`: a parse cached yesterday must still
 * say "expiring" today once the warning window is crossed.
 */
export function factsAt(facts: CertificateFileFacts, at: FactsTime): CertificateFileFacts {
  if (facts.kind === 'error') return facts;
  const certificates = facts.certificates.map((info) => {
    const notAfter = new Date(info.notAfter);
    return {
      ...info,
      status: statusAt(at.now, new Date(info.notBefore), notAfter, at.warningDays),
      daysRemaining: daysUntil(notAfter, at.now),
    };
  });
  return { ...facts, certificates };
}
