// Probe for bench/activation.mjs, run as the extensionTestsPath in a fresh extension host where the
// packaged .vsix is installed and the workspace folder is empty (nothing triggers an activation event).
// Waits THREDD_ACTIVATION_WAIT_MS for the workbench's own start-up to settle, then times one cold
// `await ext.activate()` (reading and compiling dist/extension.js, then the activate call) and, within
// it, `loadMs`: the require of dist/extension.js (read, compile, top-level code), timed by wrapping
// Node's .js loader. Lists the extension's files in require.cache right after it and one second later
// (files loaded by work the activation left running), and prints one line for the bench:
//   [thredd-activation] {"ms":12.3,"loadMs":9.1,"loaded":["dist/extension.js"],"later":[],"heavy":[],"before":[],"bundleBytes":...}
// Files brought in by import() of an ES module are not in require.cache, so they are not listed.
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

type Loader = (module: unknown, filename: string) => void;
const jsLoaders = (require('node:module') as { _extensions: Record<string, Loader> })._extensions;

const EXTENSION_ID = 'thredd-tools.thredd-vscode';
// undici and node-forge ship as dist/lazy/*.js, loaded on first use: activation must not load them either.
const HEAVY = /node-forge|oidc-provider|sandbox|lazy\//i;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The extension's files in require.cache, relative to its folder, with forward slashes. */
function loadedFiles(root: string): string[] {
  return Object.keys(require.cache)
    .filter((file) => file.startsWith(root + path.sep))
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .sort();
}

/**
 * With THREDD_ACTIVATION_PROFILE set to a folder, a V8 CPU profile of the activation goes there (open it in
 * Chrome's or VS Code's profiler). The profiler's own start is outside the timed span; its sampling is not.
 */
async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const folder = process.env.THREDD_ACTIVATION_PROFILE;
  if (!folder) return undefined;
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `activation-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  await sleep(Number(process.env.THREDD_ACTIVATION_WAIT_MS ?? 0));
  if (ext.isActive) throw new Error(`${EXTENSION_ID} was already active: something in the workspace triggered an activation event`);
  const root = ext.extensionPath;
  const before = loadedFiles(root);

  const main = path.join(root, 'dist', 'extension.js');
  let loadMs: number | undefined;
  const loadJs = jsLoaders['.js'];
  jsLoaders['.js'] = function (module, filename) {
    const t = performance.now();
    try {
      return loadJs.call(this, module, filename);
    } finally {
      if (filename === main) loadMs = performance.now() - t;
    }
  };
  const profile = await startProfile();
  const start = performance.now();
  try {
    await ext.activate();
  } finally {
    jsLoaders['.js'] = loadJs;
  }
  const ms = performance.now() - start;
  await profile?.stop();
  const loaded = loadedFiles(root);

  await sleep(1000);
  const later = loadedFiles(root).filter((file) => !loaded.includes(file));
  const heavy = [...loaded, ...later].filter((file) => HEAVY.test(file));
  const bundleBytes = fs.statSync(path.join(root, 'dist', 'extension.js')).size;
  console.log(`[thredd-activation] ${JSON.stringify({ ms, loadMs, loaded, later, heavy, before, bundleBytes })}`);
}
