import * as vscode from 'vscode';
import { toVscodeRange } from '../ranges';
import type { LanguageContext } from './languageContext';

/** `Send Request` / `Copy as cURL` above each request; `Send All` and the active environment at the top. */
export class RequestCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly language: LanguageContext) {
    // The environment lens names the active environment, so it must follow switches.
    this.subscription = language.activeEnvironment.onDidChange(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const parsed = this.language.store.get(document);
    if (parsed.requests.length === 0) return [];
    const environment = await this.language.activeEnvironment.get();
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [
      new vscode.CodeLens(top, {
        title: `$(run-all) Send All (${parsed.requests.length})`,
        command: 'thredd.sendAll',
        arguments: [{ uri: document.uri.toString() }],
      }),
      new vscode.CodeLens(top, {
        title: `$(server-environment) ${environment?.name ?? 'No environment'}`,
        tooltip: 'Switch the Thredd environment',
        command: 'thredd.selectEnvironment',
      }),
    ];
    for (const request of parsed.requests) {
      const range = toVscodeRange(request.requestLineRange);
      const target = { uri: document.uri.toString(), index: request.index };
      lenses.push(
        new vscode.CodeLens(range, { title: 'Send Request', command: 'thredd.sendRequest', arguments: [target] }),
        new vscode.CodeLens(range, { title: 'Copy as cURL', command: 'thredd.copyAsCurl', arguments: [target] }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
