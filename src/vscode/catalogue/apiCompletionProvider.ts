import * as vscode from 'vscode';
import type { PathCompletion, PathSite } from '../../core/apiEditing';
import type { LanguageContext } from '../language/languageContext';
import { loadApiEditing, type ApiEditing } from './loadApiEditing';
import { toCompletionItem } from './lspItems';

/**
 * Thredd's API where a request is written: the catalogue's paths after the method and after `{{baseUrl}}`
 * (parameters as placeholders), and in a JSON body the properties, enum values and examples of the operation's
 * request schema, from vscode-json-languageservice.
 */
export class ApiCompletionProvider implements vscode.CompletionItemProvider {
  /** Space and `}` (after `{{baseUrl}}`) and `/` for paths; a quote and `:` for JSON, as VS Code's JSON has. */
  static readonly triggerCharacters = [' ', '}', '/', '"', ':'];

  constructor(private readonly language: LanguageContext) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionList | vscode.CompletionItem[]> {
    const editing = await loadApiEditing();
    const { api } = editing;
    const parsed = this.language.store.get(document);
    const request = api.requestForLine(parsed, position.line);
    if (request && api.inBody(request, position.line)) return this.bodyItems(editing, document, position);
    const site = api.pathSiteOf(document.lineAt(position.line).text.slice(0, position.character));
    if (!site) return [];
    const apiRoot = api.apiRootFor(parsed, (await this.language.activeEnvironment.get())?.baseUrl);
    return api
      .pathCompletions(site, apiRoot)
      .map((path, index) => pathItem(path, site, position, api.describeOperation(path.operation), index));
  }

  private async bodyItems(
    { api, bodies }: ApiEditing,
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionList | []> {
    const parsed = this.language.store.get(document);
    const request = api.requestForLine(parsed, position.line)!;
    const operation = api.operationOf(request);
    const body = operation?.requestBody && api.bodyJson(parsed, request, (line) => document.lineAt(line).text, position.line);
    if (!operation || !body) return [];
    const list = await bodies.complete(operation, body, { line: position.line, column: position.character });
    return list ? new vscode.CompletionList(list.items.map(toCompletionItem), list.isIncomplete) : [];
  }
}

/** A path to complete, in catalogue order ahead of snippets and words. */
function pathItem(
  path: PathCompletion,
  site: PathSite,
  position: vscode.Position,
  description: string,
  index: number,
): vscode.CompletionItem {
  const { operation } = path;
  const item = new vscode.CompletionItem({ label: path.text, description: operation.id }, vscode.CompletionItemKind.Method);
  item.sortText = `0${String(index).padStart(3, '0')}`;
  const snippet = new vscode.SnippetString();
  for (const part of path.parts) {
    if ('text' in part) snippet.appendText(part.text);
    else snippet.appendPlaceholder(`{{${part.parameter}}}`);
  }
  item.insertText = snippet;
  item.range = new vscode.Range(position.line, site.from, position.line, position.character);
  item.filterText = path.text;
  item.documentation = new vscode.MarkdownString(description);
  return item;
}
