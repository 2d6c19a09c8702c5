import type * as vscode from 'vscode';
import type { ConfigLoadResult } from '../core/config';
import type { InspectResult } from '../core/pki';
import type { RunResult } from '../core/runner/types';
import type { ShownEhiCheckReport } from './ehi/checkReportPanel';
import type { TreeModel, TreeNode } from '../core/tree';

/** What activate() returns: a small surface for the host tests and other extensions, not internals. */
export interface ThreddExtensionApi {
  /** The current thredd.json load (reloading first when `reload` is true). */
  getConfig(reload?: boolean): Promise<ConfigLoadResult | undefined>;
  /** The Thredd view's model as the real TreeDataProvider holds it (rebuilt first when `refresh`). */
  getTreeModel(refresh?: boolean): Promise<TreeModel>;
  /** The TreeItem the view shows for a node. */
  getTreeItem(node: TreeNode): vscode.TreeItem;
  /** The Thredd view's badge (certificates needing attention). */
  viewBadge(): vscode.ViewBadge | undefined;
  /** The active-environment status bar text. */
  environmentStatusText(): string;
  /** The sandbox status bar text, e.g. "$(beaker) Sandbox: running" (also for a sandbox another process started). */
  sandboxStatusText(): string;
  /** Whether the Thredd view is showing. */
  threddViewVisible(): boolean;
  /** Runs the expiry check now and returns the notification text, if one was shown. */
  checkCertificateExpiry(): Promise<string | undefined>;
  /** The response view last rendered: its HTML, the run result, and `receive`, which acts on a message as if its page posted it. */
  lastResponseView(): { html: string; result: RunResult; receive(message: unknown): Promise<void> } | undefined;
  /** The certificate view last shown: its file, the inspection and the webview HTML. */
  lastCertificateView(): { file: string; result: InspectResult; html: string } | undefined;
  /** The EHI check report view last shown: its URL, the report and the webview HTML. */
  lastEhiCheckReport(): ShownEhiCheckReport | undefined;
  /** The name of the environment requests go to now. */
  activeEnvironment(): Promise<string | undefined>;
  /** Checks a .thredd document now instead of after the editing debounce. */
  refreshDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]>;
  /** Where the extension keeps things, its log level and its stored state: what the secret-leak test searches. */
  storedState(): {
    globalStorage: string;
    logLevel: vscode.LogLevel;
    globalState: Record<string, unknown>;
    workspaceState: Record<string, unknown>;
  };
}
