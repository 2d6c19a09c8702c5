import * as vscode from 'vscode';
import { THREDD_SELECTOR } from '../language/documentStore';
import type { LanguageContext } from '../language/languageContext';
import { ApiCompletionProvider } from './apiCompletionProvider';
import { ApiDiagnostics } from './apiDiagnostics';
import { ApiHoverProvider } from './apiHoverProvider';
import { newRequestFromApiCommand, type NewRequestFromApiArgs } from './newRequestFromApiCommand';

/**
 * The .thredd features that know Thredd's API: path and body completion, body and scope warnings, hover, and
 * New Request from API. Registering them loads nothing: the catalogue and the JSON language service are
 * loaded by the first completion, hover, check or command (loadApiEditing).
 */
export function registerApiFeatures(language: LanguageContext): vscode.Disposable[] {
  return [
    new ApiDiagnostics(language),
    vscode.languages.registerCompletionItemProvider(
      THREDD_SELECTOR,
      new ApiCompletionProvider(language),
      ...ApiCompletionProvider.triggerCharacters,
    ),
    vscode.languages.registerHoverProvider(THREDD_SELECTOR, new ApiHoverProvider(language)),
    vscode.commands.registerCommand('thredd.newRequestFromApi', (args?: NewRequestFromApiArgs) => newRequestFromApiCommand(language, args)),
  ];
}
