import * as vscode from 'vscode';
import type { CertificateFactsCache, TreeModel, TreeNode } from '../../core/tree';
import { indexTreeNodes } from '../../core/tree/findNode';
import type { ConfigService } from '../config/configService';
import type { ActiveEnvironment } from '../environment/activeEnvironment';
import { treeItemFor } from './treeItems';

const EMPTY: TreeModel = { roots: [], attentionCount: 0, certificatesNeedingAttention: [] };

/**
 * The Thredd view. Rebuilds the (pure) tree model when thredd.json, the active environment,
 * a certificate file or the settings change; certificate parses are cached by file mtime.
 */
export class ThreddTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly built = new vscode.EventEmitter<TreeModel>();
  /** Decorations, the view badge and the expiry notification follow each build. */
  readonly onDidBuild = this.built.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.built];
  private model: TreeModel = EMPTY;
  private nodes = new Map<string, TreeNode>();
  private building: Promise<TreeModel> | undefined;
  private queued: Promise<TreeModel> | undefined;
  private facts: CertificateFactsCache | undefined;

  constructor(
    private readonly configService: ConfigService,
    private readonly activeEnvironment: ActiveEnvironment,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{pem,crt,cer,der,pfx,p12,key}');
    const onFile = (uri: vscode.Uri) => {
      this.facts?.forget(uri.fsPath);
      this.refresh();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onFile),
      watcher.onDidChange(onFile),
      watcher.onDidDelete(onFile),
      configService.onDidChange(() => this.refresh()),
      activeEnvironment.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('thredd.certificates') && this.refresh()),
    );
  }

  /** The model of the last build, building first if there was none. */
  async getModel(): Promise<TreeModel> {
    return this.queued ?? this.building ?? (this.model === EMPTY ? this.startBuild() : this.model);
  }

  /**
   * Rebuilds the model. While a build runs, further requests share one follow-up build, and every
   * caller gets a model built after its request (so it sees the change that prompted it).
   */
  refresh(): Promise<TreeModel> {
    if (!this.building) return this.startBuild();
    this.queued ??= this.building.then(
      () => this.startBuild(),
      () => this.startBuild(),
    );
    return this.queued;
  }

  private startBuild(): Promise<TreeModel> {
    this.queued = undefined;
    const building = this.build().finally(() => {
      if (this.building === building) this.building = undefined;
    });
    this.building = building;
    return building;
  }

  private async build(): Promise<TreeModel> {
    // Loaded here, not at activation: certificate parsing pulls in the ASN.1 code.
    const { buildTreeModel, CertificateFactsCache } = await import('../../core/tree');
    const settings = vscode.workspace.getConfiguration('thredd.certificates');
    const warningDays = settings.get<number>('warningDays', 60);
    this.facts ??= new CertificateFactsCache({ warningDays });
    const loaded = await this.configService.get();
    const files = vscode.workspace.isTrusted
      ? await findCertificateFiles(settings.get<string>('include', '**/*.{pem,crt,cer,pfx,p12}'))
      : [];
    const model = await buildTreeModel({
      config: vscode.workspace.isTrusted ? loaded?.config : undefined,
      configDiagnostics: loaded?.diagnostics ?? [],
      workspaceCertificateFiles: files,
      facts: this.facts,
      warningDays,
      now: new Date(),
      activeEnvironment: (await this.activeEnvironment.get())?.name,
    });
    this.model = model;
    this.nodes = indexTreeNodes(model.roots);
    this.changed.fire();
    this.built.fire(model);
    return model;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return treeItemFor(node);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return 'children' in node ? node.children : [];
    return (await this.getModel()).roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parentId ? this.nodes.get(node.parentId) : undefined;
  }

  node(id: string): TreeNode | undefined {
    return this.nodes.get(id);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/**
 * The workspace's certificate files. `.thredd/` holds the tools' own state (the local sandbox's CA, server and
 * issued certificates, the editor's settings): those are not the user's certificates, so the list leaves them out.
 */
async function findCertificateFiles(include: string): Promise<string[]> {
  const uris = await vscode.workspace.findFiles(include, '{**/node_modules/**,**/.git/**,**/.thredd/**}', 2000);
  return uris.map((uri) => uri.fsPath).sort();
}
