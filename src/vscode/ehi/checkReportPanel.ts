import * as vscode from 'vscode';
import type { CheckReport } from '../../core/ehi/check';
import { renderWebviewHtml, webviewOptions } from '../webview/webviewHtml';
import { checkReportBodyHtml } from './checkReportHtml';

/** What the report view last showed, for the host tests. */
export interface ShownEhiCheckReport {
  url: string;
  report: CheckReport;
  html: string;
}

/** One report view, reused by the next check (a report is a snapshot; there is nothing to keep per endpoint). */
export class EhiCheckReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  lastShown: ShownEhiCheckReport | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(url: string, report: CheckReport): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('thredd.ehiCheck', 'EHI Endpoint Check', vscode.ViewColumn.Active, {
        ...webviewOptions(this.extensionUri),
        enableScripts: false,
      });
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'thredd.svg');
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    const html = renderWebviewHtml(this.panel.webview, this.extensionUri, {
      title: 'EHI Endpoint Check',
      body: checkReportBodyHtml(url, report),
      styles: ['ehiCheck.css'],
    });
    this.panel.title = `EHI Check: ${new URL(url).host}`;
    this.panel.webview.html = html;
    this.panel.reveal();
    this.lastShown = { url, report, html };
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
