import { OAuthError } from '../auth/oauthErrors';
import { UserError } from '../errors/userError';
import { SigningKeyError } from '../auth/signingKey';
import { TokenConfigError } from '../auth/tokenClient';
import { HttpError } from '../http/httpError';
import { TlsConfigError } from '../http/loadTlsSettings';
import { BodyFileError } from '../requestFile/bodyFile';
import type { Unresolved } from '../requestFile/resolveTypes';
import type { ParsedRequest } from '../requestFile/types';
import type { RunError } from './types';

/** The error of an HTTP exchange, as the HttpClient classified it. */
export function fromHttpError(error: HttpError): RunError {
  return { kind: error.kind, message: error.message, explanation: error.fix, detail: error.detail, serverChain: error.serverChain };
}

function isAbort(error: unknown): boolean {
  return (error as { name?: string })?.name === 'AbortError' || (error instanceof HttpError && error.kind === 'aborted');
}

export const CANCELLED: RunError = {
  kind: 'aborted',
  message: 'The request was cancelled.',
  explanation: 'It was stopped before the answer arrived; send it again when ready.',
};

/** A failure while getting the access token for the environment's application. */
export function tokenError(error: unknown, application: string, environment: string): RunError {
  if (isAbort(error)) return CANCELLED;
  const prefix = `No access token for application "${application}" (environment "${environment}"):`;
  if (error instanceof OAuthError)
    return { kind: 'token', message: `${prefix} ${error.message}`, explanation: error.fix, detail: error.error };
  if (error instanceof HttpError) {
    // An oversized answer did reach us; every other HttpError here is a failure to get one.
    const what = error.kind === 'too-large' ? '' : ' the token endpoint could not be reached.';
    return {
      kind: 'token',
      message: `${prefix}${what} ${error.message}`,
      explanation: error.fix,
      detail: error.detail,
      serverChain: error.serverChain,
    };
  }
  if (error instanceof TokenConfigError || error instanceof SigningKeyError || error instanceof TlsConfigError) {
    return { kind: 'token', message: `${prefix} ${error.message}`, explanation: error.fix };
  }
  return unexpected(error);
}

/** `# @ehi-sign` found no usable EHI signing key: nothing is sent unsigned. */
export function ehiSigningError(error: unknown): RunError {
  const message = `Cannot sign the request with the EHI signing key (# @ehi-sign): ${(error as Error)?.message ?? String(error)}`;
  const explanation =
    error instanceof UserError && error.fix
      ? error.fix
      : 'Check the sandbox state folder (the environment\'s "ehiSandboxState" variable, default .thredd/sandbox beside thredd.json).';
  return { kind: 'ehi-sign', message, explanation };
}

/** Errors while preparing or sending a request, for the kinds not handled where they arise. */
export function runErrorFrom(error: unknown): RunError {
  if (isAbort(error)) return CANCELLED;
  if (error instanceof HttpError) return fromHttpError(error);
  if (error instanceof TlsConfigError) return { kind: 'tls-config', message: error.message, explanation: error.fix };
  if (error instanceof BodyFileError)
    return {
      kind: 'body-file',
      message: error.message,
      explanation: 'Fix the path after "<" (relative to the request file) or create the file.',
    };
  return unexpected(error);
}

function unexpected(error: unknown): RunError {
  return {
    kind: 'unknown',
    message: `The request failed unexpectedly: ${(error as Error)?.message ?? String(error)}`,
    explanation: 'Try again; if it repeats, report it with the request (secrets removed).',
  };
}

export function parseErrors(request: ParsedRequest): RunError | undefined {
  const errors = request.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length === 0) return undefined;
  const first = errors[0];
  return {
    kind: 'parse',
    message:
      `The request has ${errors.length === 1 ? 'an error' : `${errors.length} errors`} and was not sent: line ` +
      `${first.range.start.line + 1}: ${first.message}`,
    explanation: 'Fix the problems marked in the file, then send it again.',
    diagnostics: errors.map((diagnostic) => ({
      line: diagnostic.range.start.line,
      column: diagnostic.range.start.column,
      message: diagnostic.message,
    })),
  };
}

export function unresolvedError(unresolved: readonly Unresolved[]): RunError {
  const names = [...new Set(unresolved.map((item) => item.name))];
  return {
    kind: 'unresolved',
    message:
      `${names.length === 1 ? 'A variable' : `${names.length} variables`} could not be resolved, so the ` +
      `request was not sent: ${unresolved.map((item) => `{{${item.name}}}: ${item.reason}`).join(' ')}`,
    explanation:
      'Declare the missing variables ("@name = value" in the file, or "variables" of the environment in ' +
      'thredd.json), or pick another environment.',
    unresolved: unresolved.map((item) => ({ name: item.name, reason: item.reason })),
  };
}

export function timeoutError(
  milliseconds: number,
  host: string,
  fromMetadata: boolean,
  phase: 'token' | 'total' | 'headers' | 'body',
): RunError {
  const what = {
    token: `(the token endpoint) had not issued a token after ${milliseconds} ms, so the request was not sent`,
    total: `had not finished answering after ${milliseconds} ms`,
    body: `stopped sending the response body for more than ${milliseconds} ms`,
    headers: `sent no response within ${milliseconds} ms`,
  }[phase];
  return {
    kind: 'timeout',
    message: `${host} ${what}${fromMetadata ? ' (the request\'s "# @timeout")' : ''}.`,
    explanation: fromMetadata
      ? 'Raise "# @timeout" for this request, or check why the server is slow.'
      : 'Add "# @timeout <milliseconds>" above the request to allow it longer, or check why the server is slow.',
  };
}
