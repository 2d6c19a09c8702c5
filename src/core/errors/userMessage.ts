import { OAuthError } from '../auth/oauthErrors';
import { SigningKeyError } from '../auth/signingKey';
import { TokenConfigError } from '../auth/tokenClient';
import { FileExistsError } from '../fs/safeWrite';
import { HttpError } from '../http/httpError';
import { TlsConfigError } from '../http/loadTlsSettings';
import { PkiError } from '../pki/errors';
import { BodyFileError } from '../requestFile/bodyFile';

/**
 * The one-paragraph text a user sees for an error they can act on (what went wrong, then what to
 * do), or undefined for a bug. The CLI prints it on one line; VS Code shows it in a notification.
 */
export function userMessageOf(error: unknown): string | undefined {
  if (error instanceof OAuthError) return `${error.message}. Hint: ${error.hint}`;
  if (error instanceof HttpError) return `${error.message} ${error.explanation}`;
  if (error instanceof TokenConfigError || error instanceof SigningKeyError || error instanceof TlsConfigError) return `${error.message} ${error.fix}`;
  if (error instanceof PkiError || error instanceof FileExistsError || error instanceof BodyFileError) return error.message;
  if (error instanceof Error && (error as { userFacing?: boolean }).userFacing === true) return error.message;
  return undefined;
}
