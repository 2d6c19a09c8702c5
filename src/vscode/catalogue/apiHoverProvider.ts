import * as vscode from 'vscode';
import { findReferenceAt } from '../../core/requestFile';
import type { LanguageContext } from '../language/languageContext';
import { toVscodeRange } from '../ranges';
import { loadApiEditing } from './loadApiEditing';

/**
 * On a request's URL, the catalogue operation it calls (summary, method and path, scope, idempotency); on a field
 * of its JSON body, the field's description, type and constraints from the operation's schema. A `{{variable}}`
 * keeps its own hover (VariableHoverProvider).
 */
export class ApiHoverProvider implements vscode.HoverProvider {
  constructor(private readonly language: LanguageContext) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const parsed = this.language.store.get(document);
    const at = { line: position.line, column: position.character };
    if (findReferenceAt(parsed, at)) return undefined;
    const { api, bodies } = await loadApiEditing();
    const request = api.requestForLine(parsed, position.line);
    const operation = request && api.operationOf(request);
    if (!request || !operation) return undefined;
    const url = request.urlLines.find(
      ({ range }) => range.start.line === at.line && range.start.column <= at.column && at.column <= range.end.column,
    );
    if (url) return new vscode.Hover(new vscode.MarkdownString(api.describeOperation(operation)), toVscodeRange(url.range));
    const body =
      api.inBody(request, position.line) && operation.requestBody && api.bodyJson(parsed, request, (line) => document.lineAt(line).text);
    const hover = body ? await bodies.hover(operation, body, at) : undefined;
    return hover && new vscode.Hover(new vscode.MarkdownString(hover.markdown), toVscodeRange(hover.range));
  }
}
