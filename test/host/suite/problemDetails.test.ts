import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { validationProblem } from '../../../src/core/catalogue';
import type { RunResult } from '../../../src/core/runner/types';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import { createTestCa } from '../../support/testPki';
import { activateExtension, screenshot, useTestEnvironment, waitFor, workspaceUri } from './helpers';

const TRACE_ID = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
const FIELD_ERRORS = {
  'cardHolder.dateOfBirth': ['The dateOfBirth field is required.'],
  nameOnCard: ['The field nameOnCard must be a string with a maximum length of 26.'],
};

describe('a problem-details answer in the response view', () => {
  const requestFile = workspaceUri('requests', 'problem.thredd');
  let server: TestHttpsServer;
  let restoreEnvironment: () => Promise<void>;

  before(async () => {
    const ca = await createTestCa();
    const serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
    // Thredd's answer to a card without a date of birth and with too long a name (the catalogue's shape).
    server = await startHttpsServer({ certPem: serverCert.certPem, keyPem: serverCert.keyPem }, (request, response) => {
      if (request.method === 'GET') {
        response.setHeader('content-type', 'application/json');
        return void response.end(JSON.stringify({ status: 'fine', title: 'not a problem' }));
      }
      response.statusCode = 400;
      response.setHeader('content-type', 'application/problem+json; charset=utf-8');
      response.end(JSON.stringify(validationProblem(400, FIELD_ERRORS, TRACE_ID)));
    });
    const dir = workspaceUri('problem-certs').fsPath;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
    const body = '{\n  "cardType": "Physical",\n  "cardProduct": 1001,\n  "nameOnCard": "DR AMARA CHIOMA OKAFOR-WILLIAMS"\n}';
    const create = ['### Create a card', '# @name create', '# @expect status 400', 'POST {{baseUrl}}/core/api/v1/cards'];
    create.push('Content-Type: application/json', '', body, '');
    fs.writeFileSync(requestFile.fsPath, [...create, '### Products', 'GET {{baseUrl}}/core/api/v1/products', ''].join('\n'));
    restoreEnvironment = await useTestEnvironment('problems', { baseUrl: server.url, region: '0', ca: 'problem-certs/ca.pem' });
  });

  after(async () => {
    await server.close();
    await restoreEnvironment();
  });

  it('shows the title, the field errors and the traceId at the top, and copies the traceId', async () => {
    const api = await activateExtension();
    await vscode.window.showTextDocument(requestFile);
    const result = await vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: requestFile.toString(), index: 0 });
    assert.equal(result.response?.status, 400);
    assert.equal(result.ok, true, 'the request expected its 400');

    const view = await waitFor('the response view', () => api.lastResponseView()?.result.id === result.id && api.lastResponseView());
    const top = view.html.slice(0, view.html.indexOf('role="tablist"'));
    assert.match(top, /<h2 id="problem-title"><span class="status status-4xx">400<\/span> One or more validation errors occurred\.<\/h2>/);
    assert.match(top, /<dt><code>cardHolder\.dateOfBirth<\/code><\/dt><dd><ul><li>The dateOfBirth field is required\.<\/li><\/ul><\/dd>/);
    assert.match(top, /<dt><code>nameOnCard<\/code><\/dt><dd><ul><li>The field nameOnCard must be a string with a maximum length of 26\./);
    assert.match(top, new RegExp(`<code id="problem-trace-id">${TRACE_ID}</code><button type="button" data-action="copyTraceId"`));
    await screenshot('problem-details');

    await vscode.env.clipboard.writeText('something else');
    await view.receive({ type: 'copyTraceId' });
    assert.equal(await vscode.env.clipboard.readText(), TRACE_ID);
  });

  it('ignores a message the page cannot send, and copies nothing from an answer without a problem', async () => {
    const api = await activateExtension();
    const view = api.lastResponseView()!;
    await vscode.env.clipboard.writeText('untouched');
    await view.receive({ type: 'copyTraceId', value: 'from the page' });
    assert.equal(await vscode.env.clipboard.readText(), TRACE_ID, 'the traceId comes from the result, never from the message');
    await vscode.env.clipboard.writeText('untouched');
    await view.receive({ type: 'runAnything' });
    await view.receive('copyTraceId');
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');

    const fine = await vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: requestFile.toString(), index: 1 });
    const plain = await waitFor("the plain answer's view", () => api.lastResponseView()?.result.id === fine.id && api.lastResponseView());
    assert.doesNotMatch(plain.html, /class="problem"|copyTraceId/);
    await plain.receive({ type: 'copyTraceId' });
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');
  });
});
