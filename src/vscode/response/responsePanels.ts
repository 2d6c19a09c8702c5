import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunResult } from '../../core/runner/types';
import { renderWebviewHtml, webviewOptions } from '../webview/webviewHtml';
import { responseBodyHtml } from './responseHtml';

/** What the page can ask for; every other message is ignored. */
export type ResponseAction = 'copyBody' | 'saveBody' | 'openInEditor' | 'copyCurl' | 'copyCurlWithToken' | 'resend' | 'copyTraceId';
const ACTIONS: ReadonlySet<string> = new Set<ResponseAction>([
  'copyBody',
  'saveBody',
  'openInEditor',
  'copyCurl',
  'copyCurlWithToken',
  'resend',
  'copyTraceId',
]);

export type ActionHandler = (action: ResponseAction, result: RunResult) => Promise<void>;

interface Shown {
  panel: vscode.WebviewPanel;
  result: RunResult;
}

/**
 * Response panels: one reused panel, or one per request (setting `thredd.response.panel`).
 * Panels restored after a reload find their result again by id (through `lookup`).
 */
export class ResponsePanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  static readonly viewType = 'thredd.response';
  private readonly shown = new Map<string, Shown>();
  /** The last HTML and result shown, and its page's message channel, for the host tests. */
  last: { html: string; result: RunResult; receive(message: unknown): Promise<void> } | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly onAction: ActionHandler,
    private readonly lookup: (resultId: string) => Promise<RunResult | undefined>,
  ) {}

  show(result: RunResult, imageDataUri?: string): void {
    const reuse = vscode.workspace.getConfiguration('thredd.response').get<string>('panel', 'reuse') === 'reuse';
    const key = reuse ? 'reused' : `${result.filePath}#${result.requestIndex}`;
    let entry = this.shown.get(key);
    if (!entry) {
      const panel = vscode.window.createWebviewPanel(
        ResponsePanels.viewType,
        'Response',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        webviewOptions(this.extensionUri),
      );
      entry = this.adopt(panel, key, result);
    }
    entry.result = result;
    this.render(entry, imageDataUri);
    entry.panel.reveal(undefined, true);
  }

  /** Called by VS Code for panels that were open before a reload. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: { resultId?: string } | undefined): Promise<void> {
    panel.webview.options = webviewOptions(this.extensionUri);
    const result = state?.resultId ? await this.lookup(state.resultId) : undefined;
    if (!result) {
      panel.webview.html = renderWebviewHtml(panel.webview, this.extensionUri, {
        title: 'Response',
        body: '<p class="muted">This response is no longer available. Send the request again, or open it from Thredd: Show History.</p>',
      });
      return;
    }
    this.render(this.adopt(panel, `restored:${result.id}`, result));
  }

  private adopt(panel: vscode.WebviewPanel, key: string, result: RunResult): Shown {
    const entry: Shown = { panel, result };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'thredd.svg');
    panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message, entry));
    panel.onDidDispose(() => this.shown.delete(key));
    this.shown.set(key, entry);
    return entry;
  }

  /** A message from a page: one of ACTIONS, done on the result the panel shows now. */
  private async receive(message: unknown, entry: Shown): Promise<void> {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && ACTIONS.has(type)) await this.onAction(type as ResponseAction, entry.result);
  }

  private render(entry: Shown, imageDataUri?: string): void {
    const { panel, result } = entry;
    const status = result.response ? String(result.response.status) : 'failed';
    panel.title = `${status} · ${result.name ?? result.title ?? path.basename(result.request?.url ?? result.filePath)}`;
    const body = responseBodyHtml(result, imageDataUri);
    panel.webview.html = renderWebviewHtml(panel.webview, this.extensionUri, {
      title: panel.title,
      body,
      scripts: ['responseView.js'],
      styles: ['response.css'],
    });
    this.last = { html: panel.webview.html, result, receive: (message) => this.receive(message, entry) };
  }

  dispose(): void {
    for (const { panel } of this.shown.values()) panel.dispose();
  }
}
