import * as vscode from 'vscode';
import type { TreeModel, TreeNode } from '../../core/tree';
import type { ConfigService } from '../config/configService';
import type { ActiveEnvironment } from '../environment/activeEnvironment';
import { CertificateDecorations } from './certificateDecorations';
import { ExpiryNotifier } from './expiryNotifier';
import { registerTreeCommands } from './treeCommands';
import { ThreddTreeProvider } from './threddTreeProvider';

export interface ThreddView {
  provider: ThreddTreeProvider;
  view: vscode.TreeView<TreeNode>;
  notifier: ExpiryNotifier;
  disposables: vscode.Disposable[];
}

/** The Thredd view with its badge, the Explorer decorations and the expiry notification. */
export function registerThreddView(configService: ConfigService, activeEnvironment: ActiveEnvironment): ThreddView {
  const provider = new ThreddTreeProvider(configService, activeEnvironment);
  const view = vscode.window.createTreeView('thredd.explorer', { treeDataProvider: provider, showCollapseAll: true });
  const decorations = new CertificateDecorations();
  const notifier = new ExpiryNotifier(
    () => provider.getModel(),
    async (item) => {
      await vscode.commands.executeCommand('thredd.explorer.focus');
      const node = provider.node(item.nodeId);
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
    },
  );
  let notifiedOnce = false;
  const onBuild = (model: TreeModel) => {
    decorations.update(model);
    view.badge =
      model.attentionCount > 0
        ? { value: model.attentionCount, tooltip: `${model.attentionCount} certificate(s) expiring or unusable` }
        : undefined;
    // On activation: the first build is the moment the facts are known.
    if (!notifiedOnce) {
      notifiedOnce = true;
      void notifier.check(true);
    }
  };
  return {
    provider,
    view,
    notifier,
    disposables: [
      provider,
      view,
      decorations,
      notifier,
      provider.onDidBuild(onBuild),
      vscode.window.registerFileDecorationProvider(decorations),
      ...registerTreeCommands(provider, configService, activeEnvironment),
    ],
  };
}
