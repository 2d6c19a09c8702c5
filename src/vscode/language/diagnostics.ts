import * as vscode from 'vscode';
import { checkVariables, environmentVariableNames, type RequestFileDiagnostic } from '../../core/requestFile';
import { toVscodeRange } from '../ranges';
import type { LanguageContext } from './languageContext';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Parse problems and unknown variables of open .thredd files, refreshed as they are edited. */
export class RequestFileDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('thredd');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly language: LanguageContext) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, 250)),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
      language.activeEnvironment.onDidChange(() => this.refreshAll()),
    );
    this.refreshAll();
  }

  /** Checks a document now (tests and commands call this; editing goes through a short debounce). */
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

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (document.languageId !== 'thredd') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refresh(document);
      }, delayMs),
    );
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
