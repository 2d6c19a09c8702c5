import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { problemDetailsOf } from '../../core/runner/problemDetails';
import { curlOfSent } from '../../core/runner/results';
import type { RunResult } from '../../core/runner/types';
import type { AuthServices } from '../auth/authServices';
import type { ConfigService } from '../config/configService';
import type { ResponseAction } from '../response/responsePanels';

/** What the response view's buttons do; the webview itself never touches the clipboard or files. */
export function responseActionHandler(auth: AuthServices, configService: ConfigService) {
  return async (action: ResponseAction, result: RunResult): Promise<void> => {
    switch (action) {
      case 'copyBody':
        await vscode.env.clipboard.writeText(result.response?.text ?? '');
        vscode.window.setStatusBarMessage('Copied the response body', 3000);
        return;
      case 'saveBody':
        return saveBody(result);
      case 'openInEditor':
        return openInEditor(result);
      case 'copyCurl':
      case 'copyCurlWithToken':
        return copyCurl(result, action === 'copyCurlWithToken', auth, configService);
      case 'resend':
        await vscode.commands.executeCommand('thredd.sendRequest', {
          uri: vscode.Uri.file(result.filePath).toString(),
          index: result.requestIndex,
        });
        return;
      case 'copyTraceId':
        return copyTraceId(result);
    }
  };
}

/** The traceId read again from the result: the page only names the action, it never supplies what is copied. */
async function copyTraceId(result: RunResult): Promise<void> {
  const traceId = problemDetailsOf(result.response)?.traceId;
  if (!traceId) return;
  await vscode.env.clipboard.writeText(traceId);
  vscode.window.setStatusBarMessage('Copied the traceId: quote it to Thredd support', 3000);
}

async function saveBody(result: RunResult): Promise<void> {
  const body = result.response?.body;
  if (!body) return;
  const target = await vscode.window.showSaveDialog({ title: 'Save Response Body' });
  if (!target) return;
  const bytes = body.kind === 'memory' ? body.bytes : await fs.promises.readFile(body.path);
  await vscode.workspace.fs.writeFile(target, bytes);
}

async function openInEditor(result: RunResult): Promise<void> {
  const response = result.response;
  if (!response) return;
  if (response.body.kind === 'file') {
    await vscode.window.showTextDocument(vscode.Uri.file(response.body.path), { preview: true });
    return;
  }
  const json = response.contentType?.includes('json');
  let content = response.text ?? '';
  if (json) {
    try {
      content = JSON.stringify(JSON.parse(content), null, 2);
    } catch {
      // Not valid JSON after all: show it as it came.
    }
  }
  const language = json
    ? 'json'
    : response.contentType?.includes('xml')
      ? 'xml'
      : response.contentType?.includes('html')
        ? 'html'
        : 'plaintext';
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language, content }), { preview: true });
}

async function copyCurl(result: RunResult, withToken: boolean, auth: AuthServices, configService: ConfigService): Promise<void> {
  if (!result.request) return;
  const config = (await configService.get())?.config;
  const environment = result.environment ? config?.environments[result.environment] : undefined;
  let token: string | undefined;
  if (withToken) {
    const application = environment?.application ? config?.applications[environment.application] : undefined;
    token = environment && application ? auth.peekToken(environment.name, application) : undefined;
    if (!token) {
      void vscode.window.showWarningMessage('There is no cached token for this environment; copied with $TOKEN instead.');
    } else {
      const confirm = await vscode.window.showWarningMessage(
        'The command will hold a live access token. Anyone who sees it can call Thredd as your application until it expires.',
        { modal: true },
        'Copy with Token',
      );
      if (confirm !== 'Copy with Token') return;
    }
  }
  const curl = curlOfSent(result.request, {
    clientCertificate: environment?.clientCertificate,
    ca: environment?.ca,
    insecure: environment?.insecure,
    token,
  });
  await vscode.env.clipboard.writeText(curl);
  vscode.window.setStatusBarMessage(token ? 'Copied as cURL with the token' : 'Copied as cURL (the token is $TOKEN)', 3000);
}
