import * as vscode from 'vscode';
import type { ConfigLoadResult, Environment } from '../../core/config';
import { toVscodeRange } from '../ranges';
import type { ConfigService } from '../config/configService';

const REGION_NAMES: Record<string, string> = { '0': 'Default', '1': 'EMEA', '2': 'APAC' };

/** The Thredd view: one item per environment of thredd.json, or one error item when the file is broken. */
export class EnvironmentsTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly configService: ConfigService) {
    this.subscription = configService.onDidChange(() => this.changed.fire());
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  async getChildren(parent?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (parent) return [];
    const result = await this.configService.get();
    return result ? rootItems(result, this.configService.configUri) : [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function rootItems(result: ConfigLoadResult, configUri: vscode.Uri | undefined): vscode.TreeItem[] {
  if (!result.config) {
    const first = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    const item = new vscode.TreeItem('thredd.json has errors', vscode.TreeItemCollapsibleState.None);
    item.description = first?.message;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.tooltip = first ? `${first.message}\nFix: ${first.fix}` : undefined;
    if (configUri && first) item.command = openAt(configUri, toVscodeRange(first.range));
    return [item];
  }
  const { config } = result;
  return Object.values(config.environments).map((environment) => environmentItem(environment, config.defaultEnvironment, configUri));
}

function environmentItem(environment: Environment, defaultEnvironment: string | undefined, configUri: vscode.Uri | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(environment.name, vscode.TreeItemCollapsibleState.None);
  const transport = environment.clientCertificate ? 'mTLS' : 'TLS';
  item.description = `${environment.baseUrl} · ${transport} · region ${environment.region} (${REGION_NAMES[environment.region]})`;
  item.iconPath = new vscode.ThemeIcon(environment.name === defaultEnvironment ? 'star-full' : 'server-environment');
  item.contextValue = 'thredd.environment';
  item.id = `environment:${environment.name}`;
  if (configUri) item.command = openAt(configUri, toVscodeRange(environment.range));
  return item;
}

function openAt(uri: vscode.Uri, range: vscode.Range): vscode.Command {
  return { title: 'Open in thredd.json', command: 'vscode.open', arguments: [uri, { selection: range }] };
}
