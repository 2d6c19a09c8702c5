import { countByStatus, type FindingStatus } from '../findings';
import type { CheckReport } from './types';

const SYMBOLS: Record<FindingStatus, string> = { pass: '✔', warn: '⚠', fail: '✖' };

/** One line per finding with its symbol; the fix indented under warnings and failures; a summary last. */
export function formatReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const finding of report.findings) {
    lines.push(`${SYMBOLS[finding.status]} ${finding.id}: ${finding.message}`);
    if (finding.status !== 'pass' && finding.fix) lines.push(`    fix: ${finding.fix}`);
  }
  const count = countByStatus(report.findings);
  lines.push('', `${report.ok ? 'OK' : 'FAILED'}: ${count.pass} passed, ${count.warn} warnings, ${count.fail} failed.`);
  return lines.join('\n') + '\n';
}
