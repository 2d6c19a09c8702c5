import type { SessionSummary } from '../types';
import { jsonDryRunReport, jsonRunReport } from './json';
import { junitDryRunReport, junitRunReport } from './junit';
import { prettyDryRunReport, prettyRunReport } from './pretty';

export { PrettyProgress } from './pretty';

export const REPORT_FORMATS = ['pretty', 'json', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The whole report of a finished session (its plans for a dry run); `timestamp` is when JUnit says it ran. */
export function sessionReport(format: ReportFormat, summary: SessionSummary, timestamp = new Date()): string {
  if (format === 'json') return summary.dryRun ? jsonDryRunReport(summary) : jsonRunReport(summary);
  if (format === 'junit') return summary.dryRun ? junitDryRunReport(summary, timestamp) : junitRunReport(summary, timestamp);
  return summary.dryRun ? prettyDryRunReport(summary) : prettyRunReport(summary);
}
