import type { OAuthError } from '../auth/oauthErrors';
import type { SigningKeyError } from '../auth/signingKey';
import type { TokenConfigError } from '../auth/tokenClient';
import type { HttpError } from '../http/httpError';
import type { TlsConfigError } from '../http/tlsConfigError';

/**
 * Errors are told apart by name (each class sets it), not instanceof: this module is loaded by every
 * error report, and importing the classes would load the OAuth, HTTP and JOSE code at activation.
 */
function named<T extends Error>(error: unknown, ...names: string[]): error is T {
  return error instanceof Error && names.includes(error.name);
}

/**
 * The one-paragraph text a user sees for an error they can act on (what went wrong, then what to
 * do), or undefined for a bug. The CLI prints it on one line; VS Code shows it in a notification.
 */
export function userMessageOf(error: unknown): string | undefined {
  if (named<OAuthError>(error, 'OAuthError')) return `${error.message}. Hint: ${error.hint}`;
  if (named<HttpError>(error, 'HttpError')) return `${error.message} ${error.explanation}`;
  if (named<TokenConfigError | SigningKeyError | TlsConfigError>(error, 'TokenConfigError', 'SigningKeyError', 'TlsConfigError')) return `${error.message} ${error.fix}`;
  if (named(error, 'PkiError', 'FileExistsError', 'BodyFileError')) return error.message;
  if (error instanceof Error && (error as { userFacing?: boolean }).userFacing === true) return error.message;
  return undefined;
}
