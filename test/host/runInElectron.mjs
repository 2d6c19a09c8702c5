// The host suite under desktop VS Code via @vscode/test-electron, for machines
// that can download VS Code (CI here cannot: it uses scripts/run-host-tests.mjs).
//   node test/host/runInElectron.mjs [--tests out/test/host/suite/index.js]
//     [--dev <extension dir>] [--workspace <fixture dir>] [--vscode stable|1.90.0]
// On Linux without a display, run it under xvfb-run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_WORKSPACE = path.join(REPO, 'test', 'host', 'workspace');

const { values } = parseArgs({
  options: {
    tests: { type: 'string', default: path.join(REPO, 'out', 'test', 'host', 'suite', 'index.js') },
    dev: { type: 'string', default: REPO },
    workspace: { type: 'string' },
    vscode: { type: 'string', default: 'stable' },
  },
});

const extensionTestsPath = path.resolve(values.tests);
if (!fs.existsSync(extensionTestsPath)) {
  console.error(`runInElectron: no test suite at ${extensionTestsPath} (build it first)`);
  process.exit(2);
}

// The suite may edit its workspace: give it a copy, like the code-server runner.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-electron-'));
const workspace = path.join(tmp, 'workspace');
const fixture = values.workspace ?? (fs.existsSync(DEFAULT_WORKSPACE) ? DEFAULT_WORKSPACE : undefined);
if (fixture) fs.cpSync(path.resolve(fixture), workspace, { recursive: true });
else fs.mkdirSync(workspace);

let code = 0;
try {
  code = await runTests({
    version: values.vscode,
    extensionDevelopmentPath: path.resolve(values.dev),
    extensionTestsPath,
    // No THREDD_SCREENSHOTS_DIR: nothing here takes screenshots, so the suite skips them.
    extensionTestsEnv: { THREDD_HOST_TEST: '1', THREDD_TEST_WORKSPACE: workspace },
    // --disable-extensions: only the extension under development (and built-ins) load.
    launchArgs: [workspace, '--disable-extensions'],
  });
} catch (err) {
  // runTests rejects on a non-zero exit (TestRunFailedError carries the code).
  console.error(`runInElectron: ${err.message}`);
  code = typeof err.code === 'number' && err.code !== 0 ? err.code : 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
}
process.exit(code);
