import * as vscode from 'vscode';

/**
 * Untrusted workspaces keep the language features but may not send requests, read keys or start
 * servers: a cloned repository must not be able to make us use the user's credentials.
 */
export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showErrorMessage(
      `Thredd cannot ${action} in an untrusted workspace. Trust this folder if you know where it came from.`,
      'Manage Workspace Trust',
    )
    .then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
  return false;
}
