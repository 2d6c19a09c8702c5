import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { RunResult } from '../../../src/core/runner/types';
import type { AssertionSummary } from '../../../src/vscode/auth/clientAssertionCommand';
import type { TokenSummary } from '../../../src/vscode/auth/authCommands';
import { startForwardProxy } from '../../support/forwardProxy';
import { activateExtension, EXTENSION_ID, screenshot, updateSetting, waitFor, workspaceUri } from './helpers';

describe('the local sandbox, tokens and a first call from the real host', () => {
  const configUri = workspaceUri('thredd.json');
  const requestFile = workspaceUri('requests', 'sandbox-cards.thredd');
  let original: string;

  before(async function () {
    this.timeout(120_000);
    await activateExtension();
    original = fs.readFileSync(configUri.fsPath, 'utf8');
    const environments = await vscode.commands.executeCommand<string[]>('thredd.setUpSandbox');
    assert.deepEqual(environments, ['sandbox-mtls', 'sandbox', 'sandbox-readonly']);
    const started = await vscode.commands.executeCommand<{ urls: { tls: string; mtls: string } }>('thredd.startSandbox');
    assert.equal(started?.urls.mtls, 'https://127.0.0.1:8444');
    // The samples workspace's own request file, as npm start opens it.
    const samples = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    fs.copyFileSync(`${samples}/samples/requests/cards.thredd`, requestFile.fsPath);
  });

  after(async () => {
    await vscode.commands.executeCommand('thredd.stopSandbox');
    fs.writeFileSync(configUri.fsPath, original);
    const api = await activateExtension();
    await api.getConfig(true);
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-tls');
  });

  it('gets a private_key_jwt token over mTLS, bound to the transport certificate', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-mtls');
    const token = await vscode.commands.executeCommand<TokenSummary>('thredd.getToken', { refresh: true });
    assert.equal(token.application, 'sandbox-app');
    assert.equal(token.boundToCertificate, true, 'cnf.x5t#S256 equals the transport certificate');
    assert.match(token.scope ?? '', /cards\.read/);
    assert.equal(token.pmid, 'PM-SANDBOX');
    assert.equal(JSON.stringify(token).includes('eyJ'), false, 'the command never returns the token itself');
    await waitFor('the status bar token state', () =>
      /^\$\(server-environment\) Thredd: sandbox-mtls · token (59|60) min$/.test(api.environmentStatusText()),
    );
    const again = await vscode.commands.executeCommand<TokenSummary>('thredd.getToken');
    assert.equal(again.fromCache, true, 'the second call is served from the cache');
  });

  it('gets a token with the client secret kept in SecretStorage', async () => {
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox');
    const token = await vscode.commands.executeCommand<TokenSummary>('thredd.getToken');
    assert.equal(token.application, 'sandbox-secret-app');
    assert.equal(token.boundToCertificate, undefined, 'a TLS token is not certificate-bound');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('thredd'));
    assert.equal(
      /secret/i.test(
        fs
          .readFileSync(configUri.fsPath, 'utf8')
          .replace(/\$\{env:THREDD_SANDBOX_CLIENT_SECRET\}|"sandbox-secret-app"|client_secret_post|"secret"/g, ''),
      ),
      false,
      'thredd.json holds no secret value',
    );
    assert.equal(settings.includes('secret'), false);
  });

  it('creates a client assertion with the signing key and its KID', async () => {
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-mtls');
    const assertion = await vscode.commands.executeCommand<AssertionSummary>('thredd.createClientAssertion');
    const api = await activateExtension();
    const application = (await api.getConfig())!.config!.applications['sandbox-app'];
    assert.equal(assertion.header.alg, 'RS256');
    assert.equal(assertion.header.kid, application.auth.method === 'private_key_jwt' ? application.auth.kid : undefined);
    assert.equal(assertion.claims.iss, application.clientId);
    assert.equal(assertion.claims.sub, application.clientId);
    assert.equal(assertion.claims.aud, 'https://127.0.0.1:8444/oauth2/token');
    assert.equal((assertion.claims.exp as number) - (assertion.claims.iat as number), 300);
    assert.equal((await vscode.env.clipboard.readText()).split('.').length, 3, 'the JWT is on the clipboard');
  });

  it('sends a sample call to the sandbox: create a card, then read it back by chaining', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-mtls');
    await vscode.window.showTextDocument(requestFile);
    const read = await vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: requestFile.toString(), index: 2 });
    assert.equal(read.dependencies.length, 1, 'createCard ran first for the chained id');
    assert.equal(read.response?.status, 200);
    assert.equal(read.ok, true);
    assert.equal(read.token?.binding?.matches, true);
    assert.match(read.request!.headers.find((header) => header.name.toLowerCase() === 'authorization')!.value, /^Bearer ••••••$/);
    const view = await waitFor('the response view', () => api.lastResponseView()?.result.id === read.id && api.lastResponseView());
    assert.match(view.html, /status-2xx">200 OK/);
    assert.match(view.html, /bound to the client certificate presented/);
    await screenshot('response-view');
  });

  it('sends all requests of the sample file in order, with progress, and they all pass', async () => {
    const results = await vscode.commands.executeCommand<RunResult[]>('thredd.sendAll', { uri: requestFile.toString() });
    assert.deepEqual(
      results.map((result) => [result.name, result.response?.status, result.ok]),
      [
        ['physicalCard', 200, true],
        ['virtualCard', 200, true],
        ['readCard', 200, true],
        ['activateCard', 200, true],
        ['blockCard', 200, true],
        ['unblockCard', 200, true],
        ['balance', 200, true],
        ['transactions', 200, true],
      ],
    );
  });

  it("sends through VS Code's http.proxy: the token and the call reach the sandbox only through the proxy's tunnel", async () => {
    const api = await activateExtension();
    const proxy = await startForwardProxy();
    try {
      await updateSetting('http', 'proxy', proxy.url.href);
      await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-mtls');
      await vscode.commands.executeCommand('thredd.clearTokenCache');
      const read = await vscode.commands.executeCommand<RunResult>('thredd.sendRequest', { uri: requestFile.toString(), index: 2 });
      assert.equal(read.response?.status, 200);
      assert.deepEqual(read.route, { kind: 'proxy', proxy: proxy.url.origin, source: 'http.proxy (VS Code)' });
      assert.equal(read.token?.binding?.matches, true, 'the token is bound to the certificate that went through the tunnel');
      assert.ok(proxy.tunnels() >= 1, `the proxy opened ${proxy.tunnels()} tunnel(s)`);
      const view = await waitFor('the response view', () => api.lastResponseView()?.result.id === read.id && api.lastResponseView());
      assert.match(view.html, new RegExp(`Route: <span class="mono">via ${proxy.url.origin.replace(/\./g, '\\.')} \\(http\\.proxy`));
    } finally {
      await updateSetting('http', 'proxy', undefined);
      await proxy.close();
    }
  });
});
