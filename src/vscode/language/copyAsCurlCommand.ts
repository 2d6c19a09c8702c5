import * as vscode from 'vscode';
import { curlOfSent } from '../../core/runner/results';
import type { ConfigService } from '../config/configService';
import type { RunnerService } from '../runner/runnerService';

export interface RequestTarget {
  /** The .thredd document's URI (string form, as CodeLens arguments carry it). */
  uri: string;
  /** The request's index in the file. */
  index: number;
}

/**
 * `Copy as cURL`: the request as the runner would send it (its dry-run plan: variables resolved,
 * X-Region and Authorization added by the same rule, secrets masked), with the environment's client
 * certificate as --cert/--key and the token left as `$TOKEN`.
 */
export async function copyAsCurlCommand(
  runner: RunnerService,
  configService: ConfigService,
  target: RequestTarget,
): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const planned = await runner.plan(document, target.index);
  if (!planned.request) {
    void vscode.window.showErrorMessage(
      planned.error
        ? `${planned.error.message} ${planned.error.explanation}`
        : `Request ${target.index + 1} of ${document.fileName} cannot be copied.`,
    );
    return undefined;
  }
  const environment = planned.environment ? (await configService.get())?.config?.environments[planned.environment] : undefined;
  const curl = curlOfSent(planned.request, {
    clientCertificate: environment?.clientCertificate,
    ca: environment?.ca,
    insecure: environment?.insecure,
  });
  await vscode.env.clipboard.writeText(curl);
  const unresolved = [...new Set([...(planned.error?.unresolved ?? []).map((item) => item.name), ...planned.pendingChains])];
  if (unresolved.length > 0) {
    void vscode.window.showWarningMessage(`Copied cURL, but ${unresolved.join(', ')} could not be resolved and is left as written.`);
  } else {
    vscode.window.setStatusBarMessage('Copied as cURL (the token is $TOKEN; export it first)', 4000);
  }
  return curl;
}
