import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfigFile } from '../../../src/core/config';

const CONFIG = JSON.stringify({
  environments: { uat: { baseUrl: 'https://uat-api.thredd.com', application: 'app' } },
  applications: { app: { clientId: 'c', auth: { method: 'private_key_jwt', key: 'k.pem', kid: '${env:MY_KID}' } } },
});

describe('${env:NAME} in thredd.json, with a .env beside it', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-dotenv-'));
    file = path.join(dir, 'thredd.json');
    fs.writeFileSync(file, CONFIG);
    fs.writeFileSync(path.join(dir, '.env'), '# generated\nMY_KID=from-dotenv\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const kidOf = (result: Awaited<ReturnType<typeof loadConfigFile>>) => (result.config?.applications.app.auth as { kid?: string }).kid;

  it('reads a name the process environment lacks from the .env beside thredd.json', async () => {
    const result = await loadConfigFile(file, { env: {}, fileExists: () => true });
    assert.deepEqual(result.diagnostics, []);
    assert.equal(kidOf(result), 'from-dotenv');
  });

  it('lets the process environment win over .env', async () => {
    assert.equal(kidOf(await loadConfigFile(file, { env: { MY_KID: 'from-env' }, fileExists: () => true })), 'from-env');
  });

  it('reads no .env when references are not expanded (an untrusted workspace)', async () => {
    const result = await loadConfigFile(file, { env: {}, expandEnv: false, fileExists: () => true });
    assert.equal(kidOf(result), undefined);
  });

  it('says where the value can go when neither has it', async () => {
    fs.writeFileSync(path.join(dir, '.env'), 'OTHER=1\n');
    const result = await loadConfigFile(file, { env: {}, fileExists: () => true });
    assert.equal(result.diagnostics[0].severity, 'warning', 'a KID can wait: the rest of thredd.json still loads');
    assert.match(result.diagnostics[0].message, /MY_KID is not set/);
    assert.match(result.diagnostics[0].fix, /\.env beside thredd\.json/);
  });
});
