import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exportPostman } from '../../core/postman';
import { showUserError } from '../userErrors';
import { workspacePath } from '../workspacePaths';

export interface ExportPostmanArgs {
  /** Request files (workspace-relative or absolute); asked with a multi-select quick pick when absent. */
  files?: string[];
  /** The collection file to write; asked with a save dialog when absent. */
  out?: string;
  /** Replace `out` if it exists. Without it an existing file is only replaced after a "Replace" answer in the dialog. */
  force?: boolean;
}

/** `Thredd: Export as Postman Collection…`: request files into a v2.1 collection; returns the file written. */
export async function exportPostmanCollectionCommand(
  log: vscode.LogOutputChannel,
  args: ExportPostmanArgs = {},
): Promise<string | undefined> {
  const files = args.files?.map((file) => workspacePath(file)) ?? (await pickFiles());
  if (!files || files.length === 0) return undefined;
  let force = args.force === true;
  let out = args.out ? workspacePath(args.out) : undefined;
  if (!out) {
    const chosen = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(path.dirname(files[0]), 'collection.postman_collection.json')),
      filters: { 'Postman collection': ['json'] },
      title: 'Save Postman collection as',
    });
    if (!chosen) return undefined;
    out = chosen.fsPath;
    // The save dialog has already asked whether to replace an existing file.
    force = force || fs.existsSync(out);
  }
  try {
    const target = out;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting ${path.basename(target)}…` },
      () => exportPostman({ files, out: target, force, name: path.basename(target).replace(/(\.postman_collection)?\.json$/i, '') }),
    );
    for (const note of result.notes) log.info(`Postman export: ${note.where}: ${note.message}`);
    log.info(`Exported ${result.requests} request(s) from ${result.folders} file(s) to ${result.out}.`);
    void vscode.window.showInformationMessage(
      `Exported ${result.requests} request(s) to ${path.basename(result.out)}. Secrets are not exported: set the empty ` +
        `variables (accessToken, …) in Postman.${result.notes.length ? ` ${result.notes.length} note(s) in the Thredd log.` : ''}`,
    );
    return result.out;
  } catch (error) {
    showUserError(log, error, 'Export as Postman Collection');
    return undefined;
  }
}

/** The workspace's request files, the active editor's first and picked. */
async function pickFiles(): Promise<string[] | undefined> {
  const found = await vscode.workspace.findFiles('**/*.{thredd,http,rest}', '**/node_modules/**', 2000);
  const active = vscode.window.activeTextEditor?.document.uri.fsPath;
  const items = found
    .map((uri) => ({ label: vscode.workspace.asRelativePath(uri), picked: uri.fsPath === active, path: uri.fsPath }))
    .sort((a, b) => Number(b.picked) - Number(a.picked) || a.label.localeCompare(b.label));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('There are no .thredd or .http files in this workspace to export.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Files to export as a Postman collection' });
  return picked?.map((item) => item.path);
}
