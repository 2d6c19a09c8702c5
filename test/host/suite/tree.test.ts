import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CertificateNode, TreeModel, TreeNode } from '../../../src/core/tree';
import { indexTreeNodes } from '../../../src/core/tree/findNode';
import { createTestCa } from '../../support/testPki';
import { activateExtension, screenshot, themeColorId, waitFor, workspaceUri } from './helpers';

function findNode(model: TreeModel, id: string): TreeNode | undefined {
  return indexTreeNodes(model.roots).get(id);
}

describe('the Thredd view in the real host', () => {
  const configUri = workspaceUri('thredd.json');
  const dir = workspaceUri('tree-certs').fsPath;
  let original: string;

  before(async () => {
    await activateExtension();
    original = fs.readFileSync(configUri.fsPath, 'utf8');
    fs.mkdirSync(dir, { recursive: true });
    const ca = await createTestCa();
    const transport = await ca.issue({ commonName: 'tree-app', usage: 'client', daysValid: 45 });
    const signing = await ca.issue({ commonName: 'tree-app', usage: 'client', daysValid: -3 });
    fs.writeFileSync(path.join(dir, 'tree-app-rtstransport.pem'), transport.certPem);
    fs.writeFileSync(path.join(dir, 'tree-app-rtstransport.key'), transport.keyPem, { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'tree-app-rtssigning.pem'), signing.certPem);
    fs.writeFileSync(path.join(dir, 'tree-app-rtssigning.key'), signing.keyPem, { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
    fs.writeFileSync(
      configUri.fsPath,
      JSON.stringify(
        {
          defaultEnvironment: 'uat-mtls',
          environments: {
            'uat-mtls': {
              baseUrl: 'https://uat-mtls.thredd.com',
              tokenUrl: 'https://threddid.com/oauth2/token',
              region: '1',
              application: 'tree-app',
              mtls: { cert: 'tree-certs/tree-app-rtstransport.pem', key: 'tree-certs/tree-app-rtstransport.key' },
            },
          },
          applications: {
            'tree-app': {
              clientId: 'b9f04639-cdeb-425b-a310-450d3d293fd4',
              auth: {
                method: 'private_key_jwt',
                key: 'tree-certs/tree-app-rtssigning.key',
                cert: 'tree-certs/tree-app-rtssigning.pem',
                kid: 'kid-1',
              },
              scopes: ['cards.read'],
            },
          },
        },
        null,
        2,
      ),
    );
    const api = await activateExtension();
    await api.getConfig(true);
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'uat-mtls');
  });

  after(async () => {
    fs.writeFileSync(configUri.fsPath, original);
    fs.rmSync(dir, { recursive: true, force: true });
    const api = await activateExtension();
    await api.getConfig(true);
    await vscode.commands.executeCommand('thredd.selectEnvironment', 'sandbox-tls');
  });

  it('shows environments, the application and certificates with expiry badges and coloured icons', async () => {
    const api = await activateExtension();
    const model = await api.getTreeModel(true);
    const environment = findNode(model, 'env:uat-mtls');
    assert.equal(environment?.kind, 'environment');
    assert.match(String(environment!.description), /^https:\/\/uat-mtls\.thredd\.com · mTLS · region 1 \(EMEA\)$/);

    const transport = findNode(model, 'env:uat-mtls/transport') as CertificateNode;
    const transportItem = api.getTreeItem(transport);
    assert.match(String(transportItem.description), /^expires in 4[45] days$/);
    assert.equal((transportItem.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.equal(themeColorId(transportItem.iconPath), 'list.warningForeground');
    assert.match((transportItem.tooltip as vscode.MarkdownString).value, /x5t#S256: `[A-Za-z0-9_-]{43}`/);

    const signing = findNode(model, 'env:uat-mtls/signing') as CertificateNode;
    const signingItem = api.getTreeItem(signing);
    assert.equal(signingItem.description, 'expired 3 days ago');
    assert.equal((signingItem.iconPath as vscode.ThemeIcon).id, 'error');
    assert.match((signingItem.tooltip as vscode.MarkdownString).value, /KID \(thredd\.json\): `kid-1`/);

    const application = findNode(model, 'env:uat-mtls/application:tree-app');
    assert.match(String(application?.description), /b9f04639-cdeb-425b-a310-450d3d293fd4 · private_key_jwt/);
    await vscode.commands.executeCommand('thredd.explorer.focus');
    await screenshot('thredd-view');
  });

  it("leaves the tools' own state folder (.thredd/, where the sandbox keeps its CA) out of the Certificates list", async () => {
    const api = await activateExtension();
    const state = workspaceUri('.thredd', 'sandbox-like').fsPath;
    fs.mkdirSync(state, { recursive: true });
    fs.copyFileSync(path.join(dir, 'ca.pem'), path.join(state, 'root-ca.pem'));
    try {
      const files = [...indexTreeNodes((await api.getTreeModel(true)).roots).values()].flatMap((node) =>
        node.kind === 'certificate' ? [node.file] : [],
      );
      assert.ok(
        files.some((file) => file.endsWith(path.join('tree-certs', 'ca.pem'))),
        'the same certificate elsewhere is listed',
      );
      assert.deepEqual(
        files.filter((file) => file.includes(`${path.sep}.thredd${path.sep}`)),
        [],
      );
    } finally {
      fs.rmSync(state, { recursive: true, force: true });
    }
  });

  it('counts the certificates needing attention on the view badge and says so in one notification', async () => {
    const api = await activateExtension();
    const model = await api.getTreeModel(true);
    const ours = model.certificatesNeedingAttention
      .filter((item) => item.file.startsWith(dir))
      .map((item) => [path.basename(item.file), item.severity]);
    assert.deepEqual(ours.sort(), [
      ['tree-app-rtssigning.pem', 'error'],
      ['tree-app-rtstransport.pem', 'warning'],
    ]);
    assert.equal(api.viewBadge()?.value, model.attentionCount);
    const message = await api.checkCertificateExpiry();
    assert.match(message ?? '', /expired 3 days ago/);
    assert.match(message ?? '', /expires in 4[45] days/);
  });

  it('shows the active environment in the status bar', async () => {
    const api = await activateExtension();
    await waitFor('the status bar to follow', () => api.environmentStatusText() === '$(server-environment) Thredd: uat-mtls · no token');
  });

  it('updates when a certificate file changes, without a reload', async () => {
    const api = await activateExtension();
    const ca = await createTestCa();
    const renewed = await ca.issue({ commonName: 'tree-app', usage: 'client', daysValid: 400 });
    fs.writeFileSync(path.join(dir, 'tree-app-rtssigning.pem'), renewed.certPem);
    fs.writeFileSync(path.join(dir, 'tree-app-rtssigning.key'), renewed.keyPem);
    const item = await waitFor(
      'the renewed certificate in the tree',
      async () => {
        const node = findNode(await api.getTreeModel(), 'env:uat-mtls/signing');
        const shown = node && api.getTreeItem(node);
        return shown?.description !== 'expired 3 days ago' && shown;
      },
      15_000,
    );
    assert.match(String(item.description), /^expires in (399|400) days$/);
    assert.equal(themeColorId(item.iconPath), 'testing.iconPassed');
    const model = await api.getTreeModel();
    assert.ok(
      !model.certificatesNeedingAttention.some((entry) => entry.file.endsWith('tree-app-rtssigning.pem')),
      'the renewed certificate needs no attention',
    );
    assert.equal(api.viewBadge()?.value, model.attentionCount);
  });

  it('adds an environment from a Thredd template, keeping the file valid', async () => {
    const api = await activateExtension();
    assert.equal(await vscode.commands.executeCommand('thredd.addEnvironment', 'production-tls', 'prod'), 'prod');
    const config = (await api.getConfig())?.config;
    assert.equal(config?.environments.prod.baseUrl, 'https://api.thredd.com');
    assert.equal(config?.environments.prod.application, 'tree-app', "the template's example application is replaced by the file's own");
    assert.equal(
      await vscode.commands.executeCommand('thredd.addEnvironment', 'production-tls', 'prod'),
      undefined,
      'an existing name is refused',
    );
  });
});
