// What `npm start` does before it opens the editor, shared with the host suite that checks a new
// user's first screen (run-host-tests --like-start): set up the workspace's sandbox credentials, start
// the sandbox as its own process, and give the editor a profile that opens on the Thredd walkthrough.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseEnv } from 'node:util';
import { applyEdits, modify, parse } from 'jsonc-parser';

/** `thredd sandbox init` on the workspace (idempotent), then `thredd sandbox` until stopped. */
export async function startWorkspaceSandbox({ cli, workspace, owner = 'npm start' }) {
  const stateDir = path.join(workspace, '.thredd', 'sandbox');
  execFileSync(process.execPath, [cli, 'sandbox', 'init', '--workspace', workspace, '--state', stateDir], { stdio: 'inherit' });
  const sandbox = spawn(process.execPath, [cli, 'sandbox', '--state', stateDir, '--owner', owner, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise((resolve, reject) => {
    readline.createInterface({ input: sandbox.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    sandbox.once('exit', (code) =>
      reject(new Error(`The sandbox stopped before it was ready (exit ${code}); is another one using ports 8443/8444?`)),
    );
  });
  return { sandbox, ready, env: dotenv(path.join(workspace, '.env')) };
}

// Keys npm start's editor profile needs; a key the user has set already is left as it is.
const START_SETTINGS = {
  // code-server's own "Get Started" page would otherwise take the editor before the Thredd walkthrough.
  'workbench.startupEditor': 'none',
  // The sandbox's ports would otherwise raise "your application is available" notifications.
  'remote.autoForwardPorts': false,
  'telemetry.telemetryLevel': 'off',
};

/** Adds the start profile's settings to the user settings (JSON with comments), keeping the user's own. */
export function ensureStartSettings(userDataDir, extra = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  mkdirSync(path.dirname(file), { recursive: true });
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '{}\n';
  const current = parse(text) ?? {};
  for (const [key, value] of Object.entries({ ...START_SETTINGS, ...extra })) {
    if (key in current) continue;
    text = applyEdits(text, modify(text, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  }
  writeFileSync(file, text);
}

function dotenv(file) {
  return existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
}
