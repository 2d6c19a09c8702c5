import * as vscode from 'vscode';
import { checkVariables, environmentVariableNames, type RequestFileDiagnostic } from '../../core/requestFile';
import { toVscodeRange } from '../ranges';
import { DocumentChecks } from './documentChecks';
import type { LanguageContext } from './languageContext';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Parse problems and unknown variables of open .thredd files, refreshed as they are edited. */
export class RequestFileDiagnostics extends DocumentChecks {
  constructor(language: LanguageContext) {
    super('thredd', 250, language);
  }

  async refresh(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    if (document.languageId !== 'thredd') return [];
    const parsed = this.language.store.get(document);
    const known = environmentVariableNames((await this.language.resolveContext(document)).environment);
    const problems: RequestFileDiagnostic[] = [...parsed.diagnostics, ...checkVariables(parsed, known)];
    const diagnostics = problems.map((problem) => {
      const diagnostic = new vscode.Diagnostic(toVscodeRange(problem.range), problem.message, SEVERITY[problem.severity]);
      diagnostic.source = 'thredd';
      diagnostic.code = problem.code;
      return diagnostic;
    });
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }
}
