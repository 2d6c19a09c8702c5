import * as vscode from 'vscode';
import { RequestFileCache, type ParsedRequestFile } from '../../core/requestFile';

export const THREDD_SELECTOR: vscode.DocumentSelector = [{ language: 'thredd' }];

/**
 * One parse per document version for every language feature (CodeLens, diagnostics, outline, hover…). Each new
 * version is parsed from the previous one, re-reading only the blocks an edit touched (reparseDocument).
 */
export class DocumentStore implements vscode.Disposable {
  private readonly cache = new RequestFileCache();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()));

  get(document: vscode.TextDocument): ParsedRequestFile {
    return this.cache.get(document.uri.toString(), document.version, () => document.getText());
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}
