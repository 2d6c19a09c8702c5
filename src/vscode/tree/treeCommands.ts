import * as vscode from 'vscode';
import { addEnvironmentToConfigText, ENVIRONMENT_TEMPLATES } from '../../core/config';
import { writeFileAtomic } from '../../core/fs/safeWrite';
import type { ApplicationNode, CertificateNode, EnvironmentNode, TreeNode } from '../../core/tree';
import type { ConfigService } from '../config/configService';
import type { ActiveEnvironment } from '../environment/activeEnvironment';
import { toVscodeRange } from '../ranges';
import { generateCsrFor } from './expiryNotifier';
import type { ThreddTreeProvider } from './threddTreeProvider';

/** Context-menu and title-bar actions of the Thredd view; each takes the tree node it was invoked on. */
export function registerTreeCommands(
  tree: ThreddTreeProvider,
  configService: ConfigService,
  activeEnvironment: ActiveEnvironment,
): vscode.Disposable[] {
  const copy = async (value: string | undefined, what: string) => {
    if (!value) {
      void vscode.window.showWarningMessage(`This item has no ${what}.`);
      return;
    }
    await vscode.env.clipboard.writeText(value);
    vscode.window.setStatusBarMessage(`Copied ${what}`, 3000);
  };
  return [
    vscode.commands.registerCommand('thredd.refreshView', () => tree.refresh()),
    vscode.commands.registerCommand('thredd.addEnvironment', (templateId?: string, name?: string) =>
      addEnvironment(configService, templateId, name),
    ),
    vscode.commands.registerCommand('thredd.tree.setActive', (node: EnvironmentNode) => activeEnvironment.set(node.name)),
    vscode.commands.registerCommand('thredd.tree.openConfigEntry', (node: EnvironmentNode | ApplicationNode) =>
      vscode.commands.executeCommand('vscode.open', vscode.Uri.file(node.configFile), { selection: toVscodeRange(node.range) }),
    ),
    vscode.commands.registerCommand('thredd.tree.copyClientId', (node: ApplicationNode) => copy(node.clientId, 'client ID')),
    vscode.commands.registerCommand('thredd.tree.copyKid', (node: ApplicationNode | CertificateNode) =>
      copy(
        node.kind === 'application' ? node.kid : (node.tooltip.kid?.configured ?? node.tooltip.certificates[0]?.publicKey?.jwkThumbprint),
        'KID',
      ),
    ),
    vscode.commands.registerCommand('thredd.tree.copyFingerprint', (node: CertificateNode) =>
      copy(node.tooltip.certificates[0]?.sha256Fingerprint, 'SHA-256 fingerprint'),
    ),
    vscode.commands.registerCommand('thredd.tree.inspect', (node: CertificateNode) =>
      vscode.commands.executeCommand('thredd.inspectCertificate', { file: node.file, keyFile: node.keyFile }),
    ),
    vscode.commands.registerCommand('thredd.tree.reveal', (node: CertificateNode) =>
      vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(node.file)),
    ),
    vscode.commands.registerCommand('thredd.tree.generateCsr', (node: ApplicationNode | CertificateNode) => generateCsrForNode(node)),
  ];
}

function generateCsrForNode(node: TreeNode): Thenable<unknown> {
  if (node.kind === 'certificate') {
    const subject = node.tooltip.certificates[0]?.subjectFields ?? {};
    const type = node.certificateType === 'signing' ? 'signing' : 'transport';
    return generateCsrFor({
      file: node.file,
      nodeId: node.id,
      label: node.label,
      severity: 'warning',
      status: node.status,
      summary: '',
      type,
      subject: { commonName: subject.CN, organization: subject.O, organizationalUnit: subject.OU, country: subject.C },
    });
  }
  if (node.kind === 'application') {
    const type = node.authMethod === 'private_key_jwt' ? 'signing' : 'transport';
    return vscode.commands.executeCommand('thredd.generateCsr', { type, commonName: node.name, prefill: true });
  }
  return vscode.commands.executeCommand('thredd.generateCsr');
}

/** `Thredd: Add Environment`: a Thredd template added to thredd.json, comments and all kept. */
async function addEnvironment(configService: ConfigService, templateId?: string, name?: string): Promise<string | undefined> {
  const uri = configService.configUri;
  if (!uri) return undefined;
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return vscode.commands.executeCommand('thredd.createConfig');
  }
  const template = templateId
    ? ENVIRONMENT_TEMPLATES.find((candidate) => candidate.id === templateId)
    : await vscode.window.showQuickPick(
        ENVIRONMENT_TEMPLATES.map((candidate) => ({ ...candidate, detail: candidate.description })),
        { title: 'Add Thredd Environment' },
      );
  if (!template) return undefined;
  const config = (await configService.get())?.config;
  const existing = Object.keys(config?.environments ?? {});
  const chosen =
    name ??
    (await vscode.window.showInputBox({
      title: 'Add Thredd Environment: name',
      value: template.id,
      validateInput: (value) =>
        !value.trim() ? 'Give the environment a name.' : existing.includes(value) ? `"${value}" already exists in thredd.json.` : undefined,
    }));
  if (!chosen) return undefined;
  if (existing.includes(chosen)) {
    void vscode.window.showErrorMessage(`"${chosen}" already exists in thredd.json; it was not changed.`);
    return undefined;
  }
  // Templates name an example application; point at one the file really has, or none.
  const applications = Object.keys(config?.applications ?? {});
  const { application, ...rest } = template.environment as { application?: string };
  const target = application && applications.includes(application) ? application : applications[0];
  await writeFileAtomic(uri.fsPath, addEnvironmentToConfigText(text, chosen, target ? { ...rest, application: target } : rest, uri.fsPath));
  await configService.reload();
  return chosen;
}
