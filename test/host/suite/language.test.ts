import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceUri } from './helpers';

describe('the thredd language', () => {
  it('is set on .thredd files', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('requests', 'products.thredd'));
    assert.equal(document.languageId, 'thredd');
  });

  it('comments lines with # through the language configuration', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'thredd', content: 'GET https://example.test/\n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(document.lineAt(0).text, '# GET https://example.test/');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
