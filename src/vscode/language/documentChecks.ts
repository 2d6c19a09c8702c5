import * as vscode from 'vscode';
import type { LanguageContext } from './languageContext';

/**
 * Diagnostics of open `.thredd` documents kept current: a document is checked when it opens, after a quiet
 * period once it is edited, and all of them when the active environment or thredd.json changes. Each source
 * (the parser's problems, the API warnings) has its own collection; subclasses say how to check a document.
 */
export abstract class DocumentChecks implements vscode.Disposable {
  protected readonly collection: vscode.DiagnosticCollection;
  protected readonly disposables: vscode.Disposable[];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    collectionName: string,
    editDelayMs: number,
    protected readonly language: LanguageContext,
  ) {
    this.collection = vscode.languages.createDiagnosticCollection(collectionName);
    this.disposables = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, editDelayMs)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      language.activeEnvironment.onDidChange(() => this.refreshAll()),
    ];
    // Timers run after the subclass's constructor, so its fields exist by the first check.
    this.refreshAll();
  }

  /** Checks a document now (tests and commands call this; editing goes through the debounce). */
  abstract refresh(document: vscode.TextDocument): Promise<vscode.Diagnostic[]>;

  /** A closed document keeps no diagnostics. */
  protected forget(document: vscode.TextDocument): void {
    this.collection.delete(document.uri);
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
