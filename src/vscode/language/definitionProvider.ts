import * as vscode from 'vscode';
import { findReferenceAt } from '../../core/requestFile';
import { toVscodeRange } from '../ranges';
import type { LanguageContext } from './languageContext';

/** From `{{var}}` to its `@var =` line, the named request, or the environment in thredd.json. */
export class VariableDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly language: LanguageContext) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const parsed = this.language.store.get(document);
    const found = findReferenceAt(parsed, { line: position.line, column: position.character });
    if (!found) return undefined;
    const { reference } = found;
    if (reference.kind === 'chained') {
      const target = parsed.requests.find((request) => request.metadata.name === reference.name);
      return target && new vscode.Location(document.uri, toVscodeRange(target.metadata.nameRange ?? target.requestLineRange));
    }
    if (reference.kind !== 'variable') return undefined;
    const declarations = parsed.fileVariables.filter((variable) => variable.name === reference.name);
    const declaration = declarations[declarations.length - 1];
    if (declaration) return new vscode.Location(document.uri, toVscodeRange(declaration.nameRange));
    const environment = await this.language.activeEnvironment.get();
    const configUri = this.language.configService.configUri;
    if (environment && configUri) return new vscode.Location(configUri, toVscodeRange(environment.range));
    return undefined;
  }
}
