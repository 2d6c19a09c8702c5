import { formatBytes } from '../http/responseBody';
import type { HttpHeaders } from '../http/types';
import { MASK } from '../requestFile/secrets';
import { maskCredentialFields } from './credentialFields';
import { maskCredential } from './redact';
import type { RunResult } from './types';

/** Response body text written to the trace log, at most. */
const TRACE_BODY_CHARS = 4096;
const MASKED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** What the Thredd log shows of one exchange: headers at debug, bodies at trace, credentials masked in both. */
export interface ExchangeLog {
  debug: string;
  trace?: string;
}

export function exchangeLog(result: RunResult): ExchangeLog {
  const { request, response, error } = result;
  const lines = [`→ ${request?.method ?? '?'} ${request?.url ?? '(not resolved)'}`];
  for (const header of request?.headers ?? []) lines.push(`  ${header.name}: ${maskHeader(header.name, header.value)}`);
  if (response) {
    lines.push(`← ${response.status} ${response.statusText} (${Math.round(result.durationMs ?? 0)} ms, ${formatBytes(response.size)})`);
    for (const [name, value] of headerLines(response.headers)) lines.push(`  ${name}: ${maskHeader(name, value)}`);
  }
  if (error) lines.push(`✗ ${error.kind}: ${error.message}`);
  for (const expectation of result.expectations.filter((outcome) => !outcome.passed)) lines.push(`✗ @expect ${expectation.message}`);

  const bodies: string[] = [];
  if (request?.body) bodies.push(`request body:\n${maskCredentialFields(request.body.preview)}`);
  if (response?.text !== undefined) {
    const text = maskCredentialFields(response.text.slice(0, TRACE_BODY_CHARS));
    bodies.push(`response body${response.text.length > TRACE_BODY_CHARS || response.truncated ? ` (first ${TRACE_BODY_CHARS} characters)` : ''}:\n${text}`);
  }
  return { debug: lines.join('\n'), trace: bodies.length ? bodies.join('\n') : undefined };
}

function maskHeader(name: string, value: string): string {
  if (!MASKED_HEADERS.has(name.toLowerCase())) return value;
  return name.toLowerCase().endsWith('authorization') ? maskCredential(value) : MASK;
}

function headerLines(headers: HttpHeaders): [string, string][] {
  return Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value.map((item): [string, string] => [name, item]) : [[name, value]]));
}
