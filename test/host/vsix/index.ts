import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

      it('ships undici, the PKI code, node-forge and jsonpath-plus as files it loads on first use, not at activation', async () => {
        const extension = vscode.extensions.getExtension('thredd-tools.thredd-vscode')!;
        await extension.activate();
        const lazy = path.join(extension.extensionPath, 'dist', 'lazy');
        assert.deepEqual(Object.keys(require.cache).filter((file) => file.startsWith(lazy)), [], 'nothing from dist/lazy is loaded by activation');
        assert.deepEqual(fs.readdirSync(lazy).sort(), ['jsonpath-plus.js', 'node-forge.js', 'pki.js', 'transport.js']);
        assert.equal(typeof require(path.join(lazy, 'transport.js')).AgentPool, 'function');
        assert.equal(typeof require(path.join(lazy, 'pki.js')).inspectBytes, 'function');
        assert.equal(typeof require(path.join(lazy, 'node-forge.js')).pkcs12.generateKey, 'function');
        assert.equal(typeof require(path.join(lazy, 'jsonpath-plus.js')).JSONPath, 'function');
      });
    });
  });
}
