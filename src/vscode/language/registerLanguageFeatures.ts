import * as vscode from 'vscode';
import { registerApiFeatures } from '../catalogue/registerApiFeatures';
import { RequestCodeLensProvider } from './codeLensProvider';
import { RequestCompletionProvider } from './completionProvider';
import { VariableDefinitionProvider } from './definitionProvider';
import { RequestFileDiagnostics } from './diagnostics';
import { THREDD_SELECTOR } from './documentStore';
import { VariableHoverProvider } from './hoverProvider';
import type { LanguageContext } from './languageContext';
import { newRequestFileCommand } from './newRequestFileCommand';
import { RequestSymbolProvider } from './symbolProvider';

/** Every .thredd editor feature, reading one shared parse per document version. */
export function registerLanguageFeatures(language: LanguageContext): {
  disposables: vscode.Disposable[];
  diagnostics: RequestFileDiagnostics;
} {
  const codeLens = new RequestCodeLensProvider(language);
  const symbols = new RequestSymbolProvider(language.store);
  const diagnostics = new RequestFileDiagnostics(language);
  return {
    diagnostics,
    disposables: [
      codeLens,
      diagnostics,
      vscode.languages.registerCodeLensProvider(THREDD_SELECTOR, codeLens),
      vscode.languages.registerCompletionItemProvider(
        THREDD_SELECTOR,
        new RequestCompletionProvider(language),
        ...RequestCompletionProvider.triggerCharacters,
      ),
      vscode.languages.registerHoverProvider(THREDD_SELECTOR, new VariableHoverProvider(language)),
      vscode.languages.registerDocumentSymbolProvider(THREDD_SELECTOR, symbols),
      vscode.languages.registerFoldingRangeProvider(THREDD_SELECTOR, symbols),
      vscode.languages.registerDefinitionProvider(THREDD_SELECTOR, new VariableDefinitionProvider(language)),
      vscode.commands.registerCommand('thredd.newRequestFile', newRequestFileCommand),
      ...registerApiFeatures(language),
    ],
  };
}
