import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseConfigText } from '../../../src/core/config';
import { SANDBOX_IDENTITY, sandboxUrls } from '../../../src/sandbox';
import { applySandboxConfig, type SandboxConfigInput } from '../../../src/sandbox/workspaceConfig';
import { ensureGitignored, setDotenvValue } from '../../../src/sandbox/workspaceFiles';

const INPUT: SandboxConfigInput = {
  urls: sandboxUrls('127.0.0.1', 8443, 8444, SANDBOX_IDENTITY.orgId),
  appId: SANDBOX_IDENTITY.appId,
  clientIds: { privateKeyJwt: SANDBOX_IDENTITY.privateKeyJwtClientId, clientSecret: SANDBOX_IDENTITY.clientSecretClientId },
  scopes: ['cards.read', 'cards.write'],
  files: {
    ca: 'certs/sandbox-ca.pem',
    transportCert: 'certs/t.pem',
    transportKey: 'certs/t.key',
    signingKey: 'certs/s.key',
    signingCert: 'certs/s.pem',
  },
};

const USER_CONFIG = `{
  // my own environments
  "defaultEnvironment": "uat",
  "environments": {
    "uat": { "baseUrl": "https://uat-api.thredd.com" }, // keep me
  },
}
`;

describe('sandbox entries in thredd.json', () => {
  it('writes a new thredd.json that loads without errors, defaulting to sandbox-mtls', () => {
    const text = applySandboxConfig(undefined, 'thredd.json', INPUT);
    const { config, diagnostics } = parseConfigText(text, '/ws/thredd.json', {
      fileExists: () => true,
      env: { THREDD_SANDBOX_CLIENT_SECRET: 's', THREDD_SANDBOX_KID: 'KID-1' },
    });
    assert.deepEqual(diagnostics, []);
    assert.equal(
      (config!.applications['sandbox-app'].auth as { kid?: string }).kid,
      'KID-1',
      'the KID comes from ${env:THREDD_SANDBOX_KID}',
    );
    assert.equal(config?.defaultEnvironment, 'sandbox-mtls');
    const mtls = config!.environments['sandbox-mtls'];
    assert.equal(mtls.tokenUrl, 'https://127.0.0.1:8444/oauth2/token');
    assert.deepEqual(mtls.clientCertificate, { kind: 'pem', cert: '/ws/certs/t.pem', key: '/ws/certs/t.key', passphrase: undefined });
    assert.equal(config!.environments.sandbox.variables.mtlsBaseUrl, 'https://127.0.0.1:8444');
    assert.deepEqual(config!.applications['sandbox-readonly-app'].scopes, ['cards.read']);
    assert.deepEqual(config!.applications['sandbox-secret-app'].auth, { method: 'client_secret_post', secret: 's' });
  });

  it("keeps the user's entries, comments and default, and replaces only its own entries on a second run", () => {
    const first = applySandboxConfig(USER_CONFIG, 'thredd.json', INPUT);
    assert.match(first, /\/\/ my own environments/);
    assert.match(first, /\/\/ keep me/, 'comments stay (jsonc-parser may move a trailing one past the inserted entries)');
    const { config } = parseConfigText(first, '/ws/thredd.json', { fileExists: () => true, env: {} });
    assert.deepEqual(Object.keys(config!.environments), ['uat', 'sandbox-mtls', 'sandbox', 'sandbox-readonly']);
    assert.match(first, /"defaultEnvironment": "uat"/);
    const second = applySandboxConfig(first, 'thredd.json', { ...INPUT, clientIds: { ...INPUT.clientIds, clientSecret: 'other-client' } });
    assert.equal(second, first.replace(SANDBOX_IDENTITY.clientSecretClientId, 'other-client'));
    const dangling = applySandboxConfig(
      USER_CONFIG.replace('"defaultEnvironment": "uat"', '"defaultEnvironment": "gone"'),
      'thredd.json',
      INPUT,
    );
    assert.match(dangling, /"defaultEnvironment": "sandbox-mtls"/);
  });

  it('refuses to edit a thredd.json that is not valid JSON', () => {
    assert.throws(() => applySandboxConfig('{ "environments": ', '/ws/thredd.json', INPUT), /\/ws\/thredd\.json is not valid JSON/);
  });
});

describe('workspace files written by sandbox init', () => {
  it('sets the secret in .env (0600) keeping other lines, and adds only missing .gitignore lines', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-ws-'));
    try {
      const dotenv = path.join(dir, '.env');
      fs.writeFileSync(dotenv, 'OTHER=1\nexport THREDD_SANDBOX_CLIENT_SECRET=old\n');
      assert.equal(await setDotenvValue(dotenv, 'THREDD_SANDBOX_CLIENT_SECRET', 'new'), 'updated');
      assert.equal(fs.readFileSync(dotenv, 'utf8'), 'OTHER=1\nTHREDD_SANDBOX_CLIENT_SECRET=new\n');
      assert.equal(fs.statSync(dotenv).mode & 0o777, 0o600);
      assert.equal(await setDotenvValue(dotenv, 'THREDD_SANDBOX_CLIENT_SECRET', 'new'), 'unchanged');

      const gitignore = path.join(dir, '.gitignore');
      fs.writeFileSync(gitignore, 'node_modules/\n.env');
      assert.equal(await ensureGitignored(gitignore, ['.env', '.thredd/']), 'updated');
      assert.equal(
        fs.readFileSync(gitignore, 'utf8'),
        'node_modules/\n.env\n\n# Thredd sandbox: keys, certificates, CA state and secrets (thredd sandbox init)\n.thredd/\n',
      );
      assert.equal(await ensureGitignored(gitignore, ['.env', '.thredd/']), 'unchanged');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
