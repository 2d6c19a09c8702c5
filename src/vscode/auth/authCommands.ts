import * as vscode from 'vscode';
import { secretNames } from '../../core/auth/secrets';
import type { EnvironmentNode } from '../../core/tree';
import type { ConfigService } from '../config/configService';
import { requireTrust } from '../trust';
import { showUserError } from '../userErrors';
import type { AuthServices } from './authServices';

/** What Get Access Token reports: never the token itself. */
export interface TokenSummary {
  environment: string;
  application: string;
  fromCache: boolean;
  expiresAt: number;
  scope?: string;
  clientId?: string;
  pmid?: string;
  /** RFC 8705: undefined for unbound tokens. */
  boundToCertificate?: boolean;
  warnings: string[];
}

export function registerAuthCommands(auth: AuthServices, configService: ConfigService, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    // From the Thredd view the argument is the environment's tree node.
    vscode.commands.registerCommand('thredd.getToken', (args?: { environment?: string; refresh?: boolean } | EnvironmentNode) =>
      getTokenCommand(auth, log, args && 'kind' in args ? { environment: args.name } : args),
    ),
    vscode.commands.registerCommand('thredd.setClientSecret', (args?: { application?: string; secret?: string }) =>
      setClientSecretCommand(auth, configService, args),
    ),
    vscode.commands.registerCommand('thredd.clearTokenCache', () => {
      auth.clearTokens();
      vscode.window.setStatusBarMessage('Thredd token cache cleared', 3000);
    }),
    vscode.commands.registerCommand('thredd.createClientAssertion', async (args?: { environment?: string }) =>
      (await import('./clientAssertionCommand')).createClientAssertionCommand(auth, log, args),
    ),
  ];
}

/** `Thredd: Get Access Token`: for the active environment, with progress; shows expiry, scopes and binding. */
async function getTokenCommand(
  auth: AuthServices,
  log: vscode.LogOutputChannel,
  args: { environment?: string; refresh?: boolean } = {},
): Promise<TokenSummary | undefined> {
  if (!requireTrust('request tokens')) return undefined;
  try {
    const target = await auth.target(args.environment);
    const token = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Getting a token for ${target.application.name} (${target.environment.name})…`,
        cancellable: true,
      },
      (_progress, cancel) => {
        const controller = new AbortController();
        cancel.onCancellationRequested(() => controller.abort());
        return auth.getToken(target, { refresh: args.refresh, signal: controller.signal });
      },
    );
    const summary: TokenSummary = {
      environment: target.environment.name,
      application: target.application.name,
      fromCache: token.fromCache,
      expiresAt: token.expiresAt,
      scope: token.scope,
      clientId: token.claims?.clientId,
      pmid: token.claims?.pmid,
      boundToCertificate: token.binding?.matches,
      warnings: token.warnings,
    };
    const minutes = Math.max(0, Math.round((token.expiresAt - Date.now()) / 60_000));
    const binding = token.binding
      ? token.binding.matches
        ? ' · bound to the transport certificate ✓'
        : ' · ⚠ bound to a DIFFERENT certificate than the one in use'
      : '';
    log.info(
      `Token for ${summary.application} (${summary.environment}): ${token.fromCache ? 'cached' : 'new'}, ` +
        `${minutes} min left, scope "${token.scope ?? ''}"${binding}.`,
    );
    for (const warning of token.warnings) log.warn(warning);
    void vscode.window
      .showInformationMessage(
        `Token for ${summary.application} (${summary.environment}): valid for ${minutes} min, scope ${token.scope || '(none)'}${binding}.`,
        'Copy Token',
        'Refresh',
      )
      .then(async (choice) => {
        if (choice === 'Copy Token') await vscode.env.clipboard.writeText(token.accessToken);
        if (choice === 'Refresh') await vscode.commands.executeCommand('thredd.getToken', { ...args, refresh: true });
      });
    return summary;
  } catch (error) {
    if ((error as Error).name === 'AbortError') return undefined;
    void showUserError(log, error, 'Get Access Token', 'Set Client Secret').then(
      (choice) => choice && vscode.commands.executeCommand('thredd.setClientSecret'),
    );
    return undefined;
  }
}

/** `Thredd: Set Client Secret`: kept in SecretStorage (the OS keychain), never in settings or thredd.json. */
async function setClientSecretCommand(
  auth: AuthServices,
  configService: ConfigService,
  args: { application?: string; secret?: string } = {},
): Promise<boolean> {
  const config = (await configService.get())?.config;
  const candidates = Object.values(config?.applications ?? {}).filter((application) => application.auth.method !== 'private_key_jwt');
  const name =
    args.application ??
    (candidates.length === 1
      ? candidates[0].name
      : (
          await vscode.window.showQuickPick(
            candidates.map((application) => ({ label: application.name, description: application.clientId })),
            { title: 'Set Client Secret: application' },
          )
        )?.label);
  if (!name) {
    if (candidates.length === 0)
      void vscode.window.showWarningMessage('No application in thredd.json uses a client secret ("auth": { "method": "client_secret" }).');
    return false;
  }
  const secret =
    args.secret ??
    (await vscode.window.showInputBox({
      title: `Client secret of ${name}`,
      prompt: 'Stored in VS Code SecretStorage (your OS keychain); never in settings or files.',
      password: true,
      ignoreFocusOut: true,
    }));
  if (!secret) return false;
  await auth.secrets.store(secretNames.clientSecret(name), secret);
  auth.clearTokens();
  vscode.window.setStatusBarMessage(`Client secret of ${name} saved in SecretStorage`, 3000);
  return true;
}
