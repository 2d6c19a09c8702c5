export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'not-yet-valid';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A certificate's state at `now`: expiring when fewer than `warningDays` remain. Kept apart from the ASN.1 code so
 * the tree can use it without loading that.
 */
export function statusAt(now: Date, notBefore: Date, notAfter: Date, warningDays: number): CertificateStatus {
  if (now < notBefore) return 'not-yet-valid';
  if (now > notAfter) return 'expired';
  return notAfter.getTime() - now.getTime() < warningDays * DAY ? 'expiring' : 'valid';
}

/** Whole days until notAfter (partial days dropped, negative once expired): a certificate's `daysRemaining`. */
export function daysUntil(notAfter: Date, now: Date): number {
  return Math.trunc((notAfter.getTime() - now.getTime()) / DAY) || 0; // no -0
}
