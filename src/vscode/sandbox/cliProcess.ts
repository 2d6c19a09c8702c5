import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';

/**
 * Runs the bundled `thredd` CLI in its own process: the sandbox (oidc-provider, servers) never
 * loads into the extension host. In desktop VS Code the host's executable is Electron, which
 * ELECTRON_RUN_AS_NODE turns into plain Node.
 */
export function spawnCli(extensionUri: vscode.Uri, args: string[], cwd: string): ChildProcess {
  return spawn(process.execPath, [path.join(extensionUri.fsPath, 'dist', 'cli.js'), ...args], {
    cwd,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a CLI command to its end and returns stdout, or throws with its stderr (one clear line from the CLI). */
export function runCli(extensionUri: vscode.Uri, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(extensionUri, args, cwd);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new UserError(stderr.trim().replace(/^thredd: /, '') || `thredd ${args.join(' ')} exited with ${code}`));
    });
  });
}
