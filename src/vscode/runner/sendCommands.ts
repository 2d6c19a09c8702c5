import * as vscode from 'vscode';
import type { RunResult } from '../../core/runner/types';
import type { ConfigService } from '../config/configService';
import { copyAsCurlCommand, type RequestTarget } from '../language/copyAsCurlCommand';
import type { ResponsePanels } from '../response/responsePanels';
import { requireTrust } from '../trust';
import { showUserError } from '../userErrors';
import type { RunnerService } from './runnerService';

/** Requests in flight, cancelled together from the status bar. */
class RunningRequests implements vscode.Disposable {
  private readonly controllers = new Set<AbortController>();
  private readonly item = vscode.window.createStatusBarItem('thredd.running', vscode.StatusBarAlignment.Left, 49);

  constructor() {
    this.item.name = 'Thredd Request';
    this.item.command = 'thredd.cancelRequests';
    this.item.tooltip = 'Cancel the running Thredd request(s)';
  }

  start(): AbortController {
    const controller = new AbortController();
    this.controllers.add(controller);
    this.refresh();
    return controller;
  }

  finish(controller: AbortController): void {
    this.controllers.delete(controller);
    this.refresh();
  }

  cancelAll(): void {
    for (const controller of this.controllers) controller.abort();
  }

  private refresh(): void {
    this.item.text = `$(sync~spin) Thredd: sending${this.controllers.size > 1 ? ` ${this.controllers.size}` : ''}… $(close)`;
    if (this.controllers.size > 0) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    this.cancelAll();
    this.item.dispose();
  }
}

export function registerSendCommands(
  runner: RunnerService,
  panels: ResponsePanels,
  configService: ConfigService,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const running = new RunningRequests();

  const send = async (given?: RequestTarget): Promise<RunResult | undefined> => {
    if (!requireTrust('send requests')) return undefined;
    const target = given ?? targetAtCursor(runner);
    if (!target) {
      void vscode.window.showWarningMessage('Put the cursor in a request of a .thredd file, or use the Send Request CodeLens above it.');
      return undefined;
    }
    const controller = running.start();
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
      const results = await runner.run(document, target.index, controller.signal);
      const result = results[results.length - 1];
      if (result) panels.show(result, await imageOf(result));
      return result;
    } catch (error) {
      void showUserError(log, error, 'Send Request');
      return undefined;
    } finally {
      running.finish(controller);
    }
  };

  const sendAll = async (given?: { uri: string; bail?: boolean }): Promise<RunResult[]> => {
    if (!requireTrust('send requests')) return [];
    const editor = vscode.window.activeTextEditor;
    const target = given ?? (editor?.document.languageId === 'thredd' ? { uri: editor.document.uri.toString() } : undefined);
    if (!target) return [];
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    const bail = target.bail ?? vscode.workspace.getConfiguration('thredd.sendAll').get<boolean>('stopOnFailure', false);
    const total = Math.max(1, runner.requestCount(document));
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Thredd: Send All', cancellable: true },
      async (progress, cancel) => {
        const controller = running.start();
        cancel.onCancellationRequested(() => controller.abort());
        try {
          const results = await runner.run(document, undefined, controller.signal, {
            bail,
            onResult: (result) =>
              progress.report({
                increment: 100 / total,
                message:
                  `${result.name ?? result.title ?? result.request?.url ?? ''}: ` +
                  `${result.response?.status ?? result.error?.message ?? ''}`,
              }),
          });
          const failed = results.filter((result) => !result.ok);
          const last = failed[0] ?? results[results.length - 1];
          if (last) panels.show(last, await imageOf(last));
          const summary = `${results.length - failed.length} of ${results.length} request(s) passed.`;
          if (failed.length > 0)
            void vscode.window.showWarningMessage(
              `Send All: ${summary} First failure: ${failed[0].name ?? failed[0].title ?? failed[0].request?.url}.`,
            );
          else vscode.window.setStatusBarMessage(`Thredd Send All: ${summary}`, 5000);
          return results;
        } finally {
          running.finish(controller);
        }
      },
    );
  };

  return [
    running,
    vscode.commands.registerCommand('thredd.sendRequest', send),
    vscode.commands.registerCommand('thredd.sendAll', sendAll),
    vscode.commands.registerCommand('thredd.cancelRequests', () => running.cancelAll()),
    vscode.commands.registerCommand('thredd.copyAsCurl', (target: RequestTarget) => copyAsCurlCommand(runner, configService, target)),
  ];
}

/** The request under the cursor of the active .thredd editor. */
function targetAtCursor(runner: RunnerService): RequestTarget | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== 'thredd') return undefined;
  const request = runner.requestAt(editor.document, editor.selection.active.line);
  return request && { uri: editor.document.uri.toString(), index: request.index };
}

/** Images are shown as data URIs (the CSP allows data: images only). */
export async function imageOf(result: RunResult): Promise<string | undefined> {
  const response = result.response;
  if (!response?.contentType?.startsWith('image/') || response.body.kind !== 'memory') return undefined;
  return `data:${response.contentType};base64,${response.body.bytes.toString('base64')}`;
}
