import * as vscode from 'vscode';
import { resolveRequest, toCurl, type ResolvedHeader } from '../../core/requestFile';
import type { LanguageContext } from './languageContext';

export interface RequestTarget {
  /** The .thredd document's URI (string form, as CodeLens arguments carry it). */
  uri: string;
  /** The request's index in the file. */
  index: number;
}

/**
 * `Copy as cURL`: the request as it would be sent (variables resolved, X-Region and Authorization
 * added when absent, the client certificate as --cert/--key), with the token left as `$TOKEN`.
 */
export async function copyAsCurlCommand(language: LanguageContext, target: RequestTarget): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const request = language.store.get(document).requests[target.index];
  if (!request) {
    void vscode.window.showErrorMessage(`There is no request ${target.index + 1} in ${document.fileName}; the file changed. Click the CodeLens again.`);
    return undefined;
  }
  const config = await language.config();
  const environment = (request.metadata.env && config?.environments[request.metadata.env]) || (await language.activeEnvironment.get());
  const resolved = resolveRequest(language.store.get(document), request, await language.resolveContext(document, request.metadata.env));
  const defaults: ResolvedHeader[] = [];
  if (environment) defaults.push({ name: 'X-Region', value: environment.region });
  if (environment?.application && !request.metadata.noAuth) defaults.push({ name: 'Authorization', value: 'Bearer $TOKEN' });
  const curl = toCurl(resolved.request, { clientCertificate: environment?.clientCertificate, ca: environment?.ca, insecure: environment?.insecure, defaultHeaders: defaults });
  await vscode.env.clipboard.writeText(curl);
  const unresolved = [...new Set([...resolved.unresolved.map((item) => item.name), ...resolved.needs])];
  if (unresolved.length > 0) {
    void vscode.window.showWarningMessage(`Copied cURL, but ${unresolved.join(', ')} could not be resolved and is left as written.`);
  } else {
    vscode.window.setStatusBarMessage('Copied as cURL (the token is $TOKEN; export it first)', 4000);
  }
  return curl;
}
