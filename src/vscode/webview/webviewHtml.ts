import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

import { escapeHtml } from '../../core/text/html';

export { escapeHtml };

export interface WebviewPage {
  title: string;
  /** Trusted HTML built with escapeHtml for every dynamic value. */
  body: string;
  /** Scripts and styles under media/, loaded through asWebviewUri. */
  scripts?: string[];
  styles?: string[];
}

/**
 * A page with a strict Content-Security-Policy: nothing remote, no inline script or style,
 * scripts only with this page's nonce (the discipline of VS Code's webview sample).
 */
export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString('base64');
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const styles = ['webview.css', ...(page.styles ?? [])].map((file) => `<link rel="stylesheet" href="${escapeHtml(media(file))}">`);
  const scripts = (page.scripts ?? []).map((file) => `<script nonce="${nonce}" src="${escapeHtml(media(file))}"></script>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.join('\n')}
<title>${escapeHtml(page.title)}</title>
</head>
<body>
${page.body}
${scripts.join('\n')}
</body>
</html>`;
}

/** Options every Thredd webview uses: scripts on, files only from media/. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')], retainContextWhenHidden: false };
}
