import type { CertificateInfo, CertificateStatus } from '../pki';

export type Severity = 'ok' | 'warning' | 'error';

const DAY = 24 * 60 * 60 * 1000;

/** ok / warning (inside the warning window) / error (expired or not yet valid: TLS and token calls fail). */
export function severityOfStatus(status: CertificateStatus): Severity {
  if (status === 'valid') return 'ok';
  return status === 'expiring' ? 'warning' : 'error';
}

export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst: Severity = 'ok';
  for (const severity of severities) {
    if (severity === 'error') return 'error';
    if (severity === 'warning') worst = 'warning';
  }
  return worst;
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/**
 * `expires in 45 days` / `expires today` / `expired 3 days ago` / `not valid until 2027-01-03`,
 * from a certificate whose status and daysRemaining were computed at `now`.
 */
export function expiryText(info: Pick<CertificateInfo, 'status' | 'notBefore' | 'notAfter'>, now: Date): string {
  if (info.status === 'not-yet-valid') return `not valid until ${info.notBefore.slice(0, 10)}`;
  const remaining = new Date(info.notAfter).getTime() - now.getTime();
  if (info.status === 'expired') {
    const daysAgo = Math.floor(-remaining / DAY);
    return daysAgo === 0 ? 'expired today' : `expired ${plural(daysAgo, 'day')} ago`;
  }
  const days = Math.floor(remaining / DAY);
  return days === 0 ? 'expires today' : `expires in ${plural(days, 'day')}`;
}

/**
 * The certificate in a file that decides its badge: the most severe, then the first to expire.
 * A chain file with an expired intermediate is broken even when its leaf is fine.
 */
export function governingCertificate<T extends Pick<CertificateInfo, 'status' | 'notAfter'>>(certificates: readonly T[]): T {
  const rank = { error: 2, warning: 1, ok: 0 } as const;
  return certificates.reduce((best, candidate) => {
    const difference = rank[severityOfStatus(candidate.status)] - rank[severityOfStatus(best.status)];
    if (difference !== 0) return difference > 0 ? candidate : best;
    return candidate.notAfter < best.notAfter ? candidate : best;
  });
}
