import * as path from 'node:path';
import * as vscode from 'vscode';
import { addGitignorePattern, gitRoot, isIgnoredByGit, keyPatternFor, trackedKeyFiles } from '../../core/git/gitFiles';
import {
  CERTIFICATE_TYPES,
  KEY_ALGORITHMS,
  generateKeyAndCsr,
  validateSubject,
  type CertificateType,
  type GeneratedKeyAndCsr,
  type KeyAlgorithm,
} from '../../core/pki';
import { requireTrust } from '../trust';
import { showUserError } from '../userErrors';
import { workspacePath } from '../workspacePaths';

export interface GenerateCsrArgs {
  type?: CertificateType;
  commonName?: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  keyAlgorithm?: KeyAlgorithm;
  /** Absolute, or relative to the workspace folder. */
  outDir?: string;
  /** true: add `<dir>/*.key` to .gitignore without asking; false: never; absent: offer it. */
  addToGitignore?: boolean;
  /** Ask for every field with the given values filled in (renewing an expiring certificate). */
  prefill?: boolean;
}

interface Remembered {
  type?: CertificateType;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  keyAlgorithm?: KeyAlgorithm;
  outDir?: string;
}

const STATE_KEY = 'thredd.csrDefaults';
const TYPE_DETAILS: Record<CertificateType, string> = {
  transport: 'mTLS: presented to the API and the token endpoint',
  signing: 'private_key_jwt: signs client assertions; gets a KID',
  encryption: 'encrypts sensitive payloads',
};

/**
 * `Thredd: Generate Key and CSR…`: the portal's `openssl req` command as a wizard. Every value can
 * come from the arguments (tree items and tests pass them); only the missing ones are asked.
 */
export async function generateCsrCommand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  args: GenerateCsrArgs = {},
): Promise<GeneratedKeyAndCsr | undefined> {
  if (!requireTrust('generate private keys')) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const remembered = context.workspaceState.get<Remembered>(STATE_KEY, {});
  const interactive = args.commonName === undefined || args.prefill === true;
  const answers = interactive
    ? await askSubject(args, remembered, folder)
    : { ...args, type: args.type ?? 'transport', keyAlgorithm: args.keyAlgorithm ?? 'rsa2048', outDir: args.outDir ?? 'certs' };
  if (!answers) return undefined;
  const outDir = workspacePath(answers.outDir!);

  let generated: GeneratedKeyAndCsr;
  try {
    generated = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Generating ${answers.keyAlgorithm} key and CSR…` },
      () =>
        generateKeyAndCsr({
          type: answers.type!,
          subject: {
            commonName: answers.commonName,
            organization: answers.organization,
            organizationalUnit: answers.organizationalUnit,
            country: answers.country,
          },
          keyAlgorithm: answers.keyAlgorithm,
          outDir,
        }),
    );
  } catch (error) {
    showUserError(log, error, 'Generate Key and CSR');
    return undefined;
  }
  await context.workspaceState.update(STATE_KEY, {
    type: answers.type,
    organization: answers.organization,
    organizationalUnit: answers.organizationalUnit,
    country: answers.country,
    keyAlgorithm: answers.keyAlgorithm,
    outDir: answers.outDir,
  } satisfies Remembered);
  log.info(`Generated ${path.basename(generated.keyPath)} (mode 0600) and ${path.basename(generated.csrPath)}.`);
  announce(generated, answers.type!);
  await protectKeyFromGit(outDir, generated.keyPath, args.addToGitignore);
  return generated;
}

async function askSubject(
  args: GenerateCsrArgs,
  remembered: Remembered,
  folder: vscode.WorkspaceFolder | undefined,
): Promise<(Required<Pick<GenerateCsrArgs, 'type' | 'keyAlgorithm' | 'outDir'>> & GenerateCsrArgs) | undefined> {
  const steps = 6;
  const type =
    args.type ??
    (
      await vscode.window.showQuickPick(
        CERTIFICATE_TYPES.map((value) => ({
          label: value[0].toUpperCase() + value.slice(1),
          description: TYPE_DETAILS[value],
          value,
          picked: value === remembered.type,
        })),
        {
          title: `Generate Key and CSR (1/${steps}): certificate type`,
          placeHolder: 'Which Thredd certificate is this CSR for?',
          ignoreFocusOut: true,
        },
      )
    )?.value;
  if (!type) return undefined;
  const commonName = await askField(
    2,
    steps,
    'Common name (CN)',
    'Your application name as in Thredd Portal, e.g. payments-app',
    args.commonName ?? '',
    'commonName',
    true,
  );
  if (commonName === undefined) return undefined;
  const organization = await askField(
    3,
    steps,
    'Organisation (O)',
    'Your company, e.g. Acme Payments Ltd',
    args.organization ?? remembered.organization ?? '',
    'organization',
  );
  if (organization === undefined) return undefined;
  const organizationalUnit = await askField(
    4,
    steps,
    'Organisational unit (OU)',
    'Optional, e.g. Cards',
    args.organizationalUnit ?? remembered.organizationalUnit ?? '',
    'organizationalUnit',
  );
  if (organizationalUnit === undefined) return undefined;
  const country = await askField(
    5,
    steps,
    'Country (C)',
    'Two capital letters, e.g. GB',
    args.country ?? remembered.country ?? '',
    'country',
  );
  if (country === undefined) return undefined;
  const keyAlgorithm =
    args.keyAlgorithm ??
    (
      await vscode.window.showQuickPick(
        KEY_ALGORITHMS.map((value) => ({
          label: value,
          description: value === 'rsa2048' ? "what Thredd Portal's OpenSSL command uses" : undefined,
          value,
        })),
        { title: `Generate Key and CSR (6/${steps}): key algorithm`, ignoreFocusOut: true },
      )
    )?.value;
  if (!keyAlgorithm) return undefined;
  const outDir =
    args.outDir ??
    (await vscode.window.showInputBox({
      title: 'Generate Key and CSR: folder for the key and CSR',
      prompt: folder ? 'Relative to the workspace folder' : 'An absolute path',
      value: remembered.outDir ?? 'certs',
      ignoreFocusOut: true,
    }));
  if (!outDir) return undefined;
  return {
    type,
    commonName,
    organization: organization || undefined,
    organizationalUnit: organizationalUnit || undefined,
    country: country || undefined,
    keyAlgorithm,
    outDir,
  };
}

/** One subject field, checked as it is typed with the same rules the generator applies. */
function askField(
  step: number,
  steps: number,
  label: string,
  prompt: string,
  value: string,
  field: 'commonName' | 'organization' | 'organizationalUnit' | 'country',
  required = false,
) {
  return vscode.window.showInputBox({
    title: `Generate Key and CSR (${step}/${steps}): ${label}`,
    prompt,
    value,
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (!text) return required ? `${label} is required.` : undefined;
      try {
        validateSubject({ commonName: 'x', [field]: text });
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
}

/** The next step, without blocking the command: the notification waits for the user. */
function announce(generated: GeneratedKeyAndCsr, type: CertificateType): void {
  const csrName = path.basename(generated.csrPath);
  void vscode.window
    .showInformationMessage(
      `Created ${csrName} and its ${type} key. Next: upload the CSR in Thredd Portal → Applications → ` +
        `Certificates → New Certificate, then save the certificate beside the key.`,
      'Copy CSR',
      'Reveal in Explorer',
    )
    .then(async (choice) => {
      if (choice === 'Copy CSR') await vscode.env.clipboard.writeText(generated.csrPem);
      if (choice === 'Reveal in Explorer') await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(generated.csrPath));
    });
}

/** Keys must never reach a repository: offer the .gitignore line, and warn about keys git already tracks. */
async function protectKeyFromGit(outDir: string, keyPath: string, addToGitignore: boolean | undefined): Promise<void> {
  const root = await gitRoot(outDir);
  if (!root) return;
  const tracked = await trackedKeyFiles(outDir);
  if (tracked.length > 0) {
    void vscode.window.showWarningMessage(
      `git tracks private key file(s): ${tracked.join(', ')}. Remove them from the repository (git rm --cached) and rotate the keys.`,
    );
  }
  if (addToGitignore === false || (await isIgnoredByGit(keyPath))) return;
  const pattern = keyPatternFor(root, outDir);
  if (addToGitignore) {
    await addGitignorePattern(root, pattern);
    return;
  }
  void vscode.window
    .showWarningMessage(`${path.basename(keyPath)} is not ignored by git. Add "${pattern}" to .gitignore?`, 'Add to .gitignore')
    .then(async (choice) => {
      if (choice) await addGitignorePattern(root, pattern);
    });
}
