import { countByStatus, type EhiFinding } from '../findings';
import type { EhiMessageReport, EhiSendReport } from './types';

const MARK = { pass: 'pass', warn: 'WARN', fail: 'FAIL' } as const;

/** One message as plain text: a headline, then each finding, with its fix when it is not a pass. */
export function describeEhiMessage(report: EhiMessageReport, index: number, total: number): string {
  const answer = report.httpStatus === undefined ? 'no answer' : `HTTP ${report.httpStatus}`;
  const status = report.responseStatus ? `, Responsestatus ${report.responseStatus}` : '';
  const sends = report.attempts === 1 ? '1 send' : `${report.attempts} sends`;
  const which = `${report.type} ${index + 1}/${total}  TXn_ID ${report.txnId}`;
  const head = `${MARK[report.status]}  ${which}: ${answer}${status} in ${report.durationMs} ms (${sends})`;
  return [head, ...report.findings.map(describeFinding)].join('\n');
}

function describeFinding(finding: EhiFinding): string {
  const line = `  ${MARK[finding.status]}  ${finding.id.padEnd(16)} ${finding.message}`;
  return finding.status === 'pass' || !finding.fix ? line : `${line}\n        ${' '.repeat(16)} fix: ${finding.fix}`;
}

/** The last line: how many messages passed, warned and failed. */
export function summariseEhiReport(report: EhiSendReport): string {
  const count = countByStatus(report.messages);
  const total = report.messages.length;
  const verdict = report.ok ? 'the endpoint answered as Thredd expects' : 'the endpoint would not pass with Thredd';
  const counts = `${count.pass} passed, ${count.warn} warned, ${count.fail} failed`;
  return `${total} message${total === 1 ? '' : 's'}: ${counts}: ${verdict}.`;
}
