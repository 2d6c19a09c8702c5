import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { tempDir } from '../sandbox/sandboxFixture';

const root = path.resolve(__dirname, '..', '..', '..');
let dir: string;

/** Runs `thredd sandbox` on free ports until a line matches, then stops it with SIGTERM; resolves with that line. */
async function sandboxLine(extra: string[], wanted: RegExp): Promise<string> {
  const args = ['--import', 'tsx', path.join(root, 'src', 'cli.ts'), 'sandbox', '--state', path.join(dir, 'state')];
  const child = spawn(process.execPath, [...args, '--port-tls', '0', '--port-mtls', '0', ...extra], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    return await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => wanted.test(line) && resolve(line));
      child.once('exit', () => reject(new Error(`the sandbox exited without the line: ${stderr}`)));
    });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('thredd sandbox names its EHI JWKS', () => {
  before(() => (dir = tempDir('thredd-ehi-banner-')));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('on a line that starts with "EHI JWKS", and as urls.ehiJwks in the --json ready line', async () => {
    const line = await sandboxLine([], /^EHI JWKS/);
    assert.match(line, /^EHI JWKS {2}https:\/\/127\.0\.0\.1:\d+\/ehi\/[0-9a-f-]{36}\/jwks\.json {3}\(Thredd's side/);
    const ready = JSON.parse(await sandboxLine(['--json'], /^\{/));
    assert.match(ready.urls.ehiJwks, new RegExp(`^${ready.urls.tls}/ehi/${ready.orgId}/jwks\\.json$`));
    assert.equal(ready.ehi.files.trustChain, path.join(dir, 'state', 'ehi', 'trust-chain.pem'));
  });
});
