import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEnv } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { initSandboxWorkspace, startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { collection, generateTokenItem, requestItem, testScript } from '../../support/postmanImport';
import { physicalCard } from '../sandbox/cardBodies';
import { API, tempDir } from '../sandbox/sandboxFixture';

const root = path.resolve(__dirname, '..', '..', '..');

/**
 * A collection written the way Thredd's legacy ones are (thredd-api-facts, "Thredd's Postman collections"): a
 * Generate Token request posting client_id, client_secret and grant_type=client_credentials, a test script that
 * stores the access token, then card requests that send it as a Bearer token and chain the card's public token.
 */
function threddCollection(baseUrl: string, tokenUrl: string, clientId: string) {
  const bearer = { key: 'Authorization', value: 'Bearer {{access_token}}' };
  const region = { key: 'X-Region', value: '{{x-region}}' };
  const json = { key: 'Content-Type', value: 'application/json' };
  return collection(
    [
      generateTokenItem({
        grant_type: 'client_credentials',
        client_id: '{{client_id}}',
        client_secret: '{{client_secret}}',
        scope: 'cards.read cards.write',
      }),
      {
        name: 'Cards',
        item: [
          requestItem(
            'Create Card',
            {
              method: 'POST',
              url: '{{baseUrl}}' + API + '/cards',
              header: [bearer, region, json, { key: 'idempotencyKey', value: '{{$guid}}' }],
              body: {
                mode: 'raw',
                raw: JSON.stringify(physicalCard({ customerReference: 'PM-{{$timestamp}}' }), null, 2),
                options: { raw: { language: 'json' } },
              },
            },
            {
              event: [
                testScript(
                  'pm.test("created", function () {',
                  '  pm.response.to.have.status(200);',
                  '});',
                  'var jsonData = pm.response.json();',
                  'pm.environment.set("publicToken", jsonData.publicToken);',
                ),
              ],
            },
          ),
          requestItem(
            'Get Card',
            { url: '{{baseUrl}}' + API + '/cards/{{publicToken}}', header: [bearer, region] },
            { event: [testScript('pm.test("found", function () {', '  pm.expect(pm.response.code).to.eql(200);', '});')] },
          ),
        ],
      },
    ],
    {
      info: { name: 'Thredd REST API External', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [
        { key: 'baseUrl', value: baseUrl },
        { key: 'tokenUrl', value: tokenUrl },
        { key: 'client_id', value: clientId },
        { key: 'x-region', value: '0' },
      ],
    },
  );
}

function runThredd(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', require.resolve('tsx'), path.join(root, 'src', 'cli.ts'), ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

describe('a Thredd-style Postman collection, imported and run against the sandbox', () => {
  let dir: string;
  let sandbox: RunningSandbox;
  let secret: string;
  let sandboxConfig: {
    environments: Record<string, { baseUrl: string; tokenUrl: string }>;
    applications: Record<string, { clientId: string }>;
  };

  before(async () => {
    dir = tempDir('thredd-postman-sandbox-');
    sandbox = await startSandbox({ stateDir: path.join(dir, '.thredd', 'sandbox'), ports: { tls: 0, mtls: 0 } });
    await initSandboxWorkspace({ workspaceDir: dir, sandbox });
    secret = parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8')).THREDD_SANDBOX_CLIENT_SECRET!;
    sandboxConfig = JSON.parse(fs.readFileSync(path.join(dir, 'thredd.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  });
  after(async () => {
    await sandbox.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes every request with no edits but the client secret in the environment', async () => {
    const { baseUrl, tokenUrl } = sandboxConfig.environments.sandbox;
    const clientId = sandboxConfig.applications['sandbox-secret-app'].clientId;
    fs.writeFileSync(path.join(dir, 'collection.json'), JSON.stringify(threddCollection(baseUrl, tokenUrl, clientId)));
    // The user's Postman environment holds the secret as a secret value; the import never writes it.
    fs.writeFileSync(
      path.join(dir, 'uat.json'),
      JSON.stringify({ name: 'sandbox-uat', values: [{ key: 'client_secret', value: secret, type: 'secret', enabled: true }] }),
    );
    let out = '';
    const io = { out: (text: string) => (out += text), err: (text: string) => (out += text), env: {}, cwd: dir };
    assert.equal(
      await runCli(['import', 'postman', 'collection.json', '--environment', 'uat.json', '--out', 'imported', '--json'], io),
      0,
      out,
    );
    const report = JSON.parse(out);
    assert.deepEqual(
      report.dropped.map((item: { name: string }) => item.name),
      ['Generate Token'],
    );
    for (const file of fs.readdirSync(path.join(dir, 'imported'))) {
      assert.ok(!fs.readFileSync(path.join(dir, 'imported', file), 'utf8').includes(secret), `${file} holds the secret`);
    }
    // The sandbox's CA is trusted the way a user's machine trusts a private CA: through the process environment.
    const env = { CLIENT_SECRET: secret, NODE_EXTRA_CA_CERTS: path.join(dir, 'certs', 'sandbox-ca.pem') };
    const run = await runThredd(['run', ...report.files], path.join(dir, 'imported'), env);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /2 requests: 2 passed, 0 failed/);
  });
});
