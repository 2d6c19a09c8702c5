import * as vscode from 'vscode';
import { toVscodeRange } from '../ranges';
import type { DocumentStore } from './documentStore';

/** The outline: one symbol per request, named by `@name`, the `###` title, or method + URL. */
export class RequestSymbolProvider implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  constructor(private readonly store: DocumentStore) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return this.store.get(document).requests.map((request) => {
      const name = request.metadata.name ?? request.title ?? `${request.method} ${request.url}`;
      const detail = request.metadata.name || request.title ? `${request.method} ${request.url}` : '';
      return new vscode.DocumentSymbol(
        name || `Request ${request.index + 1}`,
        detail,
        vscode.SymbolKind.Function,
        toVscodeRange(request.range),
        toVscodeRange(request.requestLineRange),
      );
    });
  }

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return this.store
      .get(document)
      .requests.filter((request) => request.range.end.line > request.range.start.line)
      .map((request) => new vscode.FoldingRange(request.range.start.line, request.range.end.line, vscode.FoldingRangeKind.Region));
  }
}
