import * as vscode from 'vscode';
import type { AuthServices } from '../auth/authServices';
import type { ActiveEnvironment } from '../environment/activeEnvironment';

/** The status bar item naming the active environment and its token state; click to switch. */
export class EnvironmentStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('thredd.environment', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly activeEnvironment: ActiveEnvironment,
    private readonly auth: AuthServices,
  ) {
    this.item.name = 'Thredd Environment';
    this.item.command = 'thredd.selectEnvironment';
    this.disposables = [activeEnvironment.onDidChange(() => void this.update()), auth.onDidChangeTokens(() => void this.update())];
    // The countdown moves even when nothing else happens.
    this.timer = setInterval(() => void this.update(), 30_000);
    void this.update();
  }

  /** The text shown now, for the host tests. */
  get text(): string {
    return this.item.text;
  }

  async update(): Promise<void> {
    const environment = await this.activeEnvironment.get();
    if (!environment) {
      this.item.hide();
      return;
    }
    const token = await this.auth.peekActive();
    const minutes = token && Math.floor((token.expiresAt - Date.now()) / 60_000);
    const state = token === undefined ? 'no token' : minutes! > 0 ? `token ${minutes} min` : 'token expired';
    const transport = environment.clientCertificate ? 'mTLS' : 'TLS';
    this.item.text = `$(server-environment) Thredd: ${environment.name}${environment.application ? ` · ${state}` : ''}`;
    this.item.tooltip = new vscode.MarkdownString(
      `**${environment.name}** (${transport})\n\n${environment.baseUrl}` +
        `${environment.application ? `\n\nApplication: ${environment.application} · ${state}` : ''}\n\nClick to switch environment.`,
    );
    this.item.backgroundColor = state === 'token expired' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    clearInterval(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
    this.item.dispose();
  }
}
