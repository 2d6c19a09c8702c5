import * as path from 'node:path';
import * as vscode from 'vscode';

/** A path from a command argument: absolute as given, otherwise relative to the first workspace folder. */
export function workspacePath(file: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return path.isAbsolute(file) || !folder ? file : path.join(folder.uri.fsPath, file);
}
