import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runMochaSuites } from '../suite/mochaRunner';

/** Runs in a host where the packaged .vsix was installed with --install-extension (not the dev folder). */
export function run(): Promise<void> {
  return runMochaSuites(() => {
    describe('the packaged .vsix', () => {
      it('is installed from the extensions folder and activates', async () => {
        const extension = vscode.extensions.getExtension('thredd-tools.thredd-vscode');
        assert.ok(extension, 'the .vsix extension is installed');
        assert.ok(!extension.extensionPath.startsWith(process.env.THREDD_REPO_ROOT ?? '\0'), `loaded from ${extension.extensionPath}, not the source folder`);
        await extension.activate();
        assert.equal(extension.isActive, true);
        assert.ok((await vscode.commands.getCommands(true)).includes('thredd.createConfig'));
        const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'requests', 'products.thredd'));
        assert.equal(document.languageId, 'thredd');
      });
    });
  });
}
