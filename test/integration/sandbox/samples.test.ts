import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEnv } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { initSandboxWorkspace, startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { tempDir } from './sandboxFixture';

const samples = path.resolve(__dirname, '..', '..', '..', 'samples');
const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

describe('the samples workspace against a running sandbox', () => {
  let dir: string;
  let sandbox: RunningSandbox;

  before(async () => {
    // A copy of samples/, set up by init for this sandbox's free ports (the committed file names 8443/8444).
    dir = tempDir('thredd-samples-');
    fs.cpSync(path.join(samples, 'requests'), path.join(dir, 'requests'), { recursive: true });
    fs.copyFileSync(path.join(samples, 'thredd.json'), path.join(dir, 'thredd.json'));
    sandbox = await startSandbox({ stateDir: path.join(dir, '.thredd', 'sandbox'), ports: { tls: 0, mtls: 0 } });
    await initSandboxWorkspace({ workspaceDir: dir, sandbox });
  });
  after(async () => {
    await sandbox.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('"thredd run" passes every @expect of every sample request, in both environments and run again', async () => {
    const env = parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    let out = '';
    let err = '';
    const io = { out: (text: string) => (out += text), err: (text: string) => (err += text), env, cwd: dir };
    const files = ['requests/products.thredd', 'requests/cards.thredd', 'requests/idempotency.thredd', 'requests/errors.thredd'];
    assert.equal(await runCli(['run', ...files], io), 0, out + err);
    assert.match(out, /15 requests: 15 passed, 0 failed/);
    out = '';
    // The client secret client over TLS: another client, so the retry's key is its own.
    assert.equal(await runCli(['run', ...files.slice(0, 3), '--env', 'sandbox'], io), 0, out + err);
    assert.match(out, /12 requests: 12 passed, 0 failed/);
    out = '';
    assert.equal(await runCli(['run', 'requests/idempotency.thredd'], io), 0, out + err);
    assert.match(out, /2 requests: 2 passed, 0 failed/, 'run again within the hour, the retry sample replays the first card');
  });

  it('leaves a clone of samples/ clean for git after init, as npm start runs it: generated values go to ignored files', () => {
    const clone = tempDir('thredd-samples-git-');
    try {
      fs.cpSync(samples, clone, { recursive: true, filter: (source) => !['.thredd', '.env', 'certs'].includes(path.basename(source)) });
      const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8' });
      git('init', '-q');
      git('add', '-A');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'samples');
      execFileSync(process.execPath, [CLI, 'sandbox', 'init', '--workspace', clone, '--state', path.join(clone, '.thredd', 'sandbox')], {
        stdio: 'ignore',
      });
      assert.ok(fs.existsSync(path.join(clone, '.env')) && fs.existsSync(path.join(clone, 'certs', 'sandbox-app-rtssigning.pem')));
      assert.equal(git('status', '--porcelain', '--untracked-files=all'), '');
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
    }
  });
});
