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
        assert.ok(
          !extension.extensionPath.startsWith(process.env.THREDD_REPO_ROOT ?? '\0'),
          `loaded from ${extension.extensionPath}, not the source folder`,
        );
        await extension.activate();
        assert.equal(extension.isActive, true);
        assert.ok((await vscode.commands.getCommands(true)).includes('thredd.createConfig'));
      });

      it('ships the heavy parts (undici, PKI, node-forge, catalogue, JSON service, engine, Postman, EHI) as lazy files', async () => {
        const extension = vscode.extensions.getExtension('thredd-tools.thredd-vscode')!;
        await extension.activate();
        const lazy = path.join(extension.extensionPath, 'dist', 'lazy');
        assert.deepEqual(
          Object.keys(require.cache).filter((file) => file.startsWith(lazy)),
          [],
          'nothing from dist/lazy is loaded by activation',
        );
        assert.deepEqual(fs.readdirSync(lazy).sort(), [
          'api-editing.js',
          'catalogue.js',
          'ehi-check.js',
          'ehi-sandbox.js',
          'engine.js',
          'json-language-service.js',
          'jsonpath-plus.js',
          'node-forge.js',
          'pki.js',
          'postman.js',
          'transport.js',
        ]);
        assert.equal(typeof require(path.join(lazy, 'transport.js')).AgentPool, 'function');
        assert.equal(typeof require(path.join(lazy, 'pki.js')).inspectBytes, 'function');
        assert.equal(typeof require(path.join(lazy, 'node-forge.js')).pkcs12.generateKey, 'function');
        assert.equal(typeof require(path.join(lazy, 'jsonpath-plus.js')).JSONPath, 'function');
        assert.equal(require(path.join(lazy, 'catalogue.js')).OPERATIONS.length, 11);
        assert.equal(typeof require(path.join(lazy, 'json-language-service.js')).getLanguageService, 'function');
        assert.equal(typeof require(path.join(lazy, 'postman.js')).importPostman, 'function');
        assert.equal(typeof require(path.join(lazy, 'api-editing.js')).BodyLanguage, 'function');
        assert.equal(typeof require(path.join(lazy, 'ehi-check.js')).checkEhiEndpointCommand, 'function');
        assert.equal(typeof require(path.join(lazy, 'ehi-sandbox.js')).loadEhiSigning, 'function');
        const engine = require(path.join(lazy, 'engine.js'));
        for (const part of ['runSession', 'RequestRunner', 'TokenClient', 'createHttpClient'])
          assert.equal(typeof engine[part], 'function', part);
      });

      it('opens .thredd files as the thredd language, and describes their calls from the catalogue loaded then', async () => {
        const products = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'requests', 'products.thredd');
        const document = await vscode.workspace.openTextDocument(products);
        assert.equal(document.languageId, 'thredd');
        const call = await vscode.workspace.openTextDocument({ language: 'thredd', content: 'GET {{baseUrl}}/core/api/v1/products\n' });
        const at = new vscode.Position(0, 25);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', call.uri, at);
        const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
        assert.match(text.join(), /`products\.list`/);
      });
    });
  });
}
