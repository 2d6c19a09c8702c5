import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ThreddExtensionApi } from '../../../src/vscode/testApi';

export const EXTENSION_ID = 'thredd-tools.thredd-vscode';

export async function activateExtension(): Promise<ThreddExtensionApi> {
  const extension = vscode.extensions.getExtension<ThreddExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this host`);
  return extension.activate();
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the host was opened without a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Polls until `check` returns a value (not undefined/false) or the time runs out, for state the host updates asynchronously. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** ThemeColor's id (the 1.90 typings do not declare it, the runtime object has it). */
export function themeColorId(icon: vscode.TreeItem['iconPath']): string | undefined {
  return ((icon as vscode.ThemeIcon | undefined)?.color as unknown as { id?: string } | undefined)?.id;
}

/**
 * Asks the host-test runner (scripts/run-host-tests.mjs) for a screenshot of the workbench and waits
 * until the PNG is on disk. Outside the code-server runner (no THREDD_SCREENSHOTS_DIR) it does nothing.
 */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env.THREDD_SCREENSHOTS_DIR;
  if (!dir) return;
  const fs = await import('node:fs');
  const path = await import('node:path');
  const file = path.join(dir, `${name}.png`);
  fs.rmSync(file, { force: true });
  await vscode.commands.executeCommand('notifications.clearAll');
  // Give webviews time to load their page and paint before the picture is taken.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  console.log(`[thredd-screenshot] ${name}`);
  await waitFor(`screenshot ${name}`, () => fs.existsSync(file), 30_000);
}

/**
 * Adds `environment` to the workspace's thredd.json under `name` and makes it the active one, for a suite's
 * test server; the function returned puts the file and the fixture's sandbox-tls environment back.
 */
export async function useTestEnvironment(name: string, environment: Record<string, unknown>): Promise<() => Promise<void>> {
  const fs = await import('node:fs');
  const configUri = workspaceUri('thredd.json');
  const original = fs.readFileSync(configUri.fsPath, 'utf8');
  const config = JSON.parse(original);
  config.environments[name] = environment;
  fs.writeFileSync(configUri.fsPath, JSON.stringify(config, null, 2));
  const api = await activateExtension();
  await api.getConfig(true);
  await vscode.commands.executeCommand('thredd.selectEnvironment', name);
  return async () => {
    fs.writeFileSync(configUri.fsPath, original);
    await api.getConfig(true);
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-tls');
  };
}

/**
 * Updates a global setting and resolves once VS Code has told listeners of the change. The extension's
 * listeners were registered at activation, before this one, so they have run by then.
 */
export async function updateSetting(section: string, key: string, value: unknown): Promise<void> {
  const heard = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`${section}.${key}`)) return;
      listener.dispose();
      resolve();
    });
  });
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
  await heard;
}
