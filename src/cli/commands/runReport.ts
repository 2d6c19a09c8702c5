import { headerRecord, type PlannedRequest, type RunResult } from '../../core/runner';

/** The results of one request file, with its path as shown to the user (relative to the working folder). */
export interface FileResults {
  file: string;
  results: RunResult[];
}

export interface FilePlans {
  file: string;
  plans: PlannedRequest[];
}

export function labelOf(item: { name?: string; title?: string; requestIndex: number }): string {
  return item.name ?? item.title ?? `request ${item.requestIndex + 1}`;
}

function milliseconds(result: RunResult): number {
  return Math.round(result.timings?.total ?? 0);
}

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
    lines.push(`  ${mark} ${labelOf(result)}  ${what}  ${status}  ${milliseconds(result)} ms${result.response.truncated ? `  (${result.response.size} bytes, kept on disk)` : ''}`);
  } else {
    lines.push(`  ${mark} ${labelOf(result)}  ${what}`.trimEnd() + (result.durationMs ? `  ${Math.round(result.durationMs)} ms` : ''));
  }
  for (const expectation of result.expectations.filter((item) => !item.passed)) lines.push(`      ${expectation.message} (line ${expectation.line + 1})`);
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

/** A URL on a progress line: its start identifies the request, and a 1 MB one would flood the terminal. */
function shortUrl(url: string, limit = 200): string {
  return url.length > limit ? `${url.slice(0, limit)}… (${url.length} characters)` : url;
}

export function prettySummary(all: readonly RunResult[], elapsedMs: number): string {
  const passed = all.filter((result) => result.ok).length;
  return `\n${all.length} request${all.length === 1 ? '' : 's'}: ${passed} passed, ${all.length - passed} failed (${(elapsedMs / 1000).toFixed(2)} s)\n`;
}

export function jsonRunReport(files: readonly FileResults[], elapsedMs: number): string {
  const requests = files.flatMap(({ file, results }) =>
    results.map((result) => ({
      file,
      name: result.name ?? null,
      title: result.title ?? null,
      method: result.request?.method ?? null,
      url: result.request?.url ?? null,
      status: result.response?.status ?? null,
      statusText: result.response?.statusText ?? null,
      durationMs: result.timings ? milliseconds(result) : Math.round(result.durationMs ?? 0),
      size: result.response?.size ?? null,
      ok: result.ok,
      expectations: result.expectations.map(({ text, passed, message }) => ({ text, passed, message })),
      error: result.error ? { kind: result.error.kind, message: result.error.message, explanation: result.error.explanation } : null,
      warnings: result.warnings,
    })),
  );
  const passed = requests.filter((request) => request.ok).length;
  return JSON.stringify({ requests, summary: { total: requests.length, passed, failed: requests.length - passed, durationMs: Math.round(elapsedMs) } }, null, 2) + '\n';
}

/** `{"requests": [{name, method, url, headers, body}]}`: each request as it would be sent, secrets masked. */
export function jsonDryRunReport(files: readonly FilePlans[]): string {
  const requests = files.flatMap(({ plans }) =>
    plans.map((plan) => ({
      name: plan.name ?? null,
      method: plan.request?.method ?? null,
      url: plan.request?.url ?? null,
      headers: plan.request ? headerRecord(plan.request.headers) : {},
      body: plan.request?.body ? plan.request.body.preview : null,
      ...(plan.error ? { error: { kind: plan.error.kind, message: plan.error.message, explanation: plan.error.explanation } } : {}),
    })),
  );
  return JSON.stringify({ requests }, null, 2) + '\n';
}

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
