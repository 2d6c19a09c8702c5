import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { runMochaSuites } from '../suite/mochaRunner';
import { activateExtension, workspaceUri } from '../suite/helpers';

/** Runs in a workspace VS Code has not trusted (restricted mode): language features only. */
export function run(): Promise<void> {
  return runMochaSuites(() => {
    describe('an untrusted workspace', () => {
      it('is untrusted, and the extension still activates', async () => {
        assert.equal(vscode.workspace.isTrusted, false);
        await activateExtension();
      });

      it('keeps the .thredd language features', async () => {
        const cards = workspaceUri('requests', 'cards.thredd');
        await vscode.workspace.openTextDocument(cards);
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', cards);
        assert.equal(lenses.filter((lens) => lens.command?.command === 'thredd.sendRequest').length, 3);
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', cards);
        assert.equal(symbols.length, 3);
      });

      it('refuses to send requests, read or generate keys, and start the sandbox', async () => {
        const cards = workspaceUri('requests', 'cards.thredd');
        assert.equal(await vscode.commands.executeCommand('thredd.sendRequest', { uri: cards.toString(), index: 0 }), undefined);
        assert.equal(
          await vscode.commands.executeCommand('thredd.generateCsr', { type: 'transport', commonName: 'untrusted', outDir: 'certs' }),
          undefined,
        );
        assert.equal(fs.existsSync(workspaceUri('certs', 'untrusted-rtstransport.key').fsPath), false, 'no key was written');
        assert.equal(await vscode.commands.executeCommand('thredd.startSandbox'), undefined);
      });

      it('does not expand ${env:...} references from thredd.json', async () => {
        process.env.THREDD_UNTRUSTED_PROBE = 'read-from-the-environment';
        fs.writeFileSync(
          workspaceUri('thredd.json').fsPath,
          JSON.stringify({ environments: { e: { baseUrl: 'https://x.test', variables: { probe: '${env:THREDD_UNTRUSTED_PROBE}' } } } }),
        );
        const api = await activateExtension();
        const config = (await api.getConfig(true))?.config;
        assert.equal(config?.environments.e.variables.probe, '', 'the variable is left unset');
      });
    });
  });
}
