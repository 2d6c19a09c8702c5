// `npm start`: builds, sets up sandbox credentials in samples/ (idempotent), starts the local Thredd
// sandbox, opens the extension in code-server (the real VS Code workbench) on samples/, and prints
// the URL to open. Ctrl+C stops everything.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, reportInstallError } from './code-server/install.mjs';
import { startCodeServer, testPayloadUrl } from './code-server/server.mjs';
import { ensureStartSettings, startWorkspaceSandbox } from './code-server/startWorkspace.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.join(root, 'samples');
// Kept between runs (and ignored by git) so the editor remembers its layout and settings.
const editorState = path.join(root, '.thredd', 'code-server');
const cli = path.join(root, 'dist', 'cli.js');

execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
// Generated values (keys, certificates, the client secret, the KID) go to git-ignored files: samples/ stays clean.
const { sandbox, ready, env } = await startWorkspaceSandbox({ cli, workspace }).catch((error) => {
  console.error(error.message);
  process.exit(1);
});

try {
  await ensureCodeServer();
} catch (error) {
  sandbox.kill('SIGTERM');
  reportInstallError(error);
  process.exit(1);
}
ensureStartSettings(path.join(editorState, 'user-data'));
mkdirSync(path.join(editorState, 'extensions'), { recursive: true });
const server = await startCodeServer({
  workspace,
  userDataDir: path.join(editorState, 'user-data'),
  extensionsDir: path.join(editorState, 'extensions'),
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
  // The same values thredd.json reads from samples/.env, for the editor's terminals and tasks too.
  env,
});
const url = testPayloadUrl({ port: server.port, workspace, extensionDevelopmentPath: root });
console.log(
  `\nThe Thredd sandbox is running: API ${ready.urls?.tls ?? 'https://127.0.0.1:8443'} (TLS) and ` +
    `${ready.urls?.mtls ?? 'https://127.0.0.1:8444'} (mTLS).`,
);
console.log(`Thredd for VS Code is running in code-server with the samples workspace.\nOpen: ${url}\n(Press Ctrl+C to stop.)\n`);
if (ready.urls?.ehiJwks) {
  // The EHI loop (README, "EHI: Thredd's signature and the sandbox's JWKS"): a sample endpoint that checks Thredd's signatures.
  console.log(
    `EHI JWKS ${ready.urls.ehiJwks}\nTry the sample EHI listener in another terminal:\n` +
      `  node samples/ehi-listener/server.mjs --http --port 8080 --ca samples/certs/sandbox-ca.pem --jwks ${ready.urls.ehiJwks}\n`,
  );
}

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  sandbox.kill('SIGTERM');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
