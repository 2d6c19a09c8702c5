// Installs code-server (VS Code web + a real remote extension host) offline,
// from the npm registry and Debian packages only. Idempotent: a marker file
// is written after every step passed, so an interrupted install is redone.
//   node scripts/code-server/install.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv, run, tail } from './run.mjs';

export const CODE_SERVER_VERSION = '4.96.4';
const PROXY_AGENT = '@vscode/proxy-agent@0.27.0';
const MARKER = '.thredd-installed';
// VS Code's native modules; npm --ignore-scripts leaves them unbuilt.
const VSCODE_NATIVE = ['@parcel/watcher', '@vscode/spdlog', 'native-watchdog', 'node-pty'];

export class InstallError extends Error {
  constructor(step, message, output = '') {
    super(message);
    this.step = step;
    this.output = output;
  }
}

export function codeServerDir() {
  return process.env.THREDD_CODE_SERVER_DIR || path.join(os.homedir(), '.cache', 'thredd', `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerBin(dir = codeServerDir()) {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function isInstalled(dir) {
  try {
    return fs.readFileSync(path.join(dir, MARKER), 'utf8').trim() === CODE_SERVER_VERSION && fs.existsSync(codeServerBin(dir));
  } catch {
    return false;
  }
}

async function must(step, cmd, args, opts) {
  const { code, output, stdout } = await run(cmd, args, opts);
  if (code !== 0) throw new InstallError(step, `\`${cmd} ${args.join(' ')}\` exited with ${code}`, output);
  return stdout;
}

// Chromium drives the web UI (recommends kept: they bring its fonts). VS Code's
// search needs a ripgrep binary; @vscode/ripgrep's postinstall would download it.
async function ensureSystemPackages(log) {
  const missing = [
    ['/usr/bin/chromium', 'chromium'],
    ['/usr/bin/rg', 'ripgrep'],
  ]
    .filter(([f]) => !fs.existsSync(f))
    .map(([, p]) => p);
  if (!missing.length) return;
  const step = `apt-get install ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) throw new InstallError(step, `not root: install Debian packages ${missing.join(' ')} first`);
  log(`${step}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lists = fs.existsSync('/var/lib/apt/lists') ? fs.readdirSync('/var/lib/apt/lists').filter((f) => f.includes('_Packages')) : [];
  let updated = false;
  if (!lists.length) {
    await must('apt-get update', 'apt-get', ['update'], { env });
    updated = true;
  }
  let res = await run('apt-get', ['install', '-y', ...missing], { env });
  if (res.code !== 0 && !updated) {
    // Stale package lists point at versions the mirror no longer has.
    await must('apt-get update', 'apt-get', ['update'], { env });
    res = await run('apt-get', ['install', '-y', ...missing], { env });
  }
  if (res.code !== 0) throw new InstallError(step, `apt-get exited with ${res.code}`, res.output);
}

// The shrinkwrap pins @vscode/proxy-agent to a git URL (unreachable here);
// the same version is published on the registry.
async function patchShrinkwrap(vscodeDir) {
  const file = path.join(vscodeDir, 'npm-shrinkwrap.json');
  const shrink = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entry = shrink.packages?.['node_modules/@vscode/proxy-agent'];
  if (!entry) throw new Error('no node_modules/@vscode/proxy-agent entry');
  if (entry.resolved?.startsWith('https://')) return;
  const out = await must('patch npm-shrinkwrap.json', 'npm', ['view', PROXY_AGENT, 'dist', '--json']);
  const dist = JSON.parse(out);
  if (!dist.tarball || !dist.integrity) throw new Error(`npm view ${PROXY_AGENT} gave no tarball/integrity`);
  entry.resolved = dist.tarball;
  entry.integrity = dist.integrity;
  fs.writeFileSync(file, `${JSON.stringify(shrink, null, 2)}\n`);
}

// What code-server's postinstall.sh does besides `npm install`.
function linkFiles(vscodeDir) {
  const relink = (target, link) => {
    fs.rmSync(link, { recursive: true, force: true });
    fs.symlinkSync(target, link);
  };
  // Code and built-in extensions look for files under node_modules.asar.
  relink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  relink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  relink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  const rgDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgDir, { recursive: true });
  fs.copyFileSync('/usr/bin/rg', path.join(rgDir, 'rg'));
  fs.chmodSync(path.join(rgDir, 'rg'), 0o755);
}

// npm 11 may skip dependency build scripts silently: load each native module.
async function verify(dir, vscodeDir) {
  const check = `
    const { createRequire } = require('node:module');
    const vs = createRequire(${JSON.stringify(path.join(vscodeDir, 'package.json'))});
    vs('@parcel/watcher'); vs('@vscode/spdlog'); vs('native-watchdog');
    vs('node-pty').spawn('/bin/true', [], {}).kill();
    const cs = createRequire(${JSON.stringify(path.join(dir, 'node_modules', 'code-server', 'package.json'))});
    cs('argon2').hash('x').then(() => console.log('native ok'));`;
  const out = await must('verify native modules', process.execPath, ['-e', check]);
  if (!out.includes('native ok')) throw new InstallError('verify native modules', 'argon2 did not hash', out);
  await must('verify ripgrep', path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'), ['--version']);
  // XDG dirs inside the cache: code-server writes a config file even for --version.
  const xdg = path.join(dir, 'xdg');
  const env = cleanEnv({ XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_DATA_HOME: path.join(xdg, 'data') });
  const version = await must('verify code-server', process.execPath, [codeServerBin(dir), '--version'], { env });
  if (!version.includes(CODE_SERVER_VERSION)) throw new InstallError('verify code-server', `unexpected version: ${version.trim()}`);
}

async function install(dir, log) {
  const vscodeDir = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  const step = async (name, fn) => {
    log(name);
    try {
      await fn();
    } catch (err) {
      throw err instanceof InstallError ? err : new InstallError(name, err.message);
    }
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(path.join(dir, MARKER), { force: true });
  // A package.json makes this folder npm's project root, not some parent.
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'thredd-code-server', private: true }, null, 2)}\n`);
  await step(`npm install code-server@${CODE_SERVER_VERSION}`, () =>
    must(`npm install code-server@${CODE_SERVER_VERSION}`, 'npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts'], {
      cwd: dir,
    }),
  );
  await step(`patch npm-shrinkwrap.json (${PROXY_AGENT} from the registry)`, () => patchShrinkwrap(vscodeDir));
  await step('npm install lib/vscode', () =>
    must('npm install lib/vscode', 'npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: vscodeDir }),
  );
  await step('npm install lib/vscode/extensions', () =>
    must('npm install lib/vscode/extensions', 'npm', ['install', '--omit=dev', '--ignore-scripts'], {
      cwd: path.join(vscodeDir, 'extensions'),
    }),
  );
  await step(`npm rebuild ${VSCODE_NATIVE.join(' ')}`, () =>
    must('npm rebuild (vscode)', 'npm', ['rebuild', ...VSCODE_NATIVE], { cwd: vscodeDir }),
  );
  // argon2 is hoisted next to code-server, so rebuild from the cache root.
  await step('npm rebuild argon2', () => must('npm rebuild argon2', 'npm', ['rebuild', 'argon2'], { cwd: dir }));
  await step('link node_modules.asar, CLI scripts and /usr/bin/rg', () => linkFiles(vscodeDir));
  await step('verify native modules, ripgrep, code-server --version', () => verify(dir, vscodeDir));
  fs.writeFileSync(path.join(dir, MARKER), `${CODE_SERVER_VERSION}\n`);
}

// Two runs starting at once (parallel test jobs) must not install into the
// same folder together: a lock file holding the installer's pid; a lock whose
// process is gone is stale.
async function withLock(lock, fn, log) {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    try {
      process.kill(pid, 0);
    } catch {
      fs.rmSync(lock, { force: true });
      continue;
    }
    if (!told) log(`waiting for another install (pid ${pid}) to finish`);
    told = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Returns the code-server entry script, installing it first if needed. */
export async function ensureCodeServer({ log = (m) => console.log(`[code-server] ${m}`) } = {}) {
  const dir = codeServerDir();
  return withLock(
    `${dir}.lock`,
    async () => {
      await ensureSystemPackages(log);
      if (isInstalled(dir)) return codeServerBin(dir);
      const started = Date.now();
      log(`installing ${CODE_SERVER_VERSION} into ${dir}`);
      await install(dir, log);
      log(`installed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
      return codeServerBin(dir);
    },
    log,
  );
}

/** One clear line naming the failed step, after the tail of its output. */
export function reportInstallError(err) {
  if (err.output) console.error(tail(err.output));
  console.error(`code-server install failed at step "${err.step ?? 'unknown'}": ${err.message}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    const bin = await ensureCodeServer();
    console.log(`[code-server] ready: ${bin} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  } catch (err) {
    reportInstallError(err);
    process.exit(1);
  }
}
