import * as vscode from 'vscode';
import { createConfig } from './vscode/commands/createConfig';
import { ConfigService } from './vscode/config/configService';
import type { ThreddExtensionApi } from './vscode/testApi';
import { EnvironmentsTreeProvider } from './vscode/tree/environmentsTree';

/** Builds the pieces, registers them as disposables, and returns the small API the host tests use. */
export function activate(context: vscode.ExtensionContext): ThreddExtensionApi {
  const log = vscode.window.createOutputChannel('Thredd', { log: true });
  const configService = new ConfigService(log);
  const tree = new EnvironmentsTreeProvider(configService);

  context.subscriptions.push(
    log,
    configService,
    tree,
    vscode.window.registerTreeDataProvider('thredd.explorer', tree),
    vscode.commands.registerCommand('thredd.createConfig', createConfig),
    vscode.commands.registerCommand('thredd.showLog', () => log.show()),
    vscode.commands.registerCommand('thredd.reloadConfig', () => configService.reload()),
  );
  void configService.reload();

  return {
    getConfig: (reload) => (reload ? configService.reload() : configService.get()),
    getTreeItems: () => tree.getChildren(),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
