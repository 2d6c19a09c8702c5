import { isUserError } from './userError';

/**
 * The one-paragraph text a user sees for an error they can act on (what went wrong, then what to
 * do), or undefined for a bug. The CLI prints it on one line; VS Code shows it in a notification.
 */
export function userMessageOf(error: unknown): string | undefined {
  return isUserError(error) ? error.userMessage() : undefined;
}
