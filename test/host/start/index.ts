import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../src/core/tree';
import { runMochaSuites } from '../suite/mochaRunner';
import { activateExtension, waitFor, workspaceUri } from '../suite/helpers';

/** Every certificate file a tree shows, at any depth. */
function certificateFiles(nodes: readonly TreeNode[]): string[] {
  return nodes.flatMap((node) => [
    ...(node.kind === 'certificate' ? [node.file] : []),
    ...certificateFiles(((node as { children?: TreeNode[] }).children ?? []) as TreeNode[]),
  ]);
}

/**
 * A new user's first screen: the samples workspace opened the way `npm start` opens it (its own
 * editor profile, the sandbox already started by npm start, outside the editor).
 */
export function run(): Promise<void> {
  return runMochaSuites(() => {
    describe('the first screen after npm start', () => {
      it('shows the Thredd walkthrough as the active editor, beside a request file, with the Thredd view open', async () => {
        const api = await activateExtension();
        const active = await waitFor(
          'the Thredd walkthrough to be the active editor',
          () => {
            const label = vscode.window.tabGroups.activeTabGroup.activeTab?.label;
            return label === 'Walkthrough: Thredd' && label;
          },
          20_000,
        ).catch((error: Error) => {
          const tabs = vscode.window.tabGroups.all.map((group) => group.tabs.map((tab) => `${tab.label}${tab.isActive ? '*' : ''}`));
          throw new Error(`${error.message}; tabs: ${JSON.stringify(tabs)}`);
        });
        assert.equal(active, 'Walkthrough: Thredd');
        const open = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.input));
        assert.ok(
          open.some((input) => input instanceof vscode.TabInputText && input.uri.path.endsWith('.thredd')),
          'a request file is open beside it',
        );
        assert.equal(api.threddViewVisible(), true, 'the Thredd view is open');
      });

      it('says the sandbox npm start runs is running, and who started it', async () => {
        const api = await activateExtension();
        await waitFor('the status bar to say the sandbox runs', () => /Sandbox: running/.test(api.sandboxStatusText()), 15_000);
      });

      it("lists the user's certificates and none of the sandbox's own state files", async () => {
        const api = await activateExtension();
        const files = await waitFor('the certificates to be listed', async () => {
          const found = certificateFiles((await api.getTreeModel(true)).roots);
          return found.some((file) => file.endsWith('sandbox-app-rtstransport.pem')) && found;
        });
        const state = workspaceUri('.thredd').fsPath;
        assert.deepEqual(
          files.filter((file) => file.startsWith(state)),
          [],
          'nothing from .thredd/sandbox (CA, server, issued certificates)',
        );
      });

      it('stops the sandbox npm start runs when the stop is confirmed, and then shows it stopped', async () => {
        const api = await activateExtension();
        const running = workspaceUri('.thredd', 'sandbox', 'running.json').fsPath;
        const record = JSON.parse(fs.readFileSync(running, 'utf8')) as { pid: number; owner: string };
        assert.equal(record.owner, 'npm start');
        await vscode.commands.executeCommand('thredd.stopSandbox', { confirmed: true });
        await waitFor('the status bar to say the sandbox stopped', () => /Sandbox: stopped/.test(api.sandboxStatusText()), 10_000);
        assert.throws(() => process.kill(record.pid, 0), /ESRCH/, 'the sandbox process is gone');
        assert.equal(fs.existsSync(running), false, 'and it removed its running.json');
      });
    });
  });
}
