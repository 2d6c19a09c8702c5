import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { parseDotenv } from '../../../src/core/requestFile/dotenv';
import type { RunResult } from '../../../src/core/runner/types';
import { createTestCa } from '../../support/testPki';
import { startForwardProxy } from '../../support/forwardProxy';
import { activateExtension, EXTENSION_ID, updateSetting, waitFor, workspaceUri } from './helpers';
import { filesUnder, findMarkers, scanFiles, type Finding, type Marker } from './leakScan';

/**
 * Issue #9's leak test: the whole journey (sandbox credentials, CSR, PKCS#12, tokens over TLS and
 * mTLS, requests, history, Copy as cURL, the CLI with every reporter, dynamic registration) with
 * trace logging on, then every file the product wrote and every text it showed is searched for the
 * client secret, PFX passphrase, private keys, access tokens and registration access token.
 */
describe('secrets never leak: the whole journey, then a search of everything written or shown', () => {
  const workspace = workspaceUri().fsPath;
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-leak-'));
  const markers: Marker[] = [];
  const shown: { where: string; text: string }[] = [];
  const bearerTokens = new Set<string>();
  let recorder: https.Server;
  let original: string;

  const show = (where: string, text: string | undefined) => text !== undefined && shown.push({ where, text });
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const cliPath = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    const result: { stdout: string; stderr: string; code?: number } = await promisify(execFile)(process.execPath, [cliPath, ...args], {
      cwd: workspace,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ...env },
    }).catch((error: { stdout?: string; stderr?: string; code?: number }) => ({
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
      code: error.code ?? 1,
    }));
    show(`thredd ${args.join(' ')} (stdout)`, result.stdout);
    show(`thredd ${args.join(' ')} (stderr)`, result.stderr);
    assert.equal(result.code ?? 0, 0, `thredd ${args.join(' ')} failed:\n${result.stderr}`);
    return result.stdout;
  };
  /** A line from the middle of a PEM key: specific to that key (the first lines repeat across keys). */
  const keyMarker = (label: string, file: string) => {
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    markers.push({ label, value: lines[Math.floor(lines.length / 2)] });
  };

  before(async function () {
    this.timeout(120_000);
    const api = await activateExtension();
    // VS Code's command for extension test runs; "Developer: Set Log Level…" does the same for users.
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
    await waitFor('the Thredd log at trace level', () => api.storedState().logLevel === vscode.LogLevel.Trace);
    original = fs.readFileSync(path.join(workspace, 'thredd.json'), 'utf8');
    await vscode.commands.executeCommand('thredd.setUpSandbox');
    await vscode.commands.executeCommand('thredd.startSandbox');

    // An API stand-in that records every bearer token it is sent (its CA is added to the environment's).
    const ca = await createTestCa({ commonName: 'Leak Recorder CA' });
    const server = await ca.issue({ commonName: 'localhost', usage: 'server' });
    recorder = https.createServer({ cert: server.certPem, key: server.keyPem }, (request, response) => {
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (token) bearerTokens.add(token);
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"status":"Active","cardStatusCode":"00","cardStatusDescription":"00 (Active)"}');
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    fs.writeFileSync(
      path.join(workspace, 'certs', 'leak-ca.pem'),
      fs.readFileSync(path.join(workspace, 'certs', 'sandbox-ca.pem'), 'utf8') + ca.certPem,
    );
    const config = parseJsonc(fs.readFileSync(path.join(workspace, 'thredd.json'), 'utf8'));
    config.environments['leak-recorder'] = {
      ...config.environments['sandbox-mtls'],
      baseUrl: `https://127.0.0.1:${(recorder.address() as AddressInfo).port}`,
      ca: 'certs/leak-ca.pem',
    };
    fs.writeFileSync(path.join(workspace, 'thredd.json'), JSON.stringify(config, null, 2));
    await api.getConfig(true);
    fs.mkdirSync(path.join(workspace, 'requests'), { recursive: true });
    fs.writeFileSync(
      path.join(workspace, 'requests', 'leak.thredd'),
      "### read a card's status\nGET {{baseUrl}}/core/api/v1/cards/402718355/status\n# @expect status " +
        '== 200\n\n### activate it\nPUT {{baseUrl}}/core/api/v1/cards/402718355/status\nContent-Type: ' +
        'application/json\n\n{"cardStatusCode": "00"}\n',
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info');
    await vscode.commands.executeCommand('thredd.stopSandbox');
    recorder?.close();
    fs.writeFileSync(path.join(workspace, 'thredd.json'), original);
    await (await activateExtension()).getConfig(true);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('goes through the journey in VS Code and the CLI', async function () {
    this.timeout(240_000);
    const api = await activateExtension();
    markers.push({
      label: 'client secret',
      value: parseDotenv(fs.readFileSync(path.join(workspace, '.env'), 'utf8')).THREDD_SANDBOX_CLIENT_SECRET!,
    });
    keyMarker('transport private key', path.join(workspace, 'certs', 'sandbox-app-rtstransport.key'));
    keyMarker('signing private key', path.join(workspace, 'certs', 'sandbox-app-rtssigning.key'));
    const passphrase = `Pfx-Marker-${Math.random().toString(36).slice(2, 12)}`;
    markers.push({ label: 'PFX passphrase', value: passphrase });

    // Keys and certificates in VS Code.
    const generated = await vscode.commands.executeCommand<{ keyPath: string }>('thredd.generateCsr', {
      type: 'signing',
      commonName: 'leak-app',
      organization: 'Acme',
      country: 'GB',
      outDir: 'certs',
      addToGitignore: false,
    });
    keyMarker('generated private key', generated.keyPath);
    const pfx = await vscode.commands.executeCommand<string>('thredd.exportPkcs12', {
      cert: 'certs/sandbox-app-rtstransport.pem',
      key: 'certs/sandbox-app-rtstransport.key',
      out: 'certs/leak.pfx',
      passphrase,
    });
    await vscode.commands.executeCommand('thredd.inspectCertificate', { file: pfx, passphrase });
    show('certificate view HTML', api.lastCertificateView()?.html);

    // Tokens with the client secret (TLS) and private_key_jwt (mTLS), then requests, history and cURL.
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox');
    await vscode.commands.executeCommand('thredd.getToken', { refresh: true });
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'leak-recorder');
    const requests = workspaceUri('requests', 'leak.thredd');
    await vscode.window.showTextDocument(requests);
    const results = await vscode.commands.executeCommand<RunResult[]>('thredd.sendAll', { uri: requests.toString() });
    assert.deepEqual(
      results.map((result) => result.response?.status),
      [200, 200],
    );
    show('response view HTML', api.lastResponseView()?.html);
    await vscode.commands.executeCommand('thredd.showHistory', { open: results[0].id });
    show('response view HTML reopened from history', api.lastResponseView()?.html);
    show('Copy as cURL', await vscode.commands.executeCommand<string>('thredd.copyAsCurl', { uri: requests.toString(), index: 1 }));
    show('clipboard', await vscode.env.clipboard.readText());
    assert.ok(bearerTokens.size >= 1, "the recorder saw the extension's token");

    // The CLI with every reporter, tokens, PKCS#12 and dynamic registration.
    const secretEnv = { THREDD_SANDBOX_CLIENT_SECRET: markers[0].value, PFX_PASS: passphrase };
    await cli(['run', 'requests/leak.thredd', '--env', 'leak-recorder']);
    await cli(['run', 'requests/leak.thredd', '--env', 'leak-recorder', '--reporter', 'json', '--output', 'reports/run.json']);
    await cli(['run', 'requests/leak.thredd', '--env', 'leak-recorder', '--reporter', 'junit', '--output', 'reports/run.xml']);
    await cli(['run', 'requests/leak.thredd', '--env', 'leak-recorder', '--dry-run', '--reporter', 'json']);
    await cli(['token', '--env', 'sandbox'], secretEnv);
    await cli(['token', '--env', 'sandbox-mtls', '--json']);
    await cli(
      [
        'cert',
        'pfx',
        '--cert',
        'certs/sandbox-app-rtssigning.pem',
        '--key',
        'certs/sandbox-app-rtssigning.key',
        '--out',
        'certs/leak-cli.pfx',
        '--passphrase-env',
        'PFX_PASS',
      ],
      secretEnv,
    );
    await cli(['cert', 'inspect', 'certs/leak-cli.pfx', '--passphrase-env', 'PFX_PASS', '--json'], secretEnv);
    const appId = parseJsonc(fs.readFileSync(path.join(workspace, 'thredd.json'), 'utf8')).applications['sandbox-app'].appId;
    const statement = await postJson(
      `https://127.0.0.1:8443/portal/applications/${appId}/software-statement`,
      fs.readFileSync(path.join(workspace, 'certs', 'sandbox-ca.pem')),
    );
    fs.writeFileSync(path.join(outside, 'ssa.jwt'), statement.software_statement);
    const secretsFile = path.join(outside, 'registration.json');
    await cli(
      [
        'dcr',
        'register',
        '--url',
        statement.registration_endpoint,
        '--ssa',
        path.join(outside, 'ssa.jwt'),
        '--iat-env',
        'IAT',
        '--env',
        'sandbox-mtls',
        '--secrets-out',
        secretsFile,
        '--json',
      ],
      { IAT: statement.initial_access_token },
    );
    const registration = JSON.parse(fs.readFileSync(secretsFile, 'utf8'));
    markers.push({ label: 'registration access token', value: registration.registration_access_token });
    await cli(['dcr', 'get', '--client-uri', registration.registration_client_uri, '--rat-env', 'RAT', '--env', 'sandbox-mtls', '--json'], {
      RAT: registration.registration_access_token,
    });

    // Through an authenticating proxy whose password is in HTTPS_PROXY (the editor) and --proxy (the CLI).
    const proxyPassword = `Proxy-Marker-${Math.random().toString(36).slice(2, 12)}`;
    markers.push({ label: 'proxy password', value: proxyPassword });
    const proxy = await startForwardProxy({ credentials: { username: 'leak', password: proxyPassword } });
    const proxyUrl = `http://leak:${proxyPassword}@${proxy.url.host}`;
    process.env.HTTPS_PROXY = proxyUrl;
    try {
      // A network setting changed: the extension makes a new client, which reads HTTPS_PROXY.
      await updateSetting('http', 'noProxy', ['leak.invalid']);
      const proxied = await vscode.commands.executeCommand<RunResult[]>('thredd.sendAll', { uri: requests.toString() });
      assert.deepEqual(
        proxied.map((result) => [result.response?.status, result.route?.kind]),
        [
          [200, 'proxy'],
          [200, 'proxy'],
        ],
      );
      show('response view HTML through the proxy', api.lastResponseView()?.html);
      await cli(['run', 'requests/leak.thredd', '--env', 'leak-recorder', '--proxy', proxyUrl, '--reporter', 'json']);
      await cli(['token', '--env', 'sandbox-mtls', '--json']);
      await cli(['config', 'check']);
      assert.ok(proxy.tunnels() >= 3, `the proxy opened ${proxy.tunnels()} tunnels`);
    } finally {
      delete process.env.HTTPS_PROXY;
      await updateSetting('http', 'noProxy', undefined);
      await proxy.close();
    }

    for (const token of bearerTokens) markers.push({ label: 'access token', value: token });
    assert.ok(bearerTokens.size >= 4, `the recorder saw the tokens of VS Code and the CLI runs (${bearerTokens.size})`);
    // The log writes asynchronously; give it time to reach its file.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  });

  it('finds no marker in the logs, storage, state, settings, generated files, views or CLI output', async function () {
    this.timeout(60_000);
    assert.ok(markers.length >= 9, `the journey ran (${markers.length} markers)`);
    const state = (await activateExtension()).storedState();
    const userData = path.resolve(state.globalStorage, '..', '..', '..');
    const userFiles = filesUnder(userData, () => false);
    const logFiles = userFiles.filter((file) => /Thredd\.log$/.test(file));
    assert.ok(logFiles.length > 0, `the Thredd log is among the ${userFiles.length} files under ${userData}`);

    // The key files are where keys belong; .env is the sandbox's CLI credential file (0600, ignored
    // by git); .thredd/sandbox is the local authorization server's own storage.
    const envFile = path.join(workspace, '.env');
    assert.equal(fs.statSync(envFile).mode & 0o777, 0o600);
    const workspaceFiles = filesUnder(
      workspace,
      (relative) => relative.endsWith('.key') || relative === '.env' || relative === '.git' || relative === '.thredd/sandbox',
    );
    const findings: Finding[] = [
      ...scanFiles(userFiles, markers),
      ...scanFiles(workspaceFiles, markers),
      ...findMarkers(JSON.stringify(state), 'extension global and workspace state', markers),
      ...findMarkers(JSON.stringify(vscode.workspace.getConfiguration('thredd')), 'thredd settings', markers),
      ...shown.flatMap((item) => findMarkers(item.text, item.where, markers)),
    ];
    assert.deepEqual(
      findings,
      [],
      `secrets found:\n${findings.map((finding) => `${finding.marker} in ${finding.where}: …${finding.context}…`).join('\n')}`,
    );
    // The search covered a log that really holds the exchanges.
    const log = logFiles.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    assert.match(
      log,
      /→ PUT https:\/\/127\.0\.0\.1:\d+\/core\/api\/v1\/cards\/402718355\/status\n(?: {2}.*\n)* {2}Authorization: Bearer ••••••\n← 200 OK/,
      'requests are logged at debug',
    );
    assert.match(log, /response body:\n\{"status":"Active","cardStatusCode":"00"/, 'bodies are logged at trace');
    assert.ok(
      workspaceFiles.some((file) => file.endsWith(path.join('reports', 'run.xml'))) &&
        workspaceFiles.some((file) => file.endsWith(path.join('reports', 'run.json'))),
      'the CLI reports were searched',
    );
  });
});

/** thredd.json allows comments (JSONC); the sandbox set-up writes some. */
function parseJsonc(text: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return require('jsonc-parser').parse(text) as any;
}

function postJson(url: string, ca: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: 'POST', ca, headers: { 'content-type': 'application/json' } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () =>
        response.statusCode === 201 ? resolve(JSON.parse(body)) : reject(new Error(`${url}: ${response.statusCode} ${body}`)),
      );
    });
    request.on('error', reject).end('{}');
  });
}
