import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceUri } from './helpers';
import { joinedPattern } from '../../support/joinedPattern';

describe('thredd.json in the real host', () => {
  const configUri = workspaceUri('thredd.json');
  let original: string;

  before(async () => {
    await activateExtension();
    original = fs.readFileSync(configUri.fsPath, 'utf8');
  });

  afterEach(async () => {
    fs.writeFileSync(configUri.fsPath, original);
    const api = await activateExtension();
    await waitFor('the fixture config to load again', async () => (await api.getConfig(true))?.config);
  });

  it('loads the workspace config and shows its environments in the Thredd view', async () => {
    const api = await activateExtension();
    const result = await api.getConfig();
    assert.deepEqual(result?.diagnostics, []);
    const model = await api.getTreeModel(true);
    const environments = model.roots[0];
    assert.equal(environments.kind === 'group' && environments.group, 'environments');
    const items = (environments.kind === 'group' ? environments.children : []).map((node) => api.getTreeItem(node));
    assert.deepEqual(
      items.map((item) => item.label),
      ['sandbox-tls', 'uat'],
    );
    assert.match(String(items[0].description), /^https:\/\/127\.0\.0\.1:8443 · TLS · region 0 \(Default\)$/);
  });

  it('shows a broken thredd.json as a diagnostic at the right line, with the fix, and as one error item in the view', async () => {
    const api = await activateExtension();
    fs.writeFileSync(configUri.fsPath, original.replace('"defaultEnvironment": "sandbox-tls"', '"defaultEnvironment": "sandbox"'));
    const diagnostics = await waitFor('a diagnostic on thredd.json', () => {
      const found = vscode.languages.getDiagnostics(configUri);
      return found.length > 0 && found;
    });
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics[0].range.start.line, 1);
    assert.match(
      diagnostics[0].message,
      joinedPattern(
        /"defaultEnvironment" is "sandbox", which is not in "environments": /,
        /did you mean "sandbox-tls"\? Fix: Set it to one of: sandbox-tls, uat\./,
      ),
    );
    const model = await waitFor('the tree to show the error', async () => {
      const built = await api.getTreeModel(true);
      return built.roots[0]?.kind === 'configError' && built;
    });
    const item = api.getTreeItem(model.roots[0]);
    assert.match(String(item.label), /thredd\.json/);
    assert.equal(item.command?.command, 'vscode.open');
    assert.equal((item.command?.arguments?.[1] as { selection: vscode.Range }).selection.start.line, 1, 'it opens the file at the problem');
  });

  it('Create thredd.json writes the chosen templates and never replaces an existing file', async () => {
    const api = await activateExtension();
    assert.equal(await vscode.commands.executeCommand('thredd.createConfig', { templates: ['uat-tls'], open: false }), undefined);
    assert.equal(fs.readFileSync(configUri.fsPath, 'utf8'), original, 'the existing file is untouched');

    fs.unlinkSync(configUri.fsPath);
    const created = await vscode.commands.executeCommand<vscode.Uri>('thredd.createConfig', {
      templates: ['uat-mtls', 'production-tls'],
      open: false,
    });
    assert.equal(created?.fsPath, configUri.fsPath);
    const environments = await waitFor('the new config to show in the tree', async () => {
      const root = (await api.getTreeModel(true)).roots[0];
      const labels = root?.kind === 'group' ? root.children.map((node) => node.label) : [];
      return labels.includes('uat-mtls') && labels;
    });
    assert.deepEqual(environments, ['uat-mtls', 'production-tls']);
    const diagnostics = vscode.languages.getDiagnostics(configUri);
    assert.ok(
      diagnostics.some((diagnostic) => /File not found: certs\/my-app-rtstransport\.pem/.test(diagnostic.message)),
      'template paths that do not exist yet are flagged',
    );
  });
});
