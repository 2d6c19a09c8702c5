import type * as vscode from 'vscode';
import type { ConfigLoadResult } from '../core/config';
import type { InspectResult } from '../core/pki';

/** What activate() returns: a small surface for the host tests and other extensions, not internals. */
export interface ThreddExtensionApi {
  /** The current thredd.json load (reloading first when `reload` is true). */
  getConfig(reload?: boolean): Promise<ConfigLoadResult | undefined>;
  /** The Thredd view's top-level items as the real TreeDataProvider gives them. */
  getTreeItems(): Promise<vscode.TreeItem[]>;
  /** The certificate view last shown: its file, the inspection and the webview HTML. */
  lastCertificateView(): { file: string; result: InspectResult; html: string } | undefined;
  /** The name of the environment requests go to now. */
  activeEnvironment(): Promise<string | undefined>;
  /** Checks a .thredd document now instead of after the editing debounce. */
  refreshDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]>;
}
