import * as vscode from 'vscode';
import type { ActiveEnvironment } from '../environment/activeEnvironment';

/** The status bar item naming the active environment; click to switch. */
export class EnvironmentStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('thredd.environment', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly activeEnvironment: ActiveEnvironment) {
    this.item.name = 'Thredd Environment';
    this.item.command = 'thredd.selectEnvironment';
    this.subscription = activeEnvironment.onDidChange(() => void this.update());
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
    const transport = environment.clientCertificate ? 'mTLS' : 'TLS';
    this.item.text = `$(server-environment) Thredd: ${environment.name}`;
    this.item.tooltip = new vscode.MarkdownString(`**${environment.name}** (${transport})\n\n${environment.baseUrl}\n\nClick to switch environment.`);
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
