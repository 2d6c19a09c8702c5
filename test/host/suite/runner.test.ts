import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunResult } from '../../../src/core/runner/types';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import { createTestCa } from '../../support/testPki';
import { activateExtension, updateSetting, useTestEnvironment, waitFor, workspaceUri } from './helpers';
import { joinedPattern } from '../../support/joinedPattern';

describe('sending requests from .thredd files in the real host', () => {
  const requestFile = workspaceUri('requests', 'local.thredd');
  let restoreEnvironment: () => Promise<void>;
  let server: TestHttpsServer;
  let seen: { url?: string; headers: Record<string, unknown> }[] = [];

  before(async () => {
    await activateExtension();
    const ca = await createTestCa();
    const serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
    const client = await ca.issue({ commonName: 'runner-app', usage: 'client' });
    server = await startHttpsServer(
      { certPem: serverCert.certPem, keyPem: serverCert.keyPem, caPem: ca.certPem, requestCert: true },
      (request, response) => {
        seen.push({ url: request.url, headers: request.headers });
        if (request.url === '/big') return void response.end(Buffer.alloc(2 * 1024 * 1024, 0x61));
        const clientCertificate = (request.socket as import('node:tls').TLSSocket).getPeerCertificate();
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({ items: [{ id: 'prod-1', name: '<Gold & "Black">' }], clientCN: clientCertificate?.subject?.CN ?? null }),
        );
      },
    );
    const dir = workspaceUri('runner-certs').fsPath;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
    fs.writeFileSync(path.join(dir, 'client.pem'), client.certPem);
    fs.writeFileSync(path.join(dir, 'client.key'), client.keyPem, { mode: 0o600 });
    fs.writeFileSync(
      requestFile.fsPath,
      '### Products over mTLS\n# @name products\n# @expect status 200\n# @expect body $.items.length > ' +
        '0\nGET {{baseUrl}}/core/api/v1/products\nAccept: application/json\n\n### Missing\n# @expect ' +
        'status 404\nGET {{baseUrl}}/nothing\n',
    );
    const mtls = { cert: 'runner-certs/client.pem', key: 'runner-certs/client.key' };
    restoreEnvironment = await useTestEnvironment('local', { baseUrl: server.url, region: '2', ca: 'runner-certs/ca.pem', mtls });
  });

  after(async () => {
    await server.close();
    await restoreEnvironment();
  });

  it('sends the request of a CodeLens over mTLS and opens the response view with the status', async () => {
    const api = await activateExtension();
    await vscode.window.showTextDocument(requestFile);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', requestFile);
    const send = lenses.find((lens) => lens.command?.title === 'Send Request')!;
    seen = [];
    const result = await vscode.commands.executeCommand<RunResult>(send.command!.command, ...(send.command!.arguments ?? []));
    assert.equal(result.response?.status, 200);
    assert.equal(result.ok, true, 'both expectations pass');
    assert.equal(seen[0].headers['x-region'], '2', 'X-Region comes from the environment');
    assert.equal(result.tls?.clientCertificate?.subject.includes('runner-app'), true, 'the client certificate was presented');

    const view = await waitFor('the response view', () => api.lastResponseView()?.result.id === result.id && api.lastResponseView());
    assert.match(view.html, /<span class="status status-2xx">200 OK<\/span>/);
    assert.match(view.html, /content="default-src 'none';[^"]*script-src 'nonce-/);
    assert.match(
      view.html,
      joinedPattern(
        /<span class="json-key">&quot;name&quot;<\/span>: /,
        /<span class="json-string">&quot;&lt;Gold &amp; \\&quot;Black\\&quot;&gt;&quot;<\/span>/,
      ),
      'the body is pretty JSON, escaped',
    );
    assert.match(view.html, /✓ /, 'expectations are listed');
    assert.match(view.html, /runner-app/, 'the TLS tab names the client certificate');
  });

  it('reports a failed expectation and keeps the run in history', async () => {
    const result = await vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: requestFile.toString(), index: 1 });
    assert.equal(result.response?.status, 200, 'the test server answers 200 everywhere');
    assert.equal(result.ok, false);
    assert.match(result.expectations[0].message, /404/);
    const opened = await vscode.commands.executeCommand<string>('thredd.showHistory', { open: result.id });
    assert.equal(opened, result.id);
  });

  it('keeps named responses between sends, and Send All with stop-on-failure sends nothing after the first failure', async () => {
    const chain = workspaceUri('requests', 'chain.thredd');
    const requests = [
      '### Missing first\n# @expect status 404\nGET {{baseUrl}}/nothing',
      '# @name products\nGET {{baseUrl}}/core/api/v1/products',
      '# @name detail\nGET {{baseUrl}}/core/api/v1/products/{{products.response.body.$.items[0].id}}',
    ];
    fs.writeFileSync(chain.fsPath, requests.join('\n###\n') + '\n');
    seen = [];
    const stopped = await vscode.commands.executeCommand<RunResult[]>('thredd.sendAll', { uri: chain.toString(), bail: true });
    assert.deepEqual(
      stopped.map((result) => result.ok),
      [false],
    );
    assert.deepEqual(
      seen.map((request) => request.url),
      ['/nothing'],
    );

    const products = await vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: chain.toString(), index: 1 });
    assert.equal(products.ok, true);
    const detail = await vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: chain.toString(), index: 2 });
    assert.deepEqual(detail.dependencies, [], 'the products response of the earlier send is reused');
    assert.equal(detail.request?.url, `${server.url}/core/api/v1/products/prod-1`);
    assert.deepEqual(
      seen.map((request) => request.url),
      ['/nothing', '/core/api/v1/products', '/core/api/v1/products/prod-1'],
    );
  });

  it('explains a connection failure in plain words instead of failing silently', async () => {
    const api = await activateExtension();
    const closed = workspaceUri('requests', 'closed.thredd');
    fs.writeFileSync(closed.fsPath, '# @no-auth\nGET https://127.0.0.1:9/unreachable\n');
    const result = await vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: closed.toString(), index: 0 });
    assert.equal(result.response, undefined);
    assert.equal(result.error?.kind, 'connection-refused');
    const view = await waitFor('the error view', () => api.lastResponseView()?.result.id === result.id && api.lastResponseView());
    assert.match(view.html, /role="alert"/);
    assert.match(view.html, /No response/);
  });

  it('stops a response larger than thredd.response.maxBodyMB, and reads it again once the limit is raised', async () => {
    const big = workspaceUri('requests', 'big.thredd');
    fs.writeFileSync(big.fsPath, 'GET {{baseUrl}}/big\n');
    const settings = vscode.workspace.getConfiguration('thredd');
    await settings.update('response.maxBodyMB', 1, vscode.ConfigurationTarget.Global);
    try {
      const stopped = await vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: big.toString(), index: 0 });
      assert.equal(stopped.response, undefined);
      assert.match(stopped.error?.message ?? '', /larger than the 1\.0 MiB limit; reading stopped there and nothing of it was kept/);
    } finally {
      await settings.update('response.maxBodyMB', undefined, vscode.ConfigurationTarget.Global);
    }
    const read = await vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: big.toString(), index: 0 });
    assert.equal(read.response?.status, 200);
    assert.equal(read.response?.size, 2 * 1024 * 1024);
  });

  it('sends the next request on a new connection once a network setting changes', async () => {
    const send = () => vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: requestFile.toString(), index: 0 });
    assert.equal((await send()).response?.status, 200);
    const before = server.handshakes();
    assert.equal((await send()).timings?.reused, true, 'unchanged settings: the connection is reused');
    assert.equal(server.handshakes(), before);

    await updateSetting('http', 'noProxy', ['no-such-host.invalid']);
    try {
      const after = await send();
      assert.equal(after.response?.status, 200);
      assert.equal(after.timings?.reused, false, 'a new HTTP client opens a new connection');
      assert.equal(server.handshakes(), before + 1);
    } finally {
      await updateSetting('http', 'noProxy', undefined);
    }
  });
});
