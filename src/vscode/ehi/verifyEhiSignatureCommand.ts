import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  capturedBodyCandidates,
  describeEhiVerification,
  isJwksUrl,
  readCapturedEhiRequest,
  verifyEhiMessage,
  type EhiMessageVerification,
} from '../../core/ehi';
import { loadCa } from '../../core/http/loadTlsSettings';
import type { NetworkService } from '../network/networkService';
import type { SandboxInfo } from '../sandbox/sandboxController';
import { requireTrust } from '../trust';
import { showUserError } from '../userErrors';
import { workspacePath } from '../workspacePaths';

export interface VerifyEhiSignatureArgs {
  /** A file holding the exact body. */
  bodyFile?: string;
  /** The body text itself (used when bodyFile is absent). */
  body?: string;
  /** The X-Thredd-Signature value, "k=…, s=…". */
  signature?: string;
  /** An https:// URL or a file of the JWKS. */
  jwks?: string;
  /** A CA (PEM file) to trust for an https JWKS, such as the sandbox's root. */
  ca?: string;
}

export interface VerifyEhiSignatureDependencies {
  network: NetworkService;
  log: vscode.LogOutputChannel;
  sandbox(): SandboxInfo | undefined;
}

/**
 * `Thredd: Verify EHI Signature…`: checks a message's X-Thredd-Signature against a JWKS. The body and signature come
 * from the arguments, else from the request in the active editor (a header line and the body after the blank line),
 * else from input boxes; the JWKS from the arguments or a pick (the running sandbox's, a URL, a file).
 */
export async function verifyEhiSignatureCommand(
  dependencies: VerifyEhiSignatureDependencies,
  args: VerifyEhiSignatureArgs = {},
): Promise<EhiMessageVerification | undefined> {
  const { log } = dependencies;
  const editor = vscode.window.activeTextEditor;
  const captured = readCapturedEhiRequest(editor?.document.getText() ?? '', editor?.selection.active.line);
  const body = args.bodyFile !== undefined ? undefined : (args.body ?? captured.body);
  const bodyFile =
    args.bodyFile !== undefined
      ? workspacePath(args.bodyFile)
      : body === undefined
        ? await pickFile('The EHI message body (exact bytes)')
        : undefined;
  if (body === undefined && bodyFile === undefined) return undefined;
  const signature = args.signature ?? captured.signature ?? (await askSignature());
  if (!signature) return undefined;
  const source = args.jwks ? jwksSource(args.jwks, args.ca) : await pickJwks(dependencies.sandbox());
  if (!source) return undefined;
  if (isJwksUrl(source.jwks) && !requireTrust('fetch a JWKS')) return undefined;

  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Verifying the EHI signature…' },
      async () => {
        const ca = source.ca ? await loadCa(source.ca) : undefined;
        const http = await dependencies.network.client();
        const bodies = bodyFile ? [{ bytes: await fs.promises.readFile(bodyFile) }] : capturedBodyCandidates(body!);
        return verifyEhiMessage({ bodies, signature, jwks: source.jwks, http, ca, caSource: source.ca });
      },
    );
    report(log, result);
    return result;
  } catch (error) {
    void showUserError(log, error, 'Verify EHI Signature');
    return undefined;
  }
}

function report(log: vscode.LogOutputChannel, result: EhiMessageVerification): void {
  const details = describeEhiVerification(result);
  if (result.ok) log.info(`EHI signature: ${details}`);
  else log.warn(`EHI signature: ${details}`);
  const show = 'Show details';
  const shown = result.ok
    ? vscode.window.showInformationMessage(`EHI signature verified with key "${result.kid}".`, show)
    : vscode.window.showWarningMessage(`EHI signature NOT verified (${result.reason}): ${result.message}`, show);
  void shown.then((choice) => choice === show && log.show());
}

function jwksSource(jwks: string, ca?: string): { jwks: string; ca?: string } {
  return { jwks: isJwksUrl(jwks) ? jwks : workspacePath(jwks), ca: ca && workspacePath(ca) };
}

async function pickJwks(sandbox: SandboxInfo | undefined): Promise<{ jwks: string; ca?: string } | undefined> {
  type Choice = vscode.QuickPickItem & { kind?: undefined; choose(): Promise<{ jwks: string; ca?: string } | undefined> };
  const choices: Choice[] = [];
  const sandboxJwks = sandbox?.urls.ehiJwks;
  if (sandboxJwks) {
    choices.push({
      label: "The local sandbox's EHI JWKS",
      description: sandboxJwks,
      choose: async () => ({ jwks: sandboxJwks, ca: sandbox?.files?.rootCa }),
    });
  }
  choices.push(
    {
      label: 'A JWKS URL…',
      choose: async () => {
        const url = await vscode.window.showInputBox({
          prompt: "The JWKS URL (Thredd Portal shows it under EHI Configuration; the sandbox prints its 'EHI JWKS' line)",
          validateInput: (value) => (isJwksUrl(value) ? undefined : 'An https:// URL'),
          ignoreFocusOut: true,
        });
        return url ? { jwks: url } : undefined;
      },
    },
    { label: 'A JWKS file…', choose: async () => ((file) => (file ? { jwks: file } : undefined))(await pickFile('The JWKS file')) },
  );
  const picked = await vscode.window.showQuickPick(choices, { title: 'Verify the signature against which JWKS?', ignoreFocusOut: true });
  return picked?.choose();
}

async function askSignature(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    prompt: 'The X-Thredd-Signature header value',
    placeHolder: 'k=<kid>, s=<signature>',
    validateInput: (value) => (/k=.+s=|s=.+k=/.test(value) ? undefined : 'The header reads "k=<kid>, s=<signature>"'),
    ignoreFocusOut: true,
  });
}

async function pickFile(title: string): Promise<string | undefined> {
  const [uri] = (await vscode.window.showOpenDialog({ title, canSelectMany: false, openLabel: 'Use' })) ?? [];
  return uri?.fsPath;
}
