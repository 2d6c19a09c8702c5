import type { PlannedRequest, RunResult } from '../../runner/types';
import type { SessionEvent, SessionGroupRef, SessionSummary } from '../types';
import { iterationSuffix, labelOf } from './labels';

/**
 * `  ✓ create  POST https://…/cards  201 Created  12 ms`, then failed expectations, errors and warnings
 * indented. A warning already in `shown` (e.g. TLS verification off, on every request) is printed once.
 */
export function prettyResult(result: RunResult, shown = new Set<string>()): string {
  const mark = result.ok ? '✓' : '✗';
  const what = result.request ? `${result.request.method} ${shortUrl(result.request.url)}` : '';
  const lines: string[] = [];
  if (result.response) {
    const status = `${result.response.status}${result.response.statusText ? ' ' + result.response.statusText : ''}`;
    lines.push(
      `  ${mark} ${labelOf(result)}  ${what}  ${status}  ${milliseconds(result)} ms` +
        `${result.response.truncated ? `  (${result.response.size} bytes, kept on disk)` : ''}`,
    );
  } else {
    lines.push(`  ${mark} ${labelOf(result)}  ${what}`.trimEnd() + (result.durationMs ? `  ${Math.round(result.durationMs)} ms` : ''));
  }
  for (const expectation of result.expectations.filter((item) => !item.passed))
    lines.push(`      ${expectation.message} (line ${expectation.line + 1})`);
  if (result.error) {
    lines.push(`      error: ${result.error.message}`, `      ${result.error.explanation}`);
    for (const diagnostic of result.error.diagnostics ?? []) lines.push(`        line ${diagnostic.line + 1}: ${diagnostic.message}`);
  }
  for (const warning of result.warnings) {
    if (shown.has(warning)) continue;
    shown.add(warning);
    lines.push(`      warning: ${warning}`);
  }
  return lines.join('\n') + '\n';
}

/** Milliseconds of the exchange itself (connection, TLS, answer), as reports show it. */
export function milliseconds(result: RunResult): number {
  return Math.round(result.timings?.total ?? 0);
}

/** A URL on a progress line: its start identifies the request, and a 1 MB one would flood the terminal. */
function shortUrl(url: string, limit = 200): string {
  return url.length > limit ? `${url.slice(0, limit)}… (${url.length} characters)` : url;
}

/** `2 requests: 2 passed, 0 failed (0.05 s)`, after a blank line; with iterations, how many. */
export function prettySummary(summary: SessionSummary): string {
  const all = summary.groups.flatMap((group) => group.results);
  const passed = all.filter((result) => result.ok).length;
  const iterations = summary.iterations > 1 ? ` in ${summary.iterations} iterations` : '';
  const requests = `${all.length} request${all.length === 1 ? '' : 's'}${iterations}`;
  return `\n${requests}: ${passed} passed, ${all.length - passed} failed (${(summary.elapsedMs / 1000).toFixed(2)} s)\n`;
}

/** A request as it would be sent (dry runs), headers and body indented under its name. */
export function prettyPlan(plan: PlannedRequest): string {
  const lines = [`  ${labelOf(plan)}${plan.environment ? `  (environment ${plan.environment})` : ''}`];
  if (plan.request) {
    lines.push(`    ${plan.request.method} ${plan.request.url}`);
    for (const header of plan.request.headers) lines.push(`    ${header.name}: ${header.value}`);
    if (plan.request.body) lines.push('', ...plan.request.body.preview.split(/\r?\n/).map((line) => `    ${line}`));
  }
  for (const warning of plan.warnings) lines.push(`    warning: ${warning}`);
  if (plan.error) lines.push(`    error: ${plan.error.message}`, `    ${plan.error.explanation}`);
  return lines.join('\n') + '\n';
}

/** The file's name (and iteration) above its lines. */
function heading(summary: Pick<SessionSummary, 'iterations'>, group: SessionGroupRef): string {
  return `${group.file.shown}${iterationSuffix(summary, group.iteration)}\n`;
}

/** The whole run at once (`--output FILE`): each file's results under its name, then the summary. */
export function prettyRunReport(summary: SessionSummary): string {
  const warned = new Set<string>();
  const warnedOnce = (result: RunResult) => prettyResult(result, warned);
  const sections = summary.groups.map((group) => heading(summary, group) + group.results.map(warnedOnce).join(''));
  return sections.join('\n') + prettySummary(summary);
}

export function prettyDryRunReport(summary: SessionSummary): string {
  return summary.groups.map((group) => heading(summary, group) + group.plans.map(prettyPlan).join('')).join('\n');
}

/**
 * Progress lines while a session runs: a file's name when its turn comes, then each result as it
 * finishes. When requests of several files overlap, the name is repeated wherever the file changes.
 */
export class PrettyProgress {
  private readonly warned = new Set<string>();
  private current?: SessionGroupRef;

  constructor(
    private readonly write: (text: string) => void,
    /** How many iterations the session runs: file names carry theirs when there are several. */
    readonly iterations: number,
  ) {}

  readonly onEvent = (event: SessionEvent): void => {
    if (event.kind === 'plan') return;
    if (event.kind === 'file' || event.file !== this.current?.file || event.iteration !== this.current.iteration) {
      this.current = { file: event.file, iteration: event.iteration };
      this.write(heading(this, event));
    }
    if (event.kind === 'result') this.write(prettyResult(event.result, this.warned));
  };

  /** The summary line, once the session has finished. */
  end(summary: SessionSummary): void {
    this.write(prettySummary(summary));
  }
}
