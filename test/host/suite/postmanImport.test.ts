import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportPostmanResult } from '../../../src/vscode/postman/importPostmanCommand';

const COLLECTION = {
  info: { name: 'Host Cards', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  variable: [{ key: 'baseUrl', value: 'https://api.example.com' }],
  item: [
    {
      name: 'Cards',
      item: [
        {
          name: 'Get card',
          request: { method: 'GET', url: '{{baseUrl}}/cards/:id', header: [{ key: 'Accept', value: 'application/json' }] },
          event: [{ listen: 'test', script: { exec: ['pm.response.to.have.status(200);', 'console.log("not translated");'] } }],
        },
      ],
    },
  ],
};

describe('Thredd: Import Postman Collection…', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-host-postman-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports a collection and its environment given as arguments, and opens the report', async () => {
    fs.writeFileSync(path.join(dir, 'cards.json'), JSON.stringify(COLLECTION));
    const secret = 'host-test-secret-value';
    fs.writeFileSync(
      path.join(dir, 'uat.json'),
      JSON.stringify({ name: 'UAT', values: [{ key: 'apiSecret', value: secret, type: 'secret', enabled: true }] }),
    );
    const out = path.join(dir, 'imported');
    const result = await vscode.commands.executeCommand<ImportPostmanResult>('thredd.importPostmanCollection', {
      collection: path.join(dir, 'cards.json'),
      environments: [path.join(dir, 'uat.json')],
      out,
    });
    assert.ok(result, 'the command returns its result');
    assert.equal(result.report.requests, 1);
    assert.deepEqual(result.report.files, ['Cards.thredd']);
    const text = fs.readFileSync(path.join(out, 'Cards.thredd'), 'utf8');
    assert.match(text, /^# @expect status 200$/m);
    assert.match(text, /^# {3}console\.log\("not translated"\);$/m);
    const config = JSON.parse(fs.readFileSync(path.join(out, 'thredd.json'), 'utf8'));
    assert.equal(config.environments.UAT.variables.apiSecret, '${env:API_SECRET}');

    const report = vscode.workspace.textDocuments.find((document) => document.uri.toString() === result.reportUri.toString());
    assert.ok(report, 'the report is open');
    assert.equal(report.languageId, 'markdown');
    assert.match(report.getText(), /\| Requests imported \| 1 \|/);
    assert.match(report.getText(), /\| Script statements kept as comments \(not run\) \| 1 \|/);
    assert.match(report.getText(), /Cards\/Get card \| test \| 1 \|/);
    assert.ok(!report.getText().includes(secret), 'the report never shows a secret');
    assert.equal(report.uri.fsPath, path.join(out, 'postman-import-report.md'));
  });

  it('refuses a file that is not a collection and writes nothing', async () => {
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ "info": { "name": "cut off"');
    const out = path.join(dir, 'broken-out');
    const result = await vscode.commands.executeCommand('thredd.importPostmanCollection', {
      collection: path.join(dir, 'broken.json'),
      out,
    });
    assert.equal(result, undefined);
    assert.equal(fs.existsSync(out), false);
  });
});
