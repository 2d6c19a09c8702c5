import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

describe('extension activation in the real VS Code host', () => {
  it('activates and returns its API', async () => {
    const api = await activateExtension();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.equal(typeof api.getConfig, 'function');
  });

  it('registers its commands under thredd.*', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['thredd.createConfig', 'thredd.reloadConfig', 'thredd.showLog']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('runs a command: Show Log opens the Thredd log channel without error', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('thredd.showLog');
  });
});
