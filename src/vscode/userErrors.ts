import * as vscode from 'vscode';
import { userMessageOf } from '../core/errors/userMessage';

/** Errors the user can fix are shown as they are; anything else is logged with its stack and summarised. */
export function showUserError(
  log: vscode.LogOutputChannel,
  error: unknown,
  context: string,
  ...actions: string[]
): Thenable<string | undefined> {
  const message = userMessageOf(error);
  if (message !== undefined) {
    log.warn(`${context}: ${message}`);
    return vscode.window.showErrorMessage(message, ...actions);
  }
  log.error(`${context}:`, error instanceof Error ? (error.stack ?? error.message) : String(error));
  return vscode.window
    .showErrorMessage(`${context} failed: ${error instanceof Error ? error.message : String(error)}`, 'Show Log')
    .then((choice) => {
      if (choice) log.show();
      return undefined;
    });
}
