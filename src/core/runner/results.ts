import { discardBody } from '../http/responseBody';
import { toCurl, type CurlOptions } from '../requestFile/curl';
import type { RunResult, SentRequest } from './types';

/** Deletes the temp file of a body kept on disk; call when the result is no longer shown. */
export async function releaseResult(result: Pick<RunResult, 'response'>): Promise<void> {
  if (result.response) await discardBody(result.response.body);
}

export interface SentCurlOptions extends Omit<CurlOptions, 'includeToken' | 'defaultHeaders'> {
  /** Put this token in the command instead of `$TOKEN` (only when the user asked for it). */
  token?: string;
}

/**
 * cURL for a request as it was sent: its Authorization becomes `$TOKEN` unless a token is given, and
 * other secrets stay masked (the result never held them).
 */
export function curlOfSent(sent: SentRequest, options: SentCurlOptions = {}): string {
  const { token, ...curlOptions } = options;
  const headers = sent.headers.map((header) =>
    token && header.name.toLowerCase() === 'authorization'
      ? { name: header.name, value: `${header.value.includes(' ') ? header.value.split(' ')[0] + ' ' : ''}${token}` }
      : header,
  );
  return toCurl(
    { method: sent.method, url: sent.url, headers, body: sent.body?.source },
    { ...curlOptions, includeToken: token !== undefined },
  );
}

/** One line for logs and reports: `GET https://… → 200 OK (12 ms)` or the error. */
export function describeResult(result: RunResult): string {
  const what = result.request ? `${result.request.method} ${result.request.url}` : `request ${result.requestIndex + 1}`;
  if (result.error) return `${what} → ${result.error.message}`;
  const response = result.response!;
  return (
    `${what} → ${response.status}${response.statusText ? ' ' + response.statusText : ''} (` +
    `${Math.round(result.timings?.total ?? 0)} ms)`
  );
}
