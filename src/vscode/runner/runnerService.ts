import * as path from 'node:path';
import * as vscode from 'vscode';
import { exchangeLog } from '../../core/runner/exchangeLog';
import { releaseResult } from '../../core/runner/results';
import type { HistoryStore } from '../../core/runner/history';
import type { RequestRunner } from '../../core/runner/requestRunner';
import type { ResponseStore } from '../../core/runner/responseStore';
import type { PlannedRequest, RunContext, RunResult } from '../../core/runner/types';
import type { AuthServices } from '../auth/authServices';
import type { ConfigService } from '../config/configService';
import type { ActiveEnvironment } from '../environment/activeEnvironment';
import type { DocumentStore } from '../language/documentStore';
import type { NetworkService } from '../network/networkService';

const KEPT_RESULTS = 50;

/**
 * Sends requests from .thredd documents with the shared HTTP client and token cache, keeps named
 * responses per file for chaining, the recent results (for panels), and the history file.
 */
export class RunnerService implements vscode.Disposable {
  private runner: RequestRunner | undefined;
  private history: HistoryStore | undefined;
  private readonly stores = new Map<string, ResponseStore>();
  private readonly recent = new Map<string, RunResult>();
  private readonly subscriptions: vscode.Disposable[];
  private historyWrites: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: DocumentStore,
    private readonly configService: ConfigService,
    private readonly activeEnvironment: ActiveEnvironment,
    private readonly auth: AuthServices,
    private readonly network: NetworkService,
    private readonly storageDir: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // The runner reads the response limits and the HTTP client when it is made: the next request gets a new one.
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('thredd.history.limit')) void this.history?.setLimit(historyLimit());
        if (event.affectsConfiguration('thredd.response')) this.runner = undefined;
      }),
      network.onDidChangeClient(() => (this.runner = undefined)),
    ];
  }

  /**
   * Sends one request (index; the named requests it reads from first) or all of them (index undefined)
   * of a .thredd document as a run session of one iteration on the file's own response store, so
   * chained values carry over between sends. Returns the results in the order they finished.
   */
  async run(
    document: vscode.TextDocument,
    index: number | undefined,
    signal: AbortSignal,
    options: { bail?: boolean; onResult?: (result: RunResult) => void } = {},
  ): Promise<RunResult[]> {
    const runner = await this.loadRunner();
    const { runSession } = await import('../../core/engine');
    const { filePath, ...context } = await this.contextFor(document);
    const requests = index === undefined ? undefined : [index];
    const file = { path: filePath, shown: filePath, parsed: this.store.get(document), requests };
    const summary = await runSession({
      runner,
      files: [file],
      contextFor: () => context,
      bail: options.bail,
      signal,
      onEvent: (event) => {
        if (event.kind !== 'result') return;
        this.remember(event.result);
        options.onResult?.(event.result);
      },
    });
    return summary.groups.flatMap((group) => group.results);
  }

  /** The request as it would be sent (defaults added, secrets and the token masked), sending nothing. */
  async plan(document: vscode.TextDocument, index: number): Promise<PlannedRequest> {
    const runner = await this.loadRunner();
    return runner.plan(this.store.get(document), index, await this.contextFor(document));
  }

  /** Where the document's requests run: its file's response store (kept between sends), config and environment. */
  private async contextFor(document: vscode.TextDocument): Promise<RunContext> {
    const filePath =
      document.uri.scheme === 'file'
        ? document.uri.fsPath
        : path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd(), 'untitled.thredd');
    const { ResponseStore } = await import('../../core/engine');
    const responses = this.stores.get(filePath) ?? new ResponseStore();
    this.stores.set(filePath, responses);
    return {
      filePath,
      config: (await this.configService.get())?.config,
      environment: (await this.activeEnvironment.get())?.name,
      store: responses,
      allowEnv: vscode.workspace.isTrusted,
      workspaceRoot: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    };
  }

  /** How many requests the document holds (from the shared parse). */
  requestCount(document: vscode.TextDocument): number {
    return this.store.get(document).requests.length;
  }

  /** The parsed request whose block holds `line`. */
  requestAt(document: vscode.TextDocument, line: number) {
    return this.store.get(document).requests.find((request) => request.range.start.line <= line && line <= request.range.end.line);
  }

  /** A result still in memory, or (after a reload) rebuilt from the history file. */
  async find(id: string): Promise<RunResult | undefined> {
    const recent = this.recent.get(id);
    if (recent) return recent;
    const entry = await (await this.loadHistory()).get(id);
    return entry && (await import('./historyResult')).resultFromHistory(entry);
  }

  findRecent(id: string): RunResult | undefined {
    return this.recent.get(id);
  }

  /** The history, with every run recorded so far written (so a run just finished is listed). */
  async historyStore(): Promise<HistoryStore> {
    await this.historyWrites;
    return this.loadHistory();
  }

  private remember(result: RunResult): void {
    this.recent.set(result.id, result);
    // Headers at debug and bodies at trace, credentials masked ("Developer: Set Log Level…" → Thredd).
    const logged = exchangeLog(result);
    this.log.debug(logged.debug);
    if (logged.trace) this.log.trace(logged.trace);
    this.historyWrites = this.historyWrites.then(async () => void (await (await this.loadHistory()).add(result)));
    if (this.recent.size > KEPT_RESULTS) {
      const [oldestId, oldest] = this.recent.entries().next().value as [string, RunResult];
      this.recent.delete(oldestId);
      // A body kept on disk (over the in-memory limit) goes with its result.
      void releaseResult(oldest);
    }
  }

  private async loadRunner(): Promise<RequestRunner> {
    // A local, not this.runner: a new HTTP client clears this.runner, and that may happen during the awaits here.
    let runner = this.runner;
    if (!runner) {
      const { RequestRunner } = await import('../../core/engine');
      const settings = vscode.workspace.getConfiguration('thredd');
      runner = this.runner = new RequestRunner({
        http: await this.network.client(),
        tokens: this.auth.tokenSource(),
        secrets: this.auth.secrets,
        maxInMemoryBytes: settings.get<number>('response.maxInMemoryMB', 5) * 1024 * 1024,
        maxBodyBytes: settings.get<number>('response.maxBodyMB', 1024) * 1024 * 1024,
        spillDir: path.join(this.storageDir.fsPath, 'bodies'),
        // `# @ehi-sign`: the sandbox's EHI key, from its own lazily loaded bundle on the first signed request.
        ehiSigning: async (stateDir) => (await import('../../sandbox/ehi')).loadEhiSigning(stateDir),
      });
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.storageDir, 'bodies'));
    }
    return runner;
  }

  private async loadHistory(): Promise<HistoryStore> {
    if (!this.history) {
      const { HistoryStore } = await import('../../core/engine');
      await vscode.workspace.fs.createDirectory(this.storageDir);
      this.history = new HistoryStore(path.join(this.storageDir.fsPath, 'history.json'), {
        limit: historyLimit(),
        onWarning: (message) => this.log.warn(message),
      });
    }
    return this.history;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const result of this.recent.values()) void releaseResult(result);
  }
}

function historyLimit(): number {
  return vscode.workspace.getConfiguration('thredd.history').get<number>('limit', 100);
}
