import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ENVIRONMENT_TEMPLATES, renderConfigFromTemplates } from '../../core/config';
import { FileExistsError, writeFileExclusive } from '../../core/fs/safeWrite';

export interface CreateConfigArgs {
  /** Template ids (see ENVIRONMENT_TEMPLATES); asked with a quick pick when absent. */
  templates?: string[];
  /** Open the new file in an editor (default true). */
  open?: boolean;
}

/** `Thredd: Create thredd.json`: writes a config from Thredd's UAT/Production templates, never over an existing one. */
export async function createConfig(args: CreateConfigArgs = {}): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Open a folder first: thredd.json lives at the root of the workspace folder.');
    return undefined;
  }
  const templates = args.templates ?? (await pickTemplates());
  if (!templates || templates.length === 0) return undefined;

  const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  try {
    await writeFileExclusive(uri.fsPath, renderConfigFromTemplates(templates), 0o644);
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw error;
    // Not awaited: the command finishes now, the notification waits for the user.
    void vscode.window.showWarningMessage(`${CONFIG_FILE_NAME} already exists and was not changed.`, 'Open It').then((choice) => {
      if (choice === 'Open It') void vscode.window.showTextDocument(uri);
    });
    return undefined;
  }
  if (args.open !== false) await vscode.window.showTextDocument(uri);
  return uri;
}

async function pickTemplates(): Promise<string[] | undefined> {
  const picks = await vscode.window.showQuickPick(
    ENVIRONMENT_TEMPLATES.map((template, index) => ({
      label: template.label,
      description: template.description,
      id: template.id,
      picked: index === 0,
    })),
    {
      canPickMany: true,
      title: 'Create thredd.json',
      placeHolder: 'Choose the Thredd environments to start with (Space to toggle, Enter to create)',
    },
  );
  return picks?.map((pick) => pick.id);
}
