import * as vscode from 'vscode';
import { registerAuthCommands } from './vscode/auth/authCommands';
import { AuthServices } from './vscode/auth/authServices';
import { createConfig } from './vscode/commands/createConfig';
import { ConfigService } from './vscode/config/configService';
import { ActiveEnvironment } from './vscode/environment/activeEnvironment';
import { DocumentStore } from './vscode/language/documentStore';
import { LanguageContext } from './vscode/language/languageContext';
import { NetworkService } from './vscode/network/networkService';
import { registerLanguageFeatures } from './vscode/language/registerLanguageFeatures';
import type { EhiCheckReportPanel } from './vscode/ehi/checkReportPanel';
import type { CertificatePanels } from './vscode/pki/certificatePanel';
import type { ThreddExtensionApi } from './vscode/testApi';
import { ResponsePanels } from './vscode/response/responsePanels';
import { showHistoryCommand } from './vscode/runner/historyCommand';
import { responseActionHandler } from './vscode/runner/responseActions';
import { RunnerService } from './vscode/runner/runnerService';
import { registerSendCommands } from './vscode/runner/sendCommands';
import { SandboxController } from './vscode/sandbox/sandboxController';
import { EnvironmentStatusItem } from './vscode/status/environmentStatus';
import { registerThreddView } from './vscode/tree/registerThreddView';

/** Builds the pieces, registers them as disposables, and returns the small API the host tests use. */
export function activate(context: vscode.ExtensionContext): ThreddExtensionApi {
  const log = vscode.window.createOutputChannel('Thredd', { log: true });
  const configService = new ConfigService(log);
  const activeEnvironment = new ActiveEnvironment(context.workspaceState, configService);
  const threddView = registerThreddView(configService, activeEnvironment);
  const network = new NetworkService(configService, log);
  const auth = new AuthServices(context.secrets, configService, activeEnvironment, network);
  const environmentStatus = new EnvironmentStatusItem(activeEnvironment, auth);
  const store = new DocumentStore();
  const runner = new RunnerService(store, configService, activeEnvironment, auth, network, context.globalStorageUri, log);
  const responsePanels = new ResponsePanels(context.extensionUri, responseActionHandler(auth, configService), (id) => runner.find(id));
  const sandbox = new SandboxController(context.extensionUri, configService, auth, log);
  const language = registerLanguageFeatures(new LanguageContext(store, configService, activeEnvironment));

  // PKI code (ASN.1, PKCS#12) is loaded on first use, not at activation.
  let certificatePanels: CertificatePanels | undefined;
  const panels = async () =>
    (certificatePanels ??= new (await import('./vscode/pki/certificatePanel')).CertificatePanels(context.extensionUri));
  // The EHI endpoint check (issue 14) and its report view load on first use too.
  let ehiCheckPanel: EhiCheckReportPanel | undefined;

  context.subscriptions.push(
    log,
    configService,
    activeEnvironment,
    ...threddView.disposables,
    network,
    auth,
    environmentStatus,
    ...registerAuthCommands(auth, configService, log),
    store,
    ...language.disposables,
    runner,
    responsePanels,
    sandbox,
    vscode.commands.registerCommand('thredd.startSandbox', () => sandbox.start()),
    vscode.commands.registerCommand('thredd.stopSandbox', (args?: { confirmed?: boolean }) => sandbox.stop(args)),
    vscode.commands.registerCommand('thredd.setUpSandbox', () => sandbox.setUpCredentials()),
    vscode.window.registerWebviewPanelSerializer(ResponsePanels.viewType, responsePanels),
    ...registerSendCommands(runner, responsePanels, configService, log),
    vscode.commands.registerCommand('thredd.showHistory', (args) => showHistoryCommand(runner, responsePanels, args)),
    { dispose: () => certificatePanels?.dispose() },
    vscode.commands.registerCommand('thredd.createConfig', createConfig),
    vscode.commands.registerCommand('thredd.showLog', () => log.show()),
    vscode.commands.registerCommand('thredd.reloadConfig', () => configService.reload()),
    vscode.commands.registerCommand('thredd.selectEnvironment', (name?: string) => activeEnvironment.choose(name)),
    vscode.commands.registerCommand('thredd.generateCsr', async (args) =>
      (await import('./vscode/pki/generateCsrCommand')).generateCsrCommand(context, log, args),
    ),
    vscode.commands.registerCommand('thredd.inspectCertificate', async (target) =>
      (await import('./vscode/pki/inspectCertificateCommand')).inspectCertificateCommand(await panels(), log, target),
    ),
    vscode.commands.registerCommand('thredd.sendEhiMessage', async (args) =>
      (await import('./vscode/ehi/sendEhiMessage')).sendEhiMessageCommand(network, log, args),
    ),
    vscode.commands.registerCommand('thredd.exportPkcs12', async (args) =>
      (await import('./vscode/pki/exportPkcs12Command')).exportPkcs12Command(log, args),
    ),
    vscode.commands.registerCommand('thredd.verifyEhiSignature', async (args) =>
      (await import('./vscode/ehi/verifyEhiSignatureCommand')).verifyEhiSignatureCommand(
        { network, log, sandbox: () => sandbox.running },
        args,
      ),
    ),
    { dispose: () => ehiCheckPanel?.dispose() },
    vscode.commands.registerCommand('thredd.checkEhiEndpoint', async (args) => {
      const ehiCheck = await import('./vscode/ehi/checkEntry');
      ehiCheckPanel ??= new ehiCheck.EhiCheckReportPanel(context.extensionUri);
      return ehiCheck.checkEhiEndpointCommand(ehiCheckPanel, log, args);
    }),
    vscode.commands.registerCommand('thredd.exportPostmanCollection', async (args) =>
      (await import('./vscode/postman/exportCommand')).exportPostmanCollectionCommand(log, args),
    ),
    vscode.commands.registerCommand('thredd.importPostmanCollection', async (args) =>
      (await import('./vscode/postman/importPostmanCommand')).importPostmanCommand(log, args),
    ),
  );
  void configService.reload();
  // After activation, and only for a workspace that asks for it (samples/): nothing else loads it.
  if (vscode.workspace.getConfiguration('thredd').get<boolean>('showWalkthroughOnFirstOpen')) {
    void import('./vscode/welcome/showWelcome')
      .then(({ showWelcomeOnFirstOpen }) => showWelcomeOnFirstOpen(context.workspaceState))
      .catch((error: unknown) => log.warn(`The first-open walkthrough could not be shown: ${String(error)}`));
  }

  return {
    getConfig: (reload) => (reload ? configService.reload() : configService.get()),
    getTreeModel: (refresh) => (refresh ? threddView.provider.refresh() : threddView.provider.getModel()),
    getTreeItem: (node) => threddView.provider.getTreeItem(node),
    viewBadge: () => threddView.view.badge,
    environmentStatusText: () => environmentStatus.text,
    sandboxStatusText: () => sandbox.statusText,
    threddViewVisible: () => threddView.view.visible,
    checkCertificateExpiry: () => threddView.notifier.check(true),
    lastResponseView: () => responsePanels.last,
    lastCertificateView: () => certificatePanels?.lastShown,
    lastEhiCheckReport: () => ehiCheckPanel?.lastShown,
    activeEnvironment: async () => (await activeEnvironment.get())?.name,
    refreshDiagnostics: async (uri) => language.diagnostics.refresh(await vscode.workspace.openTextDocument(uri)),
    storedState: () => ({
      globalStorage: context.globalStorageUri.fsPath,
      logLevel: log.logLevel,
      globalState: Object.fromEntries(context.globalState.keys().map((key) => [key, context.globalState.get(key)])),
      workspaceState: Object.fromEntries(context.workspaceState.keys().map((key) => [key, context.workspaceState.get(key)])),
    }),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
