import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, workspaceUri } from './helpers';

describe('Export as Postman Collection in the real host', () => {
  before(async () => {
    await activateExtension();
  });

  it('writes the files given as a v2.1 collection without asking, and never replaces it without force', async () => {
    const source = workspaceUri('postman-export/cards.thredd').fsPath;
    fs.mkdirSync(workspaceUri('postman-export').fsPath, { recursive: true });
    fs.writeFileSync(
      source,
      '@apiKey = sk-host-secret\n# @name list\n# @expect status 200\nGET {{baseUrl}}/cards\nX-Api-Key: {{apiKey}}\n',
    );
    const args = { files: ['postman-export/cards.thredd'], out: 'postman-export/cards.postman_collection.json' };
    const out = await vscode.commands.executeCommand<string>('thredd.exportPostmanCollection', args);
    assert.equal(out, workspaceUri('postman-export/cards.postman_collection.json').fsPath);
    const written = fs.readFileSync(out, 'utf8');
    const collection = JSON.parse(written);
    assert.equal(collection.info.schema, 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    assert.equal(collection.info.name, 'cards');
    assert.equal(collection.item[0].name, 'cards');
    assert.equal(collection.item[0].item[0].name, 'list');
    assert.equal(collection.item[0].item[0].request.url.raw, '{{baseUrl}}/cards');
    assert.ok(!written.includes('sk-host-secret'), 'the secret is not exported');

    fs.writeFileSync(source, 'GET {{baseUrl}}/changed\n');
    const again = await vscode.commands.executeCommand('thredd.exportPostmanCollection', args);
    assert.equal(again, undefined);
    assert.equal(fs.readFileSync(out, 'utf8'), written, 'the existing collection is left as it was');
    const forced = await vscode.commands.executeCommand<string>('thredd.exportPostmanCollection', { ...args, force: true });
    assert.equal(JSON.parse(fs.readFileSync(forced, 'utf8')).item[0].item[0].request.url.raw, '{{baseUrl}}/changed');
  });
});
