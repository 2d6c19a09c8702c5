import * as vscode from 'vscode';
import { EHI_MESSAGE_TYPES, ehiMessageType } from '../../core/ehi/messages';
import { describeEhiMessage, ehiEndpoint, simulateEhi, summariseEhiReport, type EhiSendReport } from '../../core/ehi/simulator';
import { loadCa } from '../../core/http/loadTlsSettings';
import { SANDBOX_STATE_DIR } from '../../core/sandboxStatus/stateDir';
import type { NetworkService } from '../network/networkService';
import { requireTrust } from '../trust';
import { showUserError } from '../userErrors';
import { workspacePath } from '../workspacePaths';

export interface SendEhiMessageArgs {
  /** A message type of `thredd ehi send`; picked from a list when absent. */
  message?: string;
  /** The endpoint URL; asked for when absent. */
  to?: string;
  /** Present the sandbox's EHI client certificate. */
  mtls?: boolean;
  count?: number;
  /** Extra CA file trusted for the endpoint's certificate (relative to the workspace). */
  ca?: string;
  /** Milliseconds; 200 (Thredd's default) when absent. */
  timeout?: number;
  /** The sandbox state folder; default .thredd/sandbox of the workspace. */
  state?: string;
}

/**
 * `Thredd: Send EHI Message…`: the simulator of `thredd ehi send` in the editor. It sends with the sandbox's EHI
 * key (and client certificate over mTLS) through the extension's HTTP client, writes each message's findings to
 * the Thredd log and ends with a summary notification. Returns the report (host tests read it).
 */
export async function sendEhiMessageCommand(
  network: NetworkService,
  log: vscode.LogOutputChannel,
  args: SendEhiMessageArgs = {},
): Promise<EhiSendReport | undefined> {
  if (!requireTrust('send EHI messages')) return undefined;
  const type = args.message ?? (await pickMessage());
  if (!type) return undefined;
  const to = args.to ?? (await askUrl());
  if (!to) return undefined;
  if (!vscode.workspace.workspaceFolders?.length && !args.state) {
    void vscode.window.showErrorMessage('Open a folder first: the EHI signing key lives in the sandbox state folder .thredd/sandbox.');
    return undefined;
  }
  const count = args.count ?? 1;
  try {
    const messageType = ehiMessageType(type);
    const stateDir = workspacePath(args.state ?? SANDBOX_STATE_DIR);
    const caFile = args.ca && workspacePath(args.ca);
    const ca = caFile ? { pem: await loadCa(caFile), source: caFile } : undefined;
    // The sandbox's PKI code is its own lazily loaded bundle (esbuild.js): loaded here, on first use.
    const sandbox = await import('../../sandbox/ehi');
    const { signing, client } = await sandbox.ehiSenderCredentials(stateDir, { mtls: args.mtls === true });
    const http = await network.client();
    const endpoint = ehiEndpoint({
      url: to,
      http,
      timeoutMs: args.timeout ?? 200,
      signing,
      ca,
      client,
    });
    log.info(`EHI: sending ${count} ${type} message${count === 1 ? '' : 's'} to ${to}${args.mtls ? ' over mTLS' : ''}`);
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sending EHI ${type} to ${new URL(to).host}`, cancellable: true },
      (progress, token) => {
        const stop = new AbortController();
        token.onCancellationRequested(() => stop.abort());
        let index = 0;
        return simulateEhi({
          endpoint,
          type: messageType,
          count,
          signal: stop.signal,
          onMessage: (message) => {
            const text = describeEhiMessage(message, index, count);
            if (message.status === 'fail') log.warn(text);
            else log.info(text);
            index += 1;
            progress.report({ increment: 100 / count, message: `${index}/${count}` });
          },
        });
      },
    );
    const summary = summariseEhiReport(report);
    log.info(`EHI: ${summary}`);
    const show = report.ok ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(`EHI ${type}: ${summary}`, 'Show Log').then((choice) => choice && log.show());
    return report;
  } catch (error) {
    void showUserError(log, error, 'Send EHI message');
    return undefined;
  }
}

async function pickMessage(): Promise<string | undefined> {
  const items = EHI_MESSAGE_TYPES.map((entry) => ({
    label: entry.type,
    description: `${entry.title} (MTID ${entry.mtid}, Txn_Type ${entry.txnType})`,
  }));
  return (await vscode.window.showQuickPick(items, { title: 'Send EHI Message', placeHolder: 'Which message Thredd sends' }))?.label;
}

function askUrl(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Send EHI Message',
    prompt: 'Your EHI endpoint: Thredd POSTs each message there',
    placeHolder: 'https://ehi.example.com/thredd',
    validateInput: (value) => (/^https?:\/\/\S+$/i.test(value.trim()) ? undefined : 'An https:// URL'),
  });
}
