// `npm start`: builds the extension and opens it in code-server (the real VS Code workbench)
// on the samples/ workspace, then prints the URL to open. Ctrl+C stops everything.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, reportInstallError } from './code-server/install.mjs';
import { startCodeServer, testPayloadUrl } from './code-server/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.join(root, 'samples');
// Kept between runs (and ignored by git) so the editor remembers its layout and settings.
const stateDir = path.join(root, '.thredd', 'code-server');

execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
try {
  await ensureCodeServer();
} catch (error) {
  reportInstallError(error);
  process.exit(1);
}
mkdirSync(path.join(stateDir, 'extensions'), { recursive: true });
const server = await startCodeServer({
  workspace,
  userDataDir: path.join(stateDir, 'user-data'),
  extensionsDir: path.join(stateDir, 'extensions'),
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
});
const url = testPayloadUrl({ port: server.port, workspace, extensionDevelopmentPath: root });
console.log(`\nThredd for VS Code is running in code-server with the samples workspace.\nOpen: ${url}\n(Press Ctrl+C to stop.)\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
