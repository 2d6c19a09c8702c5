import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OPERATIONS, scopesOf } from '../../../src/core/catalogue';
import { SANDBOX_IDENTITY, SANDBOX_SCOPES } from '../../../src/sandbox/sandboxDefaults';
import { loadOrCreateIdentity } from '../../../src/sandbox/sandboxIdentity';
import { statePaths } from '../../../src/sandbox/stateFiles';

let dir: string;
const stateDir = (name: string) => {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder);
  return statePaths(folder);
};

/** sandbox.json as versions before the catalogue wrote it, with the scopes frozen in. */
const versionOne = {
  version: 1,
  orgId: 'org-from-2024',
  organisationName: 'Old Organisation',
  application: { appId: 'app-from-2024', name: 'Old Application', pmid: 'PM-OLD', scopes: ['cards.read'] },
  clients: { privateKeyJwt: 'pkj-client', clientSecret: 'secret-client' },
  createdAt: '2024-05-01T10:00:00.000Z',
};

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-identity-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the sandbox identity (sandbox.json) and its scopes', () => {
  it('takes its scopes from the catalogue: each scope its operations need, once', () => {
    assert.deepEqual(SANDBOX_SCOPES, scopesOf(OPERATIONS));
    for (const operation of OPERATIONS) assert.ok(SANDBOX_SCOPES.includes(operation.scope), operation.id);
    assert.deepEqual(scopesOf([{ scope: 'cards.write' }, { scope: 'cards.read' }, { scope: 'cards.write' }]), [
      'cards.read',
      'cards.write',
    ]);
  });

  it('creates a version 2 identity that stores no scopes', async () => {
    const paths = stateDir('fresh');
    const identity = await loadOrCreateIdentity(paths);
    const stored = JSON.parse(fs.readFileSync(paths.identity, 'utf8'));
    assert.deepEqual(stored, identity);
    assert.equal(stored.version, 2);
    assert.deepEqual(stored.application, {
      appId: SANDBOX_IDENTITY.appId,
      name: SANDBOX_IDENTITY.applicationName,
      pmid: SANDBOX_IDENTITY.pmid,
    });
  });

  it('rewrites a version 1 file as version 2, dropping the stored scopes and keeping everything else', async () => {
    const paths = stateDir('version-1');
    fs.writeFileSync(paths.identity, JSON.stringify(versionOne, null, 2));
    const expected = { ...versionOne, version: 2, application: { appId: 'app-from-2024', name: 'Old Application', pmid: 'PM-OLD' } };
    assert.deepEqual(await loadOrCreateIdentity(paths), expected);
    assert.deepEqual(JSON.parse(fs.readFileSync(paths.identity, 'utf8')), expected);
    assert.deepEqual(await loadOrCreateIdentity(paths), expected, 'read again as it was rewritten');
  });

  it('refuses a file of an unknown version, saying to start afresh', async () => {
    const paths = stateDir('version-9');
    fs.writeFileSync(paths.identity, JSON.stringify({ ...versionOne, version: 9 }));
    await assert.rejects(loadOrCreateIdentity(paths), {
      message: `${paths.identity} is not a sandbox identity this version understands.`,
      fix: 'Delete the state folder to start a fresh sandbox.',
    });
  });
});
