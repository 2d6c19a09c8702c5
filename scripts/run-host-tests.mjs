// Runs a compiled mocha host-test suite inside a real VS Code extension host:
// code-server (VS Code web + remote extension host) driven by headless Chromium.
//   node scripts/run-host-tests.mjs [--tests <suite index.js>] [--dev <extension dir>]
//     [--workspace <fixture dir>] [--vsix <file>] [--timeout <ms>]
//     [--screenshots <dir>] [--theme dark|light] [--untrusted] [--like-start]
// Defaults: --tests out/test/host/suite/index.js, --dev the repo root,
// --workspace test/host/workspace when it exists (always opened as a temp copy).
// Exits with the suite's exit code.
//
// The extension host gets THREDD_HOST_TEST=1, THREDD_TEST_WORKSPACE (the temp
// copy) and THREDD_SCREENSHOTS_DIR. Screenshot protocol: the suite deletes
// <dir>/<name>.png, console.logs `[thredd-screenshot] <name>` (name: [\w.-]+)
// and polls until the file exists; it is written atomically. The suite's
// console output reaches this process through the workbench's codeAutomationLog.
// THREDD_KEEP_TMP=1 keeps the temp folder (user-data/logs); THREDD_HOST_DEBUG=1
// prints the raw codeAutomationLog calls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser } from './code-server/browser.mjs';
import { ensureCodeServer, reportInstallError } from './code-server/install.mjs';
import { installVsix, startCodeServer, testPayloadUrl } from './code-server/server.mjs';
import { tail } from './code-server/run.mjs';
import { formatAutomationLog } from './code-server/automation-log.mjs';
import { ensureStartSettings, startWorkspaceSandbox } from './code-server/startWorkspace.mjs';
import { extHostErrors } from './code-server/exthost-log.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOT = /\[thredd-screenshot\] ([\w.-]+)/;
const DEFAULT_TESTS = path.join(REPO, 'out', 'test', 'host', 'suite', 'index.js');
const DEFAULT_WORKSPACE = path.join(REPO, 'test', 'host', 'workspace');
const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' };

function parseCli() {
  const { values } = parseArgs({
    options: {
      tests: { type: 'string', default: DEFAULT_TESTS },
      dev: { type: 'string', default: REPO },
      workspace: { type: 'string' },
      vsix: { type: 'string' },
      timeout: { type: 'string', default: '300000' },
      screenshots: { type: 'string' },
      theme: { type: 'string' },
      // Opens the workspace untrusted (restricted mode), for the workspace-trust suite.
      untrusted: { type: 'boolean', default: false },
      // Opens the workspace the way `npm start` does: its sandbox started outside the editor, npm start's profile.
      'like-start': { type: 'boolean', default: false },
    },
  });
  const fail = (msg) => {
    console.error(`run-host-tests: ${msg}`);
    process.exit(2);
  };
  const tests = path.resolve(values.tests);
  if (!fs.existsSync(tests)) fail(`no test suite at ${tests} (build it first)`);
  if (values.theme && !THEMES[values.theme]) fail('--theme must be dark or light');
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) fail('--timeout must be a positive number of ms');
  const workspace = values.workspace ?? (fs.existsSync(DEFAULT_WORKSPACE) ? DEFAULT_WORKSPACE : undefined);
  if (workspace && !fs.existsSync(workspace)) fail(`no workspace fixture at ${workspace}`);
  if (values.vsix && !fs.existsSync(values.vsix)) fail(`no .vsix at ${values.vsix}`);
  return { ...values, tests, timeout, workspace, dev: path.resolve(values.dev) };
}

// A fresh profile each run: no welcome page, no trust prompt, no telemetry.
function writeSettings(userDataDir, theme, untrusted) {
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': untrusted,
    // Untrusted runs never ask: the folder stays in restricted mode.
    ...(untrusted && { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' }),
    'telemetry.telemetryLevel': 'off',
    // The sandbox's ports would otherwise raise "your application is available" notifications.
    'remote.autoForwardPorts': false,
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    ...(theme && { 'workbench.colorTheme': THEMES[theme] }),
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

// Temp file + rename: the suite polls for the file and must never see half a PNG.
async function takeScreenshot(page, dir, name) {
  const file = path.join(dir, `${name}.png`);
  const partial = path.join(dir, `.${name}.${process.pid}.partial.png`);
  try {
    await page.screenshot({ path: partial });
    fs.renameSync(partial, file);
    console.log(`[host-tests] screenshot ${file}`);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    console.error(`[host-tests] screenshot ${name} failed: ${err.message}`);
  }
}

async function main() {
  const opts = parseCli();
  const started = Date.now();
  const bin = await ensureCodeServer();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-host-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  const screenshots = path.resolve(opts.screenshots ?? path.join(tmp, 'screenshots'));
  for (const d of [userDataDir, extensionsDir, workspace, screenshots]) fs.mkdirSync(d, { recursive: true });
  // Like a fresh clone: what sandbox init generates (and git ignores) is left behind.
  const generated = new Set(['.thredd', '.env', 'certs']);
  const cloned = opts['like-start'] ? (source) => !generated.has(path.basename(source)) : undefined;
  if (opts.workspace) fs.cpSync(path.resolve(opts.workspace), workspace, { recursive: true, filter: cloned });
  if (opts['like-start']) ensureStartSettings(userDataDir, opts.theme ? { 'workbench.colorTheme': THEMES[opts.theme] } : {});
  else writeSettings(userDataDir, opts.theme, opts.untrusted);

  let server;
  let browser;
  let startedSandbox;
  let cleaned;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await browser?.close();
      await server?.stop();
      startedSandbox?.sandbox.kill('SIGTERM');
      // THREDD_KEEP_TMP=1 keeps user data (logs/), workspace and screenshots.
      if (!process.env.THREDD_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
    })());
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.once(sig, () => {
      console.error(`[host-tests] ${sig}: stopping code-server and Chromium`);
      cleanup()
        .catch((err) => console.error(`[host-tests] cleanup failed: ${err.message}`))
        .finally(() => process.exit(code));
    });
  }

  try {
    if (opts.vsix) console.log(`[host-tests] ${await installVsix(opts.vsix, extensionsDir, { bin })}`);
    if (opts['like-start']) startedSandbox = await startWorkspaceSandbox({ cli: path.join(REPO, 'dist', 'cli.js'), workspace });
    server = await startCodeServer({
      workspace,
      userDataDir,
      extensionsDir,
      workspaceTrust: opts.untrusted,
      bin,
      // The extension host inherits these: the suite finds its fixtures and
      // knows where screenshots it asks for will appear.
      env: {
        ...startedSandbox?.env,
        THREDD_HOST_TEST: '1',
        THREDD_SCREENSHOTS_DIR: screenshots,
        THREDD_TEST_WORKSPACE: workspace,
      },
    });
    browser = await launchBrowser({ colorScheme: opts.theme });
    const { page } = browser;

    let exitResolve;
    const exited = new Promise((r) => (exitResolve = r));
    let shots = Promise.resolve();
    // Exposed before navigation: the workbench checks for them at startup.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = formatAutomationLog(type, args);
      if (process.env.THREDD_HOST_DEBUG) console.log(`[raw ${type}]`, JSON.stringify(args));
      if (line === undefined) return;
      process.stdout.write(`${line}\n`);
      const shot = SCREENSHOT.exec(line);
      if (shot) shots = shots.then(() => takeScreenshot(page, screenshots, shot[1]));
    });
    await page.exposeFunction('codeAutomationExit', async (code, logs) => {
      await shots;
      if (process.env.THREDD_HOST_DEBUG) console.log('[raw exit]', code, JSON.stringify(logs).slice(0, 3000));
      exitResolve({ code, logs });
    });

    const url = testPayloadUrl({ port: server.port, workspace, extensionDevelopmentPath: opts.dev, extensionTestsPath: opts.tests });
    console.log(
      `[host-tests] code-server ${server.url} ready after ${((Date.now() - started) / 1000).toFixed(1)}s; running ` +
        `${path.relative(process.cwd(), opts.tests) || opts.tests}`,
    );
    // The timeout covers page load too; a crashed page would otherwise hang.
    page.on('crash', () => exitResolve({ code: 1, crashed: true }));
    let timer;
    const timedOut = new Promise((r) => (timer = setTimeout(() => r(null), opts.timeout)));
    const loaded = page.goto(url, { waitUntil: 'domcontentloaded', timeout: opts.timeout }).then(() => exited);
    const result = await Promise.race([loaded, exited, timedOut]);
    clearTimeout(timer);
    if (result?.crashed) console.error('[host-tests] the browser page crashed');
    if (!result) {
      console.error(`[host-tests] timed out after ${opts.timeout} ms waiting for the suite to finish. code-server log tail:`);
      console.error(tail(server.log(), 40));
    }
    if (result?.code !== 0) {
      const errors = extHostErrors(userDataDir);
      if (errors.length) console.error(`[host-tests] extension host errors (remoteexthost.log):\n${errors.join('\n')}`);
      if (process.env.THREDD_KEEP_TMP) console.error(`[host-tests] logs kept in ${tmp}`);
    }
    if (!result) return 1;
    console.log(`[host-tests] done in ${((Date.now() - started) / 1000).toFixed(1)}s, exit code ${result.code}`);
    return result.code;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err.step) reportInstallError(err);
    else console.error(`[host-tests] ${err.stack ?? err}`);
    process.exit(1);
  },
);
