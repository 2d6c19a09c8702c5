import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import * as vscode from 'vscode';
import { secretNames } from '../../core/auth/secrets';
import { findRunningSandbox, isAlive, type RunningSandboxRecord } from '../../core/sandboxStatus/runningFile';
import { sandboxStateDir } from '../../core/sandboxStatus/stateDir';
import { UserError } from '../../core/errors/userError';
import { parseDotenv } from '../../core/requestFile/dotenv';
import type { AuthServices } from '../auth/authServices';
import type { ConfigService } from '../config/configService';
import { requireTrust } from '../trust';
import { showUserError } from '../userErrors';
import { runCli, spawnCli } from './cliProcess';

export interface SandboxInfo {
  urls: { tls: string; mtls: string; token: string; ehiJwks?: string };
  files?: { rootCa?: string };
}

/**
 * The local Thredd sandbox, with a status bar item: one the extension runs as a child process, or one
 * another process (npm start, a terminal) runs on this workspace's state folder, found by its running.json.
 */
export class SandboxController implements vscode.Disposable {
  private child: ChildProcess | undefined;
  private info: SandboxInfo | undefined;
  private external: RunningSandboxRecord | undefined;
  private readonly item = vscode.window.createStatusBarItem('thredd.sandbox', vscode.StatusBarAlignment.Left, 48);
  private readonly watcher: vscode.Disposable | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly configService: ConfigService,
    private readonly auth: AuthServices,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.item.name = 'Thredd Sandbox';
    this.render();
    const workspace = workspaceDir();
    if (workspace) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(sandboxStateDir(workspace), 'running.json'));
      const changed = () => void this.detect();
      this.watcher = vscode.Disposable.from(
        watcher,
        watcher.onDidCreate(changed),
        watcher.onDidChange(changed),
        watcher.onDidDelete(changed),
      );
      changed();
    }
  }

  get running(): SandboxInfo | undefined {
    return this.info ?? (this.external && { urls: this.external.urls });
  }

  /** What the status bar says, for the tests. */
  get statusText(): string {
    return this.item.text;
  }

  /** Looks for a sandbox another process runs on this workspace's state folder. */
  async detect(): Promise<RunningSandboxRecord | undefined> {
    const workspace = workspaceDir();
    const found = workspace ? await findRunningSandbox(sandboxStateDir(workspace)) : undefined;
    this.external = found && found.pid !== this.child?.pid ? found : undefined;
    this.render();
    return this.external;
  }

  async start(): Promise<SandboxInfo | undefined> {
    if (!requireTrust('start the local sandbox')) return undefined;
    if (this.info) return this.info;
    const external = await this.detect();
    if (external) {
      void vscode.window.showInformationMessage(`The sandbox is already running, started by ${ownerText(external)}: ${external.urls.tls}.`);
      return { urls: external.urls };
    }
    const workspace = workspaceDir();
    if (!workspace) {
      void vscode.window.showErrorMessage('Open a folder first: the sandbox keeps its CA and data in .thredd/sandbox of the workspace.');
      return undefined;
    }
    const child = spawnCli(
      this.extensionUri,
      ['sandbox', '--state', sandboxStateDir(workspace), '--owner', 'VS Code', '--json'],
      workspace,
    );
    this.child = child;
    const errors: string[] = [];
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      errors.push(line);
      this.log.warn(`sandbox: ${line}`);
    });
    try {
      this.info = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Starting the local Thredd sandbox…' },
        () =>
          new Promise<SandboxInfo>((resolve, reject) => {
            readline.createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as SandboxInfo));
            const portsInUse = 'Another sandbox may be using ports 8443/8444 (npm start runs one).';
            child.once('exit', (code) =>
              reject(new UserError(`The sandbox stopped (exit ${code}): ${errors.slice(-2).join(' ') || 'no message'}.`, portsInUse)),
            );
          }),
      );
    } catch (error) {
      this.child = undefined;
      void showUserError(this.log, error, 'Start Local Sandbox');
      return undefined;
    }
    child.once('exit', () => {
      this.child = undefined;
      this.info = undefined;
      this.render();
    });
    this.log.info(`Sandbox running: ${this.info.urls.tls} (TLS), ${this.info.urls.mtls} (mTLS).`);
    this.render();
    return this.info;
  }

  /** `confirmed`: stop a sandbox another process started without asking (a command argument, for scripts and tests). */
  async stop(options: { confirmed?: boolean } = {}): Promise<void> {
    const child = this.child;
    if (!child) return this.stopExternal(options.confirmed === true);
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    this.log.info('Sandbox stopped.');
  }

  /** A sandbox another process started is stopped only when the user says so, after being told whose it is. */
  private async stopExternal(confirmed: boolean): Promise<void> {
    const external = await this.detect();
    if (!external) return;
    const choice =
      confirmed ||
      (await vscode.window.showWarningMessage(
        `The sandbox was started by ${ownerText(external)}, not by VS Code. Stop it anyway?`,
        { modal: true, detail: 'Whatever started it keeps running without it; start the sandbox again from the status bar.' },
        'Stop It',
      )) === 'Stop It';
    if (!choice) return;
    process.kill(external.pid, 'SIGTERM');
    for (let waited = 0; waited < 5000 && isAlive(external.pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    this.log.info(`Sandbox stopped (it was started by ${ownerText(external)}).`);
    await this.detect();
  }

  /**
   * `Thredd: Set Up Sandbox Credentials`: keys and CSRs, certificates from the sandbox CA, thredd.json
   * entries; the client secret goes to SecretStorage so thredd.json never holds it.
   */
  async setUpCredentials(): Promise<string[] | undefined> {
    if (!requireTrust('generate keys for the sandbox')) return undefined;
    const workspace = workspaceDir();
    if (!workspace) return undefined;
    try {
      const output = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Setting up sandbox keys and certificates…' },
        () =>
          runCli(
            this.extensionUri,
            ['sandbox', 'init', '--workspace', workspace, '--state', sandboxStateDir(workspace), '--json'],
            workspace,
          ),
      );
      const result = JSON.parse(output) as { environments: string[]; applications: string[]; files: { dotenv: string } };
      const secret = readDotenv(result.files.dotenv).THREDD_SANDBOX_CLIENT_SECRET;
      const config = (await this.configService.reload())?.config;
      for (const name of result.applications) {
        const application = config?.applications[name];
        if (secret && application && application.auth.method !== 'private_key_jwt')
          await this.auth.secrets.store(secretNames.clientSecret(name), secret);
      }
      this.auth.clearTokens();
      void vscode.window
        .showInformationMessage(
          `Sandbox credentials ready: environments ${result.environments.join(', ')} in thredd.json. Start ` +
            `the sandbox, then send a request.`,
          'Start Sandbox',
        )
        .then((choice) => choice && this.start());
      return result.environments;
    } catch (error) {
      void showUserError(this.log, error, 'Set Up Sandbox Credentials');
      return undefined;
    }
  }

  private render(): void {
    const running = this.running;
    this.item.text = running ? '$(beaker) Sandbox: running' : '$(beaker) Sandbox: stopped';
    const by = !this.info && this.external ? `Started by ${ownerText(this.external)}.\n` : '';
    this.item.tooltip = running
      ? `Local Thredd sandbox\n${running.urls.tls} (TLS)\n${running.urls.mtls} (mTLS)\n${by}Click to stop.`
      : 'Local Thredd sandbox. Click to start.';
    this.item.command = running ? 'thredd.stopSandbox' : 'thredd.startSandbox';
    void vscode.commands.executeCommand('setContext', 'thredd.sandboxRunning', Boolean(running));
    this.item.show();
  }

  dispose(): void {
    this.child?.kill('SIGTERM');
    this.watcher?.dispose();
    this.item.dispose();
  }
}

function ownerText(record: RunningSandboxRecord): string {
  return `${record.owner} (pid ${record.pid})`;
}

function workspaceDir(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** The .env that sandbox init wrote, parsed as `{{$dotenv}}` parses it. */
function readDotenv(file: string): Record<string, string | undefined> {
  return fs.existsSync(file) ? parseDotenv(fs.readFileSync(file, 'utf8')) : {};
}
