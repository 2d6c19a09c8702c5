import * as vscode from 'vscode';
import { checkEhiEndpoint, loadCheckOptions, type CheckReport } from '../../core/ehi/check';
import { SANDBOX_STATE_DIR } from '../../core/sandboxStatus/stateDir';
import { statePaths } from '../../sandbox/stateFiles';
import { requireTrust } from '../trust';
import { showUserError } from '../userErrors';
import { workspacePath } from '../workspacePaths';
import type { EhiCheckReportPanel } from './checkReportPanel';

/** The command's argument: what `thredd ehi check` takes as flags. Paths are absolute or relative to the workspace folder. */
export interface CheckEhiEndpointArgs {
  url?: string;
  mtls?: boolean;
  ca?: string;
  clientCa?: string;
  cert?: string;
  key?: string;
}

/** `Thredd: Check EHI Endpoint…`: asks only for a missing URL, runs the check with progress, shows the report. */
export async function checkEhiEndpointCommand(
  panel: EhiCheckReportPanel,
  log: vscode.LogOutputChannel,
  args: CheckEhiEndpointArgs = {},
): Promise<CheckReport | undefined> {
  if (!requireTrust('connect to an EHI endpoint')) return undefined;
  const url = args.url ?? (await askForUrl());
  if (!url) return undefined;
  const file = (value?: string) => (value === undefined ? undefined : workspacePath(value));
  const sandbox = statePaths(workspacePath(SANDBOX_STATE_DIR));
  try {
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking EHI endpoint', cancellable: false },
      async (progress) => {
        const options = await loadCheckOptions({
          url,
          mtls: args.mtls === true,
          ca: file(args.ca),
          clientCa: file(args.clientCa),
          cert: file(args.cert),
          key: file(args.key),
          sandboxClientCertificate: { cert: sandbox.ehiClientCert, key: sandbox.ehiClientKey },
        });
        return checkEhiEndpoint({ ...options, onProgress: (step) => progress.report({ message: step }) });
      },
    );
    log.info(`EHI check of ${url}: ${report.ok ? 'no failures' : 'failures'} (${report.findings.length} findings).`);
    panel.show(url, report);
    return report;
  } catch (error) {
    void showUserError(log, error, `Check EHI endpoint ${url}`);
    return undefined;
  }
}

function askForUrl(): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({
      title: 'Check EHI Endpoint',
      prompt: 'The https:// URL Thredd will POST EHI messages to',
      placeHolder: 'https://ehi.example.com/ehi',
      ignoreFocusOut: true,
      validateInput: (value) => (/^https:\/\/[^/\s]+/.test(value.trim()) ? undefined : 'Enter an https:// URL.'),
    })
    .then((value) => value?.trim() || undefined);
}
