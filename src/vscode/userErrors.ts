import * as vscode from 'vscode';
import { FileExistsError } from '../core/fs/safeWrite';
import { PkiError } from '../core/pki/errors';

/** Errors the user can fix are shown as they are; anything else is logged with its stack and summarised. */
export function showUserError(log: vscode.LogOutputChannel, error: unknown, context: string): void {
  if (isUserFacing(error)) {
    log.warn(`${context}: ${error.message}`);
    void vscode.window.showErrorMessage(error.message);
    return;
  }
  log.error(`${context}:`, error instanceof Error ? (error.stack ?? error.message) : String(error));
  void vscode.window.showErrorMessage(`${context} failed: ${error instanceof Error ? error.message : String(error)}`, 'Show Log').then((choice) => {
    if (choice) log.show();
  });
}

function isUserFacing(error: unknown): error is Error {
  return error instanceof PkiError || error instanceof FileExistsError || (error instanceof Error && (error as { userFacing?: boolean }).userFacing === true);
}
