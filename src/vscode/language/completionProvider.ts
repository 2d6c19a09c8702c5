import * as vscode from 'vscode';
import { REGIONS as CATALOGUE_REGIONS, REQUEST_HEADERS } from '../../core/catalogue';
import { HTTP_METHODS, METADATA_DESCRIPTIONS, METADATA_KEYS, requestAt, variablesInScope } from '../../core/requestFile';
import type { LanguageContext } from './languageContext';

/** Headers Thredd's API Hub uses, then common HTTP ones; X-Region values. Both from the catalogue. */
const HEADERS: readonly [string, string][] = REQUEST_HEADERS.map((header) => [header.name, header.description]);
const REGIONS: readonly [string, string][] = CATALOGUE_REGIONS.map((region) => [region.code, region.name]);

/** Methods, headers, X-Region values, `{{variables}}` in scope, `# @metadata` and `@env` names. */
export class RequestCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['{', '@', ':', ' ', '$'];

  constructor(private readonly language: LanguageContext) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const variableStart = before.lastIndexOf('{{');
    if (variableStart >= 0 && !before.slice(variableStart).includes('}}')) return this.variables(document, position, variableStart + 2);

    const metadata = /^\s*(?:#|\/\/)\s*@(\w[\w-]*)?$/.exec(before);
    if (metadata) return metadataItems(position, metadata[1] ?? '');
    const envName = /^\s*(?:#|\/\/)\s*@env\s+\S*$/.test(before);
    if (envName) return this.environmentItems();
    if (/^x-region:\s*\S*$/i.test(before)) return REGIONS.map(([value, label]) => item(value, vscode.CompletionItemKind.EnumMember, label));

    const parsed = this.language.store.get(document);
    const request = requestAt(parsed, position.line);
    const afterRequestLine = request && position.line > request.requestLineRange.start.line && !request.body;
    if (afterRequestLine && /^[\w-]*$/.test(before)) {
      return HEADERS.map(([name, detail]) => {
        const completion = item(name, vscode.CompletionItemKind.Field, detail);
        completion.insertText = `${name}: `;
        completion.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
        return completion;
      });
    }
    if (/^[A-Za-z]*$/.test(before)) return HTTP_METHODS.map((method) => item(method, vscode.CompletionItemKind.Keyword, `${method} request`));
    return [];
  }

  private async variables(document: vscode.TextDocument, position: vscode.Position, nameStart: number): Promise<vscode.CompletionItem[]> {
    const parsed = this.language.store.get(document);
    const context = await this.language.resolveContext(document);
    const range = new vscode.Range(position.line, nameStart, position.line, position.character);
    return variablesInScope(parsed, { line: position.line, column: position.character }, context).map((variable) => {
      const completion = item(variable.name, variable.name.startsWith('$') ? vscode.CompletionItemKind.Function : vscode.CompletionItemKind.Variable, variable.display);
      completion.range = range;
      completion.detail = `${variable.source}: ${variable.display}`;
      return completion;
    });
  }

  private async environmentItems(): Promise<vscode.CompletionItem[]> {
    const config = await this.language.config();
    return Object.values(config?.environments ?? {}).map((environment) => item(environment.name, vscode.CompletionItemKind.Module, environment.baseUrl));
  }
}

function metadataItems(position: vscode.Position, typed: string): vscode.CompletionItem[] {
  const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
  return METADATA_KEYS.map((key) => {
    const completion = item(key, vscode.CompletionItemKind.Property, METADATA_DESCRIPTIONS[key]);
    completion.range = range;
    return completion;
  });
}

function item(label: string, kind: vscode.CompletionItemKind, documentation: string): vscode.CompletionItem {
  const completion = new vscode.CompletionItem(label, kind);
  if (documentation) completion.documentation = documentation;
  return completion;
}
