import type { CheckReport, Finding } from './types';

export function pass(id: string, message: string): Finding {
  return { id, status: 'pass', message, fix: '' };
}

export function warn(id: string, message: string, fix: string): Finding {
  return { id, status: 'warn', message, fix };
}

export function fail(id: string, message: string, fix: string): Finding {
  return { id, status: 'fail', message, fix };
}

/** ok is false as soon as one finding fails; warnings do not fail the check. */
export function reportOf(findings: Finding[]): CheckReport {
  return { ok: findings.every((finding) => finding.status !== 'fail'), findings };
}
