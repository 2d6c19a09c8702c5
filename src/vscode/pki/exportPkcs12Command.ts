import * as path from 'node:path';
import * as vscode from 'vscode';
import { exportPkcs12 } from '../../core/pki';
import { requireTrust } from '../trust';
import { showUserError } from '../userErrors';
import { workspacePath } from '../workspacePaths';

export interface ExportPkcs12Args {
  cert?: string;
  key?: string;
  chain?: string;
  out?: string;
  /** Asked twice in a password box when absent; never stored. */
  passphrase?: string;
  /** 3DES instead of AES-256, for old Windows tooling. */
  legacy?: boolean;
}

/** `Thredd: Export PKCS#12…`: certificate + key (+ chain) into a .pfx for Windows and Java tooling. */
export async function exportPkcs12Command(log: vscode.LogOutputChannel, args: ExportPkcs12Args = {}): Promise<string | undefined> {
  if (!requireTrust('read private keys')) return undefined;
  const cert = args.cert ? workspacePath(args.cert) : await pick('Certificate (PEM) to export', ['pem', 'crt', 'cer']);
  if (!cert) return undefined;
  const key = args.key ? workspacePath(args.key) : await pick(`Private key for ${path.basename(cert)}`, ['key', 'pem']);
  if (!key) return undefined;
  const out = args.out
    ? workspacePath(args.out)
    : (
        await vscode.window.showSaveDialog({
          defaultUri: vscode.Uri.file(cert.replace(/\.(pem|crt|cer)$/i, '') + '.pfx'),
          filters: { 'PKCS#12': ['pfx', 'p12'] },
          title: 'Save PKCS#12 as',
        })
      )?.fsPath;
  if (!out) return undefined;
  const passphrase = args.passphrase ?? (await askNewPassphrase());
  if (passphrase === undefined) return undefined;
  const legacy = args.legacy ?? (args.passphrase === undefined ? await askLegacy() : false);
  if (legacy === undefined) return undefined;

  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting ${path.basename(out)}…` },
      () =>
        exportPkcs12({
          certFile: cert,
          keyFile: key,
          chainFile: args.chain && workspacePath(args.chain),
          outFile: out,
          passphrase,
          legacy,
        }),
    );
    log.info(`Exported ${path.basename(out)} with ${result.certificateCount} certificate(s)${legacy ? ' (legacy 3DES)' : ''}.`);
    void vscode.window.showInformationMessage(
      `Created ${path.basename(out)} (${result.certificateCount} certificate(s), ` +
        `${legacy ? '3DES' : 'AES-256'}). Keep it out of source control.`,
    );
    return out;
  } catch (error) {
    showUserError(log, error, 'Export PKCS#12');
    return undefined;
  }
}

async function askNewPassphrase(): Promise<string | undefined> {
  const first = await vscode.window.showInputBox({
    title: 'Export PKCS#12: passphrase',
    password: true,
    ignoreFocusOut: true,
    prompt: 'Protects the private key inside the .pfx. It is not stored.',
    validateInput: (text) => (text.length < 8 ? 'Use at least 8 characters.' : undefined),
  });
  if (first === undefined) return undefined;
  const second = await vscode.window.showInputBox({
    title: 'Export PKCS#12: passphrase again',
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => (text !== first ? 'The passphrases differ.' : undefined),
  });
  return second === undefined ? undefined : first;
}

async function askLegacy(): Promise<boolean | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'AES-256', description: 'recommended: Windows 10 1709+, macOS, Java, OpenSSL 3', legacy: false },
      { label: 'Legacy 3DES', description: 'only for old Windows tooling that cannot read AES', legacy: true },
    ],
    { title: 'Export PKCS#12: encryption', ignoreFocusOut: true },
  );
  return pick?.legacy;
}

async function pick(title: string, extensions: string[]): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [title]: extensions, 'All files': ['*'] }, title });
  return picked?.[0]?.fsPath;
}
