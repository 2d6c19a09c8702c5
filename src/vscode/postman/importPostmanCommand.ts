import * as path from 'node:path';
import * as vscode from 'vscode';
import { importPostman, reportMarkdown, type ImportReport } from '../../core/postman';
import { showUserError } from '../userErrors';
import { workspacePath } from '../workspacePaths';

export interface ImportPostmanArgs {
  collection?: string;
  environments?: string[];
  /** Output folder; default: a folder named after the collection in the first workspace folder. */
  out?: string;
  force?: boolean;
}

export interface ImportPostmanResult {
  report: ImportReport;
  /** The report document opened (markdown). */
  reportUri: vscode.Uri;
}

const JSON_FILTER = { 'Postman JSON': ['json'] };

async function pickFiles(title: string, many: boolean): Promise<string[] | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, canSelectMany: many, filters: JSON_FILTER, openLabel: 'Import' });
  return picked?.map((uri) => uri.fsPath);
}

/**
 * `Thredd: Import Postman Collection…`: the same import as `thredd import postman`, then the report as a markdown
 * preview. Asks only for what the arguments leave out; when the collection is given, nothing else is asked.
 */
export async function importPostmanCommand(
  log: vscode.LogOutputChannel,
  args: ImportPostmanArgs = {},
): Promise<ImportPostmanResult | undefined> {
  const asked = !args.collection;
  const collection = args.collection
    ? workspacePath(args.collection)
    : (await pickFiles('Postman collection (v2.0 or v2.1 JSON) to import', false))?.[0];
  if (!collection) return undefined;
  const environments =
    args.environments?.map(workspacePath) ??
    (asked ? ((await pickFiles('Postman environments to import (Cancel for none)', true)) ?? []) : []);
  let cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.dirname(collection);
  const out = args.out && workspacePath(args.out);
  if (!out && asked) {
    const title = 'Folder to import into (a folder named after the collection is made in it)';
    const picked = await vscode.window.showOpenDialog({
      title,
      canSelectFolders: true,
      canSelectFiles: false,
      defaultUri: vscode.Uri.file(cwd),
    });
    if (!picked) return undefined;
    cwd = picked[0].fsPath;
  }
  return run(log, { collection, environments, out, cwd, force: args.force });
}

async function run(
  log: vscode.LogOutputChannel,
  options: { collection: string; environments: string[]; out?: string; cwd: string; force?: boolean },
): Promise<ImportPostmanResult | undefined> {
  try {
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Importing ${path.basename(options.collection)}` },
      (progress) => importPostman({ ...options, onProgress: (message) => progress.report({ message }) }),
    );
    log.info(`Imported Postman collection "${report.collection}": ${report.requests} requests in ${report.files.length} files.`);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: reportMarkdown(report) });
    await vscode.commands
      .executeCommand('markdown.showPreview', document.uri)
      .then(undefined, () => vscode.window.showTextDocument(document));
    return { report, reportUri: document.uri };
  } catch (error) {
    void showUserError(log, error, 'Import Postman collection');
    return undefined;
  }
}
