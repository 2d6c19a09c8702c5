import * as fs from 'node:fs';
import { checkCertificateBinding } from '../auth/accessTokenClaims';
import type { CachedToken } from '../auth/tokenCache';
import type { EhiSigningKey } from '../ehi/signingKeySource';
import type { HttpClient } from '../http/httpClient';
import { HttpError } from '../http/httpError';
import type { HttpHeaders, HttpResponse, TlsSettings } from '../http/types';
import { evaluateExpectation } from '../requestFile/evaluateExpectation';
import type { ResolvedHeader } from '../requestFile/resolveTypes';
import { MASK, redactSecrets } from '../requestFile/secrets';
import { decodeText, headerText, leadingBytes, parseContentType, type MediaType } from './decodeBody';
import type { Prepared } from './prepareRequest';
import { maskTokenInHeaders, redactRequest } from './redact';
import { runErrorFrom, timeoutError } from './runErrors';
import type { ExpectationOutcome, ReceivedResponse, RunContext, RunError, RunResult, TokenInfo } from './types';
import { finalizeRequest, type FinalizedRequest } from './finalizeRequest';

/** Shorter timeouts get an exact timer: undici's timers tick once a second. */
const PRECISE_BELOW_MS = 5_000;
/** `defaultTimeoutMs: 0`: wait as long as the server takes (undici treats 0 as no timeout). */
const NO_TIMEOUTS = { headersMs: 0, bodyMs: 0 };

/** Bodies on disk up to this size are read whole for `@expect body` and chaining. */
const FULL_TEXT_LIMIT = 64 * 1024 * 1024;

export interface ExchangeSettings {
  http: HttpClient;
  /** TLS settings of an environment (files loaded once), or of no environment. */
  tls(prepared: Prepared): Promise<TlsSettings>;
  token(prepared: Prepared, tls: TlsSettings, signal: AbortSignal | undefined): Promise<CachedToken>;
  /** The EHI signing key for `# @ehi-sign` requests. */
  ehiSigningKey(prepared: Prepared, context: RunContext): Promise<EhiSigningKey>;
  defaultTimeoutMs: number;
  maxInMemoryBytes: number;
  maxBodyBytes: number;
  spillDir?: string;
  followRedirects: boolean | number;
  clock: () => number;
}

type Outcome = Pick<RunResult, 'request' | 'response' | 'timings' | 'tls' | 'route' | 'token' | 'expectations' | 'warnings' | 'error'>;

/** Finalizes the request (defaults, token), sends it, reads and checks the answer, stores it for chaining. */
export async function exchange(prepared: Prepared, context: RunContext, settings: ExchangeSettings): Promise<Outcome> {
  const { request, resolved } = prepared;
  const failed = (error: RunError, finalized: FinalizedRequest): Outcome => ({
    request: redactRequest({ ...resolved, headers: finalized.headers }, prepared.body, finalized.secrets),
    expectations: [],
    warnings: finalized.warnings,
    error,
  });
  let tls: TlsSettings;
  try {
    tls = await settings.tls(prepared);
  } catch (error) {
    // Without TLS settings no token can be fetched: show the request as far as it got (its defaults, no token).
    const refused = () => Promise.reject(error);
    return failed(runErrorFrom(error), await finalizeRequest(prepared, { mode: 'send', token: refused, ehiSigningKey: refused }));
  }

  // "# @timeout N" bounds the whole exchange, the token request included, to the millisecond (a timer
  // and a signal). The default timeout uses undici's own header and body-silence timers instead: nothing
  // added per request, and a large body that keeps arriving is not cut off; their one-second granularity
  // does not matter at 30 s.
  const explicit = request.metadata.timeout;
  const timeoutMs = explicit ?? settings.defaultTimeoutMs;
  const precise = timeoutMs > 0 && (explicit !== undefined || timeoutMs < PRECISE_BELOW_MS);
  const deadline = precise ? new AbortController() : undefined;
  const timer = deadline && setTimeout(() => deadline.abort(), timeoutMs);
  const signal = deadline ? (context.signal ? AbortSignal.any([context.signal, deadline.signal]) : deadline.signal) : context.signal;
  const pastDeadline = () => deadline?.signal.aborted === true && context.signal?.aborted !== true;
  const finalized = await finalizeRequest(prepared, {
    mode: 'send',
    token: () => settings.token(prepared, tls, signal),
    ehiSigningKey: () => settings.ehiSigningKey(prepared, context),
  });
  if (finalized.failure) {
    clearTimeout(timer);
    const { error, waitingFor } = finalized.failure;
    if (!waitingFor || !pastDeadline()) return failed(error, finalized);
    return failed(timeoutError(timeoutMs, hostOf(waitingFor.url), explicit !== undefined, waitingFor.phase), finalized);
  }
  const { headers, secrets, warnings, token } = finalized;
  const sent = redactRequest({ ...resolved, headers }, prepared.body, secrets);

  let response: HttpResponse;
  try {
    response = await settings.http.send({
      method: resolved.method,
      url: resolved.url,
      headers: toHttpHeaders(headers),
      body: prepared.body && prepared.body.length > 0 ? prepared.body : undefined,
      tls,
      timeouts: timeoutMs > 0 ? { connectMs: Math.min(timeoutMs, 10_000), headersMs: timeoutMs, bodyMs: timeoutMs } : NO_TIMEOUTS,
      signal,
      followRedirects: settings.followRedirects,
      bodyPolicy: { maxInMemoryBytes: settings.maxInMemoryBytes, maxBytes: settings.maxBodyBytes, spillDir: settings.spillDir },
    });
  } catch (error) {
    const kind = error instanceof HttpError ? error.kind : undefined;
    const timedOut = pastDeadline() || (timeoutMs > 0 && (kind === 'timeout-headers' || kind === 'timeout-body'));
    const runError = timedOut
      ? timeoutError(
          timeoutMs,
          hostOf(resolved.url),
          explicit !== undefined,
          pastDeadline() ? 'total' : kind === 'timeout-body' ? 'body' : 'headers',
        )
      : runErrorFrom(error);
    if (!timedOut && kind === 'invalid-request') runError.explanation += ' Check the request line of this request.';
    // The URL in a message may hold a secret variable's value.
    if (secrets.length) runError.message = redactSecrets(runError.message, secrets);
    return { request: sent, expectations: [], warnings, error: runError, token: token && tokenInfo(token, undefined, settings.clock) };
  } finally {
    if (timer) clearTimeout(timer);
  }

  warnings.push(...response.warnings);
  const received = await receive(response, settings.maxInMemoryBytes, token?.accessToken);
  const info = token && tokenInfo(token, response.tls?.clientCertificate?.x5tS256, settings.clock);
  const bindingWarning = token && checkCertificateBinding(token.claims, response.tls?.clientCertificate?.x5tS256).warning;
  if (bindingWarning && !warnings.includes(bindingWarning)) warnings.push(bindingWarning);

  const needsFullText =
    received.truncated && (request.name !== undefined || request.metadata.expectations.some((item) => item.subject.kind === 'body'));
  const bodyText = (needsFullText ? await fullText(response, received) : undefined) ?? received.text ?? '';
  const expectations = request.metadata.expectations.map((expectation, index): ExpectationOutcome => {
    const result = evaluateExpectation(
      expectation,
      { status: response.status, headers: response.headers, bodyText, durationMs: response.timings.total },
      prepared.expectationValues[index],
    );
    return {
      text: expectation.text,
      line: expectation.range.start.line,
      passed: result.passed,
      actual: result.actual,
      message: secrets.length ? redactSecrets(result.message, secrets) : result.message,
    };
  });
  if (request.name) {
    context.store.set(request.name, {
      status: response.status,
      headers: response.headers,
      bodyText,
      request: {
        headers: Object.fromEntries(headers.map((header) => [header.name, header.value])),
        bodyText: prepared.body?.toString('utf8'),
      },
    });
  }
  const { timings, route } = response;
  return { request: sent, response: received, timings, tls: response.tls, route, token: info, expectations, warnings };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function toHttpHeaders(headers: readonly ResolvedHeader[]): HttpHeaders {
  const record: HttpHeaders = {};
  for (const { name, value } of headers) {
    const key = name.toLowerCase();
    const existing = record[key];
    record[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return record;
}

async function receive(response: HttpResponse, maxInMemoryBytes: number, token: string | undefined): Promise<ReceivedResponse> {
  const media: MediaType = parseContentType(headerText(response.headers, 'content-type'));
  const truncated = response.body.kind === 'file';
  const head = response.body.kind === 'memory' ? response.body.bytes : await leadingBytes(response.body, maxInMemoryBytes);
  const decoded = decodeText(head, media);
  const text = decoded && token && decoded.text.includes(token) ? decoded.text.split(token).join(MASK) : decoded?.text;
  return {
    status: response.status,
    statusText: response.statusText,
    headers: maskTokenInHeaders(response.headers, token),
    contentType: media.type,
    charset: decoded?.charset,
    size: response.size,
    body: response.body,
    text,
    truncated,
    url: response.url,
    redirects: response.redirects,
  };
}

/** The whole text of a body spilled to disk, when it is textual and not absurdly large. */
async function fullText(response: HttpResponse, received: ReceivedResponse): Promise<string | undefined> {
  if (response.body.kind !== 'file' || received.text === undefined || response.size > FULL_TEXT_LIMIT) return undefined;
  const bytes = await fs.promises.readFile(response.body.path);
  return decodeText(bytes, { type: received.contentType, charset: received.charset })?.text;
}

function tokenInfo(token: CachedToken, presentedX5t: string | undefined, clock: () => number): TokenInfo {
  const { binding } = checkCertificateBinding(token.claims, presentedX5t);
  return {
    environment: token.environment,
    application: token.application,
    tokenType: token.tokenType,
    scope: token.scope,
    fromCache: token.fromCache,
    obtainedAt: new Date(token.obtainedAt).toISOString(),
    expiresAt: new Date(token.expiresAt).toISOString(),
    expiresInSeconds: Math.max(0, Math.round((token.expiresAt - clock()) / 1000)),
    claims: token.claims ? { header: token.claims.header, payload: { ...token.claims.payload } } : undefined,
    binding,
  };
}
