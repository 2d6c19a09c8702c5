import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';

// The tests above run the sources; this one runs what ships: the minified production CLI, one bundle
// per command, as separate processes. (Minified names once broke oidc-provider, and per-command
// bundles once broke error reporting; neither shows when running the sources.)
const root = path.resolve(__dirname, '..', '..', '..');

describe('the production CLI bundle', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-shipped-'));
  const cli = path.join(dir, 'dist', 'cli.js');
  let sandbox: ChildProcess | undefined;
  let urls: { tls: string; mtls: string };

  const thredd = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, THREDD_DEBUG: '' } });

  before(async () => {
    execFileSync(process.execPath, ['esbuild.js', '--production', '--out', path.join(dir, 'dist')], { cwd: root, stdio: 'inherit' });
    sandbox = spawn(process.execPath, [cli, 'sandbox', '--state', 'state', '--port-tls', '0', '--port-mtls', '0', '--json'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: sandbox!.stdout! }).once('line', resolve);
      sandbox!.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    urls = JSON.parse(line).urls;
  });

  after(async () => {
    if (sandbox && sandbox.exitCode === null) {
      const exited = new Promise((resolve) => sandbox!.once('exit', resolve));
      sandbox.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sets up credentials and gets a certificate-bound token from the running sandbox', () => {
    const ports = (url: string) => new URL(url).port;
    const init = thredd(
      'sandbox',
      'init',
      '--workspace',
      'ws',
      '--state',
      'state',
      '--port-tls',
      ports(urls.tls),
      '--port-mtls',
      ports(urls.mtls),
    );
    assert.equal(init.status, 0, init.stderr);
    const token = thredd('token', '--env', 'sandbox-mtls', '--config', 'ws/thredd.json', '--json');
    assert.equal(token.status, 0, token.stderr);
    const result = JSON.parse(token.stdout);
    assert.equal(result.token_type, 'Bearer');
    assert.equal(result.boundToCertificate.matchesTransportCertificate, true);
  });

  it('keeps function names only in the sandbox bundle, whose oidc-provider reads them', () => {
    // esbuild's keepNames helper: Object.defineProperty(fn, "name", {value: ...}) on every function made at run time.
    const keepsNames = (file: string) => /"name",\{value:/.test(fs.readFileSync(path.join(dir, 'dist', 'commands', file), 'utf8'));
    const bundles = fs.readdirSync(path.join(dir, 'dist', 'commands')).filter((file) => file.endsWith('.js'));
    assert.deepEqual(bundles.filter(keepsNames), ['sandboxServe.js']);
  });

  it('reports a user error from a command bundle as one clear line, not as an unexpected error', () => {
    const missing = thredd('token', '--config', 'missing/thredd.json');
    assert.equal(missing.status, 1);
    const lines = missing.stderr.trim().split('\n');
    assert.match(lines[lines.length - 1], /^thredd: .*missing\/thredd\.json has errors; fix them first/);
    assert.doesNotMatch(missing.stderr, /unexpected error/);
  });
});
