import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Environment } from '../../core/config';
import type { EnvironmentValues, ResolveContext, StoredExchange } from '../../core/requestFile';

/** The resolver's view of an environment from thredd.json. */
export function environmentValues(environment: Environment | undefined, clientId?: string): EnvironmentValues | undefined {
  if (!environment) return undefined;
  return { name: environment.name, baseUrl: environment.baseUrl, region: environment.region, clientId, variables: environment.variables };
}

/** What variables mean in `document` now: the active environment, workspace trust, stored responses. */
export function resolveContextFor(
  document: vscode.TextDocument,
  environment: Environment | undefined,
  clientId: string | undefined,
  responseOf?: (name: string) => StoredExchange | undefined,
): ResolveContext {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
  return {
    environment: environmentValues(environment, clientId),
    // Untrusted workspaces may not read the process environment or .env files.
    allowEnv: vscode.workspace.isTrusted,
    filePath: document.uri.scheme === 'file' ? document.uri.fsPath : undefined,
    workspaceRoot: folder?.uri.fsPath ?? (document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : undefined),
    responseOf,
  };
}
