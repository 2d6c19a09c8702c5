import * as path from 'node:path';
import * as vscode from 'vscode';
import { inspectFile, PkiError, type InspectResult } from '../../core/pki';
import { requireTrust } from '../trust';
import { showUserError } from '../userErrors';
import { workspacePath } from '../workspacePaths';
import type { CertificatePanels } from './certificatePanel';

export interface InspectCertificateArgs {
  /** Absolute, or relative to the workspace folder. */
  file?: string;
  keyFile?: string;
  caFile?: string;
  /** For a PKCS#12 file; asked in a password box when needed and absent. */
  passphrase?: string;
}

const CERTIFICATE_FILTERS = { 'Certificates, CSRs and PKCS#12': ['pem', 'crt', 'cer', 'der', 'csr', 'pfx', 'p12'] };

/** `Thredd: Inspect Certificate`: from the palette (asks for a file), the Explorer (a Uri) or the tree (args). */
export async function inspectCertificateCommand(
  panels: CertificatePanels,
  log: vscode.LogOutputChannel,
  target?: vscode.Uri | InspectCertificateArgs,
): Promise<InspectResult | undefined> {
  if (!requireTrust('read certificates and keys')) return undefined;
  const args: InspectCertificateArgs = target instanceof vscode.Uri ? { file: target.fsPath } : (target ?? {});
  const file = args.file ? workspacePath(args.file) : await pickFile();
  if (!file) return undefined;
  const warningDays = vscode.workspace.getConfiguration('thredd').get<number>('certificates.warningDays', 60);
  const options = { warningDays, keyFile: args.keyFile && workspacePath(args.keyFile), caFile: args.caFile && workspacePath(args.caFile) };

  try {
    let result: InspectResult;
    try {
      result = await inspectFile(file, { ...options, passphrase: args.passphrase });
    } catch (error) {
      const needsPassphrase =
        error instanceof PkiError &&
        (error.code === 'passphrase-required' || (error.code === 'wrong-passphrase' && args.passphrase === undefined));
      if (!needsPassphrase || args.passphrase !== undefined) throw error;
      const passphrase = await vscode.window.showInputBox({
        title: `Passphrase for ${path.basename(file)}`,
        password: true,
        ignoreFocusOut: true,
        prompt: 'The passphrase the PKCS#12 file was exported with. It is not stored.',
      });
      if (passphrase === undefined) return undefined;
      result = await inspectFile(file, { ...options, passphrase });
    }
    panels.show(file, result);
    return result;
  } catch (error) {
    showUserError(log, error, `Inspect ${path.basename(file)}`);
    return undefined;
  }
}

async function pickFile(): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: CERTIFICATE_FILTERS,
    title: 'Inspect Certificate',
    openLabel: 'Inspect',
  });
  return picked?.[0]?.fsPath;
}
