import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InspectResult } from '../../core/pki';
import { renderWebviewHtml, webviewOptions } from '../webview/webviewHtml';
import { certificateBodyHtml } from './certificateHtml';

interface CopyMessage {
  type: 'copy';
  label: string;
  value: string;
}

/** Read-only certificate views, one panel per file (showing a file again reuses its panel). */
export class CertificatePanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  /** What the last view showed, for the host tests. */
  lastShown: { file: string; result: InspectResult; html: string } | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(file: string, result: InspectResult): void {
    let panel = this.panels.get(file);
    if (!panel) {
      panel = vscode.window.createWebviewPanel(
        'thredd.certificate',
        `Certificate: ${path.basename(file)}`,
        vscode.ViewColumn.Active,
        webviewOptions(this.extensionUri),
      );
      panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'thredd.svg');
      panel.webview.onDidReceiveMessage((message: CopyMessage) => this.onMessage(message));
      panel.onDidDispose(() => this.panels.delete(file));
      this.panels.set(file, panel);
    }
    const html = renderWebviewHtml(panel.webview, this.extensionUri, {
      title: path.basename(file),
      body: certificateBodyHtml(path.basename(file), result),
      scripts: ['certificateView.js'],
    });
    panel.webview.html = html;
    panel.reveal();
    this.lastShown = { file, result, html };
  }

  private async onMessage(message: CopyMessage): Promise<void> {
    if (message?.type !== 'copy' || typeof message.value !== 'string') return;
    await vscode.env.clipboard.writeText(message.value);
    vscode.window.setStatusBarMessage(`Copied ${message.label}`, 3000);
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
  }
}
