import * as vscode from 'vscode';
import type { ApiChecks, ApiProblem } from '../../core/apiEditing';
import { DocumentChecks } from '../language/documentChecks';
import type { LanguageContext } from '../language/languageContext';
import { toVscodeRange } from '../ranges';
import { loadApiEditing } from './loadApiEditing';

/** Typing pauses this long before a file's bodies are checked again; the parser's diagnostics wait 250 ms. */
const EDIT_DELAY_MS = 400;

/**
 * Warnings about how requests use Thredd's API, a diagnostic source of their own beside the parser's: a scope the
 * environment's application lacks, and what vscode-json-languageservice finds in literal JSON bodies (missing,
 * unknown and wrongly typed fields, values too long or not allowed). Debounced, and each document keeps its
 * bodies' results, so an edit re-validates only the body it changed.
 */
export class ApiDiagnostics extends DocumentChecks {
  private readonly checks = new Map<string, ApiChecks>();

  constructor(language: LanguageContext) {
    super('thredd-api', EDIT_DELAY_MS, language);
  }

  /** Checks a document now and returns its API warnings. */
  async refresh(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    if (document.languageId !== 'thredd' || document.isClosed) return [];
    const version = document.version;
    const key = document.uri.toString();
    const { api, bodies } = await loadApiEditing();
    const checks = this.checks.get(key) ?? new api.ApiChecks(bodies);
    this.checks.set(key, checks);
    const [config, environment] = await Promise.all([this.language.config(), this.language.activeEnvironment.get()]);
    const problems = await checks.check(this.language.store.get(document), {
      lineAt: (line) => document.lineAt(line).text,
      config,
      environment,
    });
    const diagnostics = problems.map(toDiagnostic);
    // A newer edit is checked by its own run; a closed document keeps no diagnostics.
    if (document.version === version && !document.isClosed) this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  protected override forget(document: vscode.TextDocument): void {
    super.forget(document);
    this.checks.delete(document.uri.toString());
  }
}

function toDiagnostic(problem: ApiProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVscodeRange(problem.range), problem.message, vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'thredd api';
  diagnostic.code = problem.code;
  if (problem.related) {
    const where = new vscode.Location(vscode.Uri.file(problem.related.file), toVscodeRange(problem.related.range));
    diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(where, problem.related.message)];
  }
  return diagnostic;
}
