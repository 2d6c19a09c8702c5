import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, parseConfigText, type ConfigDiagnostic, type ConfigLoadResult } from '../../core/config';
import { toVscodeRange } from '../ranges';

/**
 * Keeps the workspace's thredd.json loaded: re-reads it on change, shows its problems as diagnostics,
 * and tells listeners (tree, token cache, status bar) when it changed.
 */
export class ConfigService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConfigLoadResult | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('thredd.json');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private current: ConfigLoadResult | undefined;
  private loading: Promise<ConfigLoadResult | undefined> | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reload = () => void this.reload();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidGrantWorkspaceTrust(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
    );
  }

  /** The config file of the first workspace folder (thredd.json lives at the workspace root). */
  get configUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  }

  /** The last load, loading first if nothing was loaded yet. */
  async get(): Promise<ConfigLoadResult | undefined> {
    return this.current ?? (await (this.loading ??= this.reload()));
  }

  async reload(): Promise<ConfigLoadResult | undefined> {
    const uri = this.configUri;
    const result = uri ? await this.read(uri) : undefined;
    this.current = result;
    this.loading = undefined;
    this.publish(uri, result?.diagnostics ?? []);
    this.changed.fire(result);
    return result;
  }

  private async read(uri: vscode.Uri): Promise<ConfigLoadResult | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined; // no thredd.json: the view shows its welcome content instead
    }
    // Untrusted workspaces get the language features but no `${env:...}` expansion (issue: workspace trust).
    const result = parseConfigText(new TextDecoder().decode(bytes), uri.fsPath, { expandEnv: vscode.workspace.isTrusted });
    const problems = result.diagnostics.length;
    if (problems > 0) this.log.warn(`${CONFIG_FILE_NAME}: ${problems} problem(s); see the Problems panel.`);
    else this.log.info(`${CONFIG_FILE_NAME}: loaded ${Object.keys(result.config?.environments ?? {}).length} environment(s).`);
    return result;
  }

  private publish(uri: vscode.Uri | undefined, problems: ConfigDiagnostic[]): void {
    this.diagnostics.clear();
    if (!uri) return;
    this.diagnostics.set(uri, problems.map(toVscodeDiagnostic));
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function toVscodeDiagnostic(problem: ConfigDiagnostic): vscode.Diagnostic {
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(toVscodeRange(problem.range), `${problem.message} Fix: ${problem.fix}`, severity);
  diagnostic.source = 'thredd';
  return diagnostic;
}
