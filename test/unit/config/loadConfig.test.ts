import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findConfigFile, formatConfigDiagnostic, loadConfigFile, parseConfigText } from '../../../src/core/config';

const FILE = '/work/project/thredd.json';
const everyFileExists = { fileExists: () => true, env: {} };

const VALID = `{
  // JSONC: comments and trailing commas are allowed
  "defaultEnvironment": "uat-mtls",
  "environments": {
    "uat-mtls": {
      "baseUrl": "https://uat-mtls.thredd.com",
      "tokenUrl": "https://threddid.com/oauth2/token",
      "region": "1",
      "application": "payments-app",
      "mtls": { "cert": "certs/t.pem", "key": "certs/t.key", "ca": "certs/chain.pem" },
      "variables": { "productId": "1234" },
    },
    "uat-tls": {
      "baseUrl": "https://uat-api.thredd.com",
      "audience": "https://www.threddid.com/oauth2/token",
      "tokenUrl": "https://threddid.com/oauth2/token"
    }
  },
  "applications": {
    "payments-app": {
      "appId": "7a498cea-5250-4d29-b74b-812b4ea63ae0",
      "clientId": "https://rp.directory.sandbox.threddid.com/openid_relying_party/b9f04639-cdeb-425b-a310-450d3d293fd4",
      "auth": { "method": "private_key_jwt", "key": "certs/s.key", "kid": "pFwh", "alg": "PS256" },
      "scopes": ["cards.read", "cards.write"]
    }
  }
}`;

describe('thredd.json loading', () => {
  it('resolves a valid JSONC config with paths relative to the file and defaults filled in', () => {
    const { config, diagnostics } = parseConfigText(VALID, FILE, everyFileExists);
    assert.deepEqual(diagnostics, []);
    assert.ok(config);
    const uat = config.environments['uat-mtls'];
    assert.equal(uat.region, '1');
    assert.equal(uat.audience, 'https://threddid.com/oauth2/token', 'audience defaults to tokenUrl');
    assert.deepEqual(uat.clientCertificate, {
      kind: 'pem',
      cert: '/work/project/certs/t.pem',
      key: '/work/project/certs/t.key',
      passphrase: undefined,
    });
    assert.equal(uat.ca, '/work/project/certs/chain.pem');
    assert.equal(uat.range.start.line, 4, 'the environment remembers where it is declared');
    assert.equal(config.environments['uat-tls'].region, '0', 'region defaults to 0 (Default)');
    assert.equal(config.environments['uat-tls'].audience, 'https://www.threddid.com/oauth2/token');
    const app = config.applications['payments-app'];
    assert.equal(
      app.clientId,
      'https://rp.directory.sandbox.threddid.com/openid_relying_party/b9f04639-cdeb-425b-a310-450d3d293fd4',
      'a URL client ID is kept whole',
    );
    assert.deepEqual(app.auth, {
      method: 'private_key_jwt',
      key: '/work/project/certs/s.key',
      cert: undefined,
      kid: 'pFwh',
      alg: 'PS256',
      passphrase: undefined,
    });
  });

  it('reports bad JSON with the line and column of the mistake', () => {
    const text = '{\n  "environments": {\n    "a": { "baseUrl": "https://x" }\n    "b": {}\n  }\n}';
    const { config, diagnostics } = parseConfigText(text, FILE, everyFileExists);
    assert.equal(config, undefined);
    assert.equal(diagnostics[0].severity, 'error');
    assert.match(diagnostics[0].message, /comma expected/);
    assert.equal(diagnostics[0].range.start.line, 3);
    assert.match(
      formatConfigDiagnostic(diagnostics[0]),
      /^\/work\/project\/thredd\.json:4:5: error: JSON syntax error: comma expected\. Fix: /,
    );
  });

  it('names an unknown defaultEnvironment, suggests the closest one and lists the choices', () => {
    const text = VALID.replace('"defaultEnvironment": "uat-mtls"', '"defaultEnvironment": "uat-mtl"');
    const { config, diagnostics } = parseConfigText(text, FILE, everyFileExists);
    assert.equal(config, undefined);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /"defaultEnvironment" is "uat-mtl", which is not in "environments": did you mean "uat-mtls"\?/);
    assert.match(diagnostics[0].fix, /uat-mtls, uat-tls/);
    assert.equal(diagnostics[0].range.start.line, 2);
  });

  it('reports a missing certificate file at the line that names it', () => {
    const exists = (file: string) => !file.endsWith('certs/t.key');
    const { config, diagnostics } = parseConfigText(VALID, FILE, { fileExists: exists, env: {} });
    assert.ok(config, 'a missing file is a warning: new configs name certificates before they exist');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 'warning');
    assert.match(diagnostics[0].message, /File not found: certs\/t\.key \(looked for \/work\/project\/certs\/t\.key\)/);
    assert.equal(diagnostics[0].range.start.line, 9);
    assert.match(diagnostics[0].fix, /relative to thredd\.json/);
  });

  it('flags unknown keys on the key itself with a did-you-mean', () => {
    const text = VALID.replace(
      '"tokenUrl": "https://threddid.com/oauth2/token",\n      "region"',
      '"tokenURL": "https://threddid.com/oauth2/token",\n      "region"',
    );
    const { diagnostics } = parseConfigText(text, FILE, everyFileExists);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /Unknown key "tokenURL" in "environments\.uat-mtls": did you mean "tokenUrl"\?/);
    assert.deepEqual(diagnostics[0].range.start, { line: 6, column: 6 });
  });

  it('rejects wrong types and values with a specific fix', () => {
    const text = VALID.replace('"region": "1"', '"region": 1').replace('"alg": "PS256"', '"alg": "HS256"');
    const { diagnostics } = parseConfigText(text, FILE, everyFileExists);
    const messages = diagnostics.map((diagnostic) => diagnostic.message);
    assert.deepEqual(messages, [
      '"environments.uat-mtls.region" must be a string, not number 1.',
      '"applications.payments-app.auth.alg" is "HS256": did you mean "RS256"?',
    ]);
    assert.match(diagnostics[0].fix, /"0" \(Default\), "1" \(EMEA\) or "2" \(APAC\)/);
  });

  it('checks that an environment names a known application', () => {
    const text = VALID.replace('"application": "payments-app"', '"application": "payment-app"');
    const { diagnostics } = parseConfigText(text, FILE, everyFileExists);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /names application "payment-app".*did you mean "payments-app"\?/);
  });

  it('expands ${env:NAME} and reports an unset variable as an error, or as a warning for secrets', () => {
    const text = `{
      "environments": {
        "e": { "baseUrl": "\${env:THREDD_BASE}", "application": "a", "mtls": { "pfx": "t.pfx", "passphrase": "\${env:PFX_PASS}" } }
      },
      "applications": { "a": { "clientId": "c", "auth": { "method": "client_secret", "secret": "\${env:THREDD_CLIENT_SECRET}" } } }
    }`;
    const set = parseConfigText(text, FILE, {
      fileExists: () => true,
      env: { THREDD_BASE: 'https://uat-api.thredd.com', PFX_PASS: 'p', THREDD_CLIENT_SECRET: 's' },
    });
    assert.deepEqual(set.diagnostics, []);
    assert.equal(set.config?.environments.e.baseUrl, 'https://uat-api.thredd.com');
    assert.deepEqual(set.config?.applications.a.auth, { method: 'client_secret_post', secret: 's' });
    assert.deepEqual(set.config?.environments.e.clientCertificate, { kind: 'pfx', pfx: '/work/project/t.pfx', passphrase: 'p' });

    const unset = parseConfigText(text, FILE, { fileExists: () => true, env: { PFX_PASS: 'p' } });
    assert.equal(unset.config, undefined, 'an unset baseUrl variable is an error');
    assert.deepEqual(
      unset.diagnostics.map((d) => [d.severity, d.message]),
      [
        ['warning', 'Environment variable THREDD_CLIENT_SECRET is not set.'],
        ['error', 'Environment variable THREDD_BASE is not set.'],
      ],
    );
    assert.match(unset.diagnostics[0].fix, /Thredd: Set Client Secret/);
  });

  it('does not read environment variables when expansion is off (untrusted workspace)', () => {
    const text = `{ "environments": { "e": { "baseUrl": "https://x.test", "variables": { "v": "\${env:HOME}" } } } }`;
    const { config, diagnostics } = parseConfigText(text, FILE, { fileExists: () => true, env: { HOME: '/root' }, expandEnv: false });
    assert.deepEqual(diagnostics, []);
    assert.equal(config?.environments.e.variables.v, '');
  });

  it('requires cert and key together, or a pfx, but not both', () => {
    const onlyCert = `{ "environments": { "e": { "baseUrl": "https://x.test", "mtls": { "cert": "c.pem" } } } }`;
    assert.match(parseConfigText(onlyCert, FILE, everyFileExists).diagnostics[0].message, /needs both "cert" and "key"/);
    const both = `{ "environments": { "e": { "baseUrl": "https://x.test", "mtls": { "cert": "c.pem", "key": "k", "pfx": "p.pfx" } } } }`;
    assert.match(parseConfigText(both, FILE, everyFileExists).diagnostics[0].message, /both "pfx" and "cert"\/"key"/);
  });

  it('reports a file that is not an object, and a missing environments key', () => {
    assert.match(parseConfigText('[]', FILE, everyFileExists).diagnostics[0].message, /must hold one JSON object/);
    assert.match(parseConfigText('{}', FILE, everyFileExists).diagnostics[0].message, /the file has no "environments"/);
  });

  it('reports a missing thredd.json as a diagnostic, and finds the nearest one upward', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-config-'));
    const missing = await loadConfigFile(path.join(dir, 'thredd.json'));
    assert.match(missing.diagnostics[0].message, /File not found/);
    fs.writeFileSync(path.join(dir, 'thredd.json'), '{ "environments": {} }');
    fs.mkdirSync(path.join(dir, 'requests', 'cards'), { recursive: true });
    assert.equal(findConfigFile(path.join(dir, 'requests', 'cards')), path.join(dir, 'thredd.json'));
    const loaded = await loadConfigFile(path.join(dir, 'thredd.json'));
    assert.deepEqual(loaded.diagnostics, []);
    fs.rmSync(dir, { recursive: true });
  });
});
