import { formatBytes } from '../http/responseBody';
import { headerEntries } from '../http/headers';
import { maskCredentialFields, maskCredentialHeader } from './credentialFields';
import type { RunResult } from './types';

/** Response body text written to the trace log, at most. */
const TRACE_BODY_CHARS = 4096;

/** What the Thredd log shows of one exchange: headers at debug, bodies at trace, credentials masked in both. */
export interface ExchangeLog {
  debug: string;
  trace?: string;
}

export function exchangeLog(result: RunResult): ExchangeLog {
  const { request, response, error } = result;
  const lines = [`→ ${request?.method ?? '?'} ${request ? maskCredentialFields(request.url) : '(not resolved)'}`];
  for (const header of request?.headers ?? []) lines.push(`  ${header.name}: ${maskCredentialHeader(header.name, header.value)}`);
  if (response) {
    lines.push(`← ${response.status} ${response.statusText} (${Math.round(result.durationMs ?? 0)} ms, ${formatBytes(response.size)})`);
    for (const [name, value] of headerEntries(response.headers)) lines.push(`  ${name}: ${maskCredentialHeader(name, value)}`);
  }
  if (error) lines.push(`✗ ${error.kind}: ${error.message}`);
  for (const expectation of result.expectations.filter((outcome) => !outcome.passed)) lines.push(`✗ @expect ${expectation.message}`);

  const bodies: string[] = [];
  if (request?.body) bodies.push(`request body:\n${maskCredentialFields(request.body.preview)}`);
  if (response?.text !== undefined) {
    // Masked before it is cut, so a credential that crosses the cut is masked too.
    const text = maskCredentialFields(response.text).slice(0, TRACE_BODY_CHARS);
    bodies.push(
      `response body` +
        `${response.text.length > TRACE_BODY_CHARS || response.truncated ? ` (first ${TRACE_BODY_CHARS} characters)` : ''}:\n` +
        `${text}`,
    );
  }
  return { debug: lines.join('\n'), trace: bodies.length ? bodies.join('\n') : undefined };
}
