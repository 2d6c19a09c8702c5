import { headerRecord } from '../../runner/redact';
import type { SessionSummary } from '../types';
import { milliseconds } from './pretty';

/**
 * `{"requests": [...], "summary": {...}}`: each request's status, time, expectations and error, file by
 * file. With more than one iteration each request also says which (`"iteration": 2`).
 */
export function jsonRunReport(summary: SessionSummary): string {
  const requests = summary.groups.flatMap(({ file, iteration, results }) =>
    results.map((result) => ({
      file: file.shown,
      ...iterationField(summary, iteration),
      name: result.name ?? null,
      title: result.title ?? null,
      method: result.request?.method ?? null,
      url: result.request?.url ?? null,
      status: result.response?.status ?? null,
      statusText: result.response?.statusText ?? null,
      durationMs: result.timings ? milliseconds(result) : Math.round(result.durationMs ?? 0),
      size: result.response?.size ?? null,
      route: result.route ?? null,
      ok: result.ok,
      expectations: result.expectations.map(({ text, passed, message }) => ({ text, passed, message })),
      error: result.error ? { kind: result.error.kind, message: result.error.message, explanation: result.error.explanation } : null,
      warnings: result.warnings,
    })),
  );
  const passed = requests.filter((request) => request.ok).length;
  const failed = requests.length - passed;
  const totals = { total: requests.length, passed, failed, ...iterationsField(summary), durationMs: Math.round(summary.elapsedMs) };
  return JSON.stringify({ requests, summary: totals }, null, 2) + '\n';
}

/** `{"requests": [{name, method, url, headers, body}]}`: each request as it would be sent, secrets masked. */
export function jsonDryRunReport(summary: SessionSummary): string {
  const requests = summary.groups.flatMap(({ iteration, plans }) =>
    plans.map((plan) => ({
      ...iterationField(summary, iteration),
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

/** A single run keeps the report's shape as it always was: no iteration fields. */
function iterationField(summary: SessionSummary, iteration: number): { iteration?: number } {
  return summary.iterations > 1 ? { iteration } : {};
}

function iterationsField(summary: SessionSummary): { iterations?: number } {
  return summary.iterations > 1 ? { iterations: summary.iterations } : {};
}
