import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import type { OperationGroup, OperationPick } from '../../core/apiEditing';
import type { LanguageContext } from '../language/languageContext';
import { loadApiEditing } from './loadApiEditing';

/** What tests and links pass instead of picking: an operation id, and one of its examples (default its first success). */
export interface NewRequestFromApiArgs {
  operationId: string;
  exampleId?: string;
}

/**
 * `Thredd: New Request from API…`: picks a catalogue operation (grouped by resource, filtered by method, path, id
 * and summary) and appends its example as a complete request, with its body and `# @expect`, to the active
 * .thredd document, or to a new one, and shows it. Answers the document, or undefined when the pick was dismissed.
 */
export async function newRequestFromApiCommand(
  language: LanguageContext,
  args?: NewRequestFromApiArgs,
): Promise<vscode.TextDocument | undefined> {
  const { api } = await loadApiEditing();
  const operationId = args?.operationId ?? (await pickOperation(api.operationGroups()))?.operationId;
  if (!operationId) return undefined;
  const operation = api.OPERATIONS.find((candidate) => candidate.id === operationId);
  if (!operation) {
    throw new UserError(
      `The catalogue has no operation "${operationId}".`,
      `Use one of: ${api.OPERATIONS.map(({ id }) => id).join(', ')}.`,
    );
  }
  const exampleId = args?.exampleId;
  if (exampleId !== undefined && !operation.examples.some((example) => example.id === exampleId)) {
    throw new UserError(
      `${operation.id} has no example "${exampleId}".`,
      `Its examples: ${operation.examples.map(({ id }) => id).join(', ')}.`,
    );
  }
  const active = vscode.window.activeTextEditor?.document;
  const document = active?.languageId === 'thredd' ? active : await vscode.workspace.openTextDocument({ language: 'thredd', content: '' });
  const apiRoot = api.apiRootFor(language.store.get(document), (await language.activeEnvironment.get())?.baseUrl);
  const text = api.newRequestText(document.getText(), operation, { exampleId, apiRoot });
  const end = document.lineAt(document.lineCount - 1).range.end;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, end, text);
  await vscode.workspace.applyEdit(edit);
  const editor = await vscode.window.showTextDocument(document);
  // The request starts at its `###` line, the first of the inserted text that is not blank.
  const first = end.line + text.slice(0, text.indexOf('###')).split('\n').length - 1;
  const start = new vscode.Position(first, 0);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, document.lineAt(document.lineCount - 1).range.end), vscode.TextEditorRevealType.AtTop);
  return document;
}

type PickItem = vscode.QuickPickItem & { pick?: OperationPick };

async function pickOperation(groups: readonly OperationGroup[]): Promise<OperationPick | undefined> {
  const items: PickItem[] = groups.flatMap((group) => [
    { label: group.resource, kind: vscode.QuickPickItemKind.Separator },
    ...group.picks.map((pick) => ({ label: pick.label, description: pick.description, detail: pick.detail, pick })),
  ]);
  const chosen = await vscode.window.showQuickPick(items, {
    title: 'New Request from API',
    placeHolder: "A call of Thredd's Cards API: its example request is added to the file",
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return chosen?.pick;
}
