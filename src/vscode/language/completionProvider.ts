import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { IDEMPOTENCY_KEY_HEADER } from '../../core/catalogue/idempotency';
import { REGIONS as CATALOGUE_REGIONS } from '../../core/catalogue/regions';
import { DIRECTIVE_BY_KEY, DIRECTIVES, HTTP_METHODS, requestAt, variablesInScope } from '../../core/requestFile';
import { loadApiEditing } from '../catalogue/loadApiEditing';
import type { LanguageContext } from './languageContext';

/** X-Region values, from the catalogue. Its headers come with the rest of it (loadApiEditing): they list its operations. */
const REGIONS: readonly [string, string][] = CATALOGUE_REGIONS.map((region) => [region.code, region.name]);
const IDEMPOTENCY_KEY_VALUE = new RegExp(`^${IDEMPOTENCY_KEY_HEADER}:\\s*\\S*$`, 'i');

/**
 * Methods, headers, X-Region values, a fresh idempotency key, `{{variables}}` in scope, `# @directives` and their values
 * (`@env` names, `@expect` subjects). Paths and JSON bodies are ApiCompletionProvider's.
 */
export class RequestCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['{', '@', ':', ' ', '$'];

  constructor(private readonly language: LanguageContext) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const variableStart = before.lastIndexOf('{{');
    if (variableStart >= 0 && !before.slice(variableStart).includes('}}')) return this.variables(document, position, variableStart + 2);

    const metadata = /^\s*(?:#|\/\/)\s*@(\w[\w-]*)?$/.exec(before);
    if (metadata) return directiveItems(position, metadata[1] ?? '');
    const values = DIRECTIVE_BY_KEY.get(/^\s*(?:#|\/\/)\s*@([\w-]+)\s+\S*$/.exec(before)?.[1] ?? '')?.completion.values;
    if (values === 'environments') return this.environmentItems();
    if (values) return values.map(({ value, description }) => item(value, vscode.CompletionItemKind.EnumMember, description));
    if (/^x-region:\s*\S*$/i.test(before)) return REGIONS.map(([value, label]) => item(value, vscode.CompletionItemKind.EnumMember, label));
    if (IDEMPOTENCY_KEY_VALUE.test(before)) return idempotencyKeyItems();

    const parsed = this.language.store.get(document);
    const request = requestAt(parsed, position.line);
    const afterRequestLine = request && position.line > request.requestLineRange.start.line && !request.body;
    if (afterRequestLine && /^[\w-]*$/.test(before)) return headerItems();
    const inBody = request?.body && position.line >= request.body.range.start.line;
    if (inBody || !/^[A-Za-z]*$/.test(before)) return [];
    return HTTP_METHODS.map((method) => item(method, vscode.CompletionItemKind.Keyword, `${method} request`));
  }

  private async variables(document: vscode.TextDocument, position: vscode.Position, nameStart: number): Promise<vscode.CompletionItem[]> {
    const parsed = this.language.store.get(document);
    const context = await this.language.resolveContext(document);
    const range = new vscode.Range(position.line, nameStart, position.line, position.character);
    return variablesInScope(parsed, { line: position.line, column: position.character }, context).map((variable) => {
      const completion = item(
        variable.name,
        variable.name.startsWith('$') ? vscode.CompletionItemKind.Function : vscode.CompletionItemKind.Variable,
        variable.display,
      );
      completion.range = range;
      completion.detail = `${variable.source}: ${variable.display}`;
      return completion;
    });
  }

  private async environmentItems(): Promise<vscode.CompletionItem[]> {
    const config = await this.language.config();
    return Object.values(config?.environments ?? {}).map((environment) =>
      item(environment.name, vscode.CompletionItemKind.Module, environment.baseUrl),
    );
  }
}

/** The catalogue's headers, each inserted as `Name: ` with its values offered next (X-Region, idempotencyKey). */
async function headerItems(): Promise<vscode.CompletionItem[]> {
  const { api } = await loadApiEditing();
  return api.REQUEST_HEADERS.map(({ name, description }) => {
    const completion = item(name, vscode.CompletionItemKind.Field, description);
    completion.insertText = `${name}: `;
    completion.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
    return completion;
  });
}

/**
 * A fresh GUID written out, so a retry of the request sends the same key and Thredd answers it once (What is
 * Idempotency?); or `{{$guid}}`, a new key on every send.
 */
function idempotencyKeyItems(): vscode.CompletionItem[] {
  const fresh = item(randomUUID(), vscode.CompletionItemKind.Value, 'A new GUID, written out: a resend reuses it, so Thredd does it once');
  fresh.sortText = '0';
  const generated = item('{{$guid}}', vscode.CompletionItemKind.Variable, 'A new GUID on every send');
  generated.sortText = '1';
  return [fresh, generated];
}

/** Every directive of the table, inserted as its snippet; those with values to choose from open the list next. */
function directiveItems(position: vscode.Position, typed: string): vscode.CompletionItem[] {
  const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
  return DIRECTIVES.map((directive) => {
    const completion = item(directive.key, vscode.CompletionItemKind.Property, directive.description);
    completion.range = range;
    completion.insertText = new vscode.SnippetString(directive.completion.snippet);
    if (directive.completion.values) completion.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
    return completion;
  });
}

function item(label: string, kind: vscode.CompletionItemKind, documentation: string): vscode.CompletionItem {
  const completion = new vscode.CompletionItem(label, kind);
  if (documentation) completion.documentation = documentation;
  return completion;
}
