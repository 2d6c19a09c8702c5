// Starts code-server on a free loopback port and stops it (with every process
// it forked: extension host, pty host, file watcher) as one process group.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { codeServerBin } from './install.mjs';
import { cleanEnv, run, tail } from './run.mjs';

const LOG_LIMIT = 2 * 1024 * 1024;
// No marketplace: offline, its queries (open-vsx.org) only fail and log errors.
const NO_GALLERY = '{}';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// code-server writes config.yaml and logs under XDG dirs; keep them out of $HOME.
function xdgEnv(root) {
  return { XDG_CONFIG_HOME: path.join(root, 'config'), XDG_DATA_HOME: path.join(root, 'data') };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ workspace: string, userDataDir: string, extensionsDir: string, port?: number,
 *   env?: Record<string,string>, bin?: string, onOutput?: (text: string) => void,
 *   readyTimeout?: number }} opts
 */
export async function startCodeServer({
  workspace,
  userDataDir,
  extensionsDir,
  port,
  env = {},
  bin = codeServerBin(),
  onOutput,
  readyTimeout = 60_000,
  workspaceTrust = false,
}) {
  port ??= await freePort();
  const args = [
    bin,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // Trust is off unless a suite tests the untrusted (restricted) mode.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    workspace,
  ];
  // detached: own process group, so stop() can signal all descendants at once.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnv({ ...xdgEnv(path.join(userDataDir, '.code-server-xdg')), EXTENSIONS_GALLERY: NO_GALLERY, ...env }),
  });
  let log = '';
  const onData = (d) => {
    const text = d.toString();
    log = (log + text).slice(-LOG_LIMIT);
    onOutput?.(text);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));

  // Signal 0 only asks whether any process of the group is still there.
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
      return true;
    } catch {
      return false; // ESRCH: the whole group is gone
    }
  };
  // Last resort if our process dies without calling stop().
  const killSync = () => signalGroup('SIGKILL');
  process.on('exit', killSync);

  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      if (!exited) {
        signalGroup('SIGTERM');
        await Promise.race([exitPromise, sleep(5000)]);
      }
      // Forked children (extension host, pty host) may outlive the main
      // process; wait until they are gone so their files can be removed.
      killSync();
      for (let i = 0; i < 20 && signalGroup(0); i++) await sleep(100);
      process.off('exit', killSync);
    })());

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + readyTimeout;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited (${exited.code ?? exited.signal}) before answering HTTP:\n${tail(log, 40)}`);
    }
    const res = await fetch(`${url}healthz`).catch(() => undefined);
    if (res?.ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${readyTimeout} ms:\n${tail(log, 40)}`);
    }
    await sleep(200);
  }
  return { url, port, pid: child.pid, stop, log: () => log };
}

/** Installs a .vsix into extensionsDir with code-server's CLI. */
export async function installVsix(vsixPath, extensionsDir, { bin = codeServerBin() } = {}) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-vsix-'));
  try {
    const args = [
      bin,
      '--install-extension',
      path.resolve(vsixPath),
      '--force',
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      path.join(scratch, 'user-data'),
    ];
    const { code, output } = await run(process.execPath, args, { env: cleanEnv({ ...xdgEnv(scratch), EXTENSIONS_GALLERY: NO_GALLERY }) });
    if (code !== 0 || !/successfully installed/i.test(output)) {
      throw new Error(`installing ${vsixPath} failed (exit ${code}):\n${tail(output)}`);
    }
    return output
      .split('\n')
      .find((l) => /successfully installed/i.test(l))
      .trim();
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * URL that opens `workspace` with a development extension (and, when given,
 * the test runner) loaded in the remote extension host. Paths are on the
 * server's disk, which is this machine.
 */
export function testPayloadUrl({ port, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return (
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(workspace))}&payload=` +
    `${encodeURIComponent(JSON.stringify(payload))}`
  );
}
