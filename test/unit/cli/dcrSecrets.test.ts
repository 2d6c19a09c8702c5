import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CliError, type CliIo } from '../../../src/cli/command';
import { saveSecrets } from '../../../src/cli/commands/dcrSecrets';

function io(dir: string) {
  const err: string[] = [];
  const value: CliIo = { out: () => undefined, err: (text) => err.push(text), env: {}, cwd: dir };
  return { io: value, err };
}

describe('dcr secrets file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-dcr-secrets-'));

  it('keeps the token used and the saved client secret when an update answer leaves them out', async () => {
    const file = path.join(dir, 'registration.json');
    fs.writeFileSync(file, JSON.stringify({ client_id: 'c1', registration_access_token: 'old-rat', client_secret: 'kept-secret' }), {
      mode: 0o600,
    });
    const { io: cli, err } = io(dir);
    await saveSecrets(
      cli,
      { file, show: false, replace: true },
      { clientId: 'c1', registrationClientUri: 'https://as/register/c1', metadata: {}, warnings: [] },
      'used-rat',
    );
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), {
      client_id: 'c1',
      registration_client_uri: 'https://as/register/c1',
      registration_access_token: 'used-rat',
      client_secret: 'kept-secret',
    });
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.match(err.join(''), /Saved the registration \(its access token unchanged\)/);
  });

  it('shows the secrets once when they cannot be written, rather than lose the client', async () => {
    const file = path.join(dir, 'gone', 'registration.json');
    const { io: cli, err } = io(dir);
    await assert.rejects(
      saveSecrets(
        cli,
        { file, show: false, replace: false },
        { clientId: 'c2', registrationAccessToken: 'new-rat', metadata: {}, warnings: [] },
      ),
      (error: unknown) => error instanceof CliError && /succeeded but its secrets could not be saved/.test(error.message),
    );
    assert.match(err.join(''), /Store these now, they are not shown again:[\s\S]*"registration_access_token": "new-rat"/);
  });
});
