import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GeneratedKeyAndCsr, InspectResult } from '../../../src/core/pki';
import { createTestCa } from '../../support/testPki';
import { activateExtension, screenshot, workspaceUri } from './helpers';

describe('certificate commands in the real host', () => {
  const certs = workspaceUri('certs').fsPath;

  before(async () => {
    await activateExtension();
    // A repository, so the command's .gitignore handling is exercised for real.
    execFileSync('git', ['init', '-q'], { cwd: workspaceUri().fsPath });
  });

  it('Generate Key and CSR writes a 0600 key and a CSR, adds the key pattern to .gitignore, and never overwrites', async () => {
    const args = {
      type: 'transport',
      commonName: 'host-app',
      organization: 'Acme Payments',
      country: 'GB',
      outDir: 'certs',
      addToGitignore: true,
    };
    const generated = await vscode.commands.executeCommand<GeneratedKeyAndCsr>('thredd.generateCsr', args);
    assert.equal(generated.keyPath, path.join(certs, 'host-app-rtstransport.key'));
    assert.equal(generated.csrPath, path.join(certs, 'host-app-rtstransport.csr'));
    assert.equal(fs.statSync(generated.keyPath).mode & 0o777, 0o600);
    assert.match(fs.readFileSync(generated.keyPath, 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
    assert.match(fs.readFileSync(generated.csrPath, 'utf8'), /^-----BEGIN CERTIFICATE REQUEST-----/);
    assert.match(fs.readFileSync(workspaceUri('.gitignore').fsPath, 'utf8'), /^certs\/\*\.key$/m);
    const check = execFileSync('git', ['check-ignore', 'certs/host-app-rtstransport.key'], {
      cwd: workspaceUri().fsPath,
      encoding: 'utf8',
    });
    assert.equal(check.trim(), 'certs/host-app-rtstransport.key');

    const keyBefore = fs.readFileSync(generated.keyPath, 'utf8');
    const again = await vscode.commands.executeCommand('thredd.generateCsr', args);
    assert.equal(again, undefined, 'a second generation with the same name is refused');
    assert.equal(fs.readFileSync(generated.keyPath, 'utf8'), keyBefore, 'the first key is untouched');
  });

  it('Inspect Certificate shows the certificate, its expiry and key match in a CSP-locked webview', async () => {
    const api = await activateExtension();
    const ca = await createTestCa({ keyType: 'rsa2048' });
    const leaf = await ca.issue({ commonName: 'inspect-me', usage: 'client', daysValid: 45, keyType: 'rsa2048' });
    fs.mkdirSync(certs, { recursive: true });
    fs.writeFileSync(path.join(certs, 'inspect-me.pem'), leaf.certPem + ca.certPem);
    fs.writeFileSync(path.join(certs, 'inspect-me.key'), leaf.keyPem, { mode: 0o600 });

    const result = await vscode.commands.executeCommand<InspectResult>('thredd.inspectCertificate', {
      file: 'certs/inspect-me.pem',
      keyFile: 'certs/inspect-me.key',
    });
    assert.equal(result.kind, 'certificates');
    if (result.kind !== 'certificates') return;
    assert.equal(result.certificates.length, 2);
    assert.equal(result.certificates[0].status, 'expiring', '45 days left is inside the 60-day warning window');
    assert.equal(result.certificates[0].keyMatches, true);
    assert.equal(result.certificates[0].x5tS256, leaf.x5tS256);

    const view = api.lastCertificateView();
    assert.equal(view?.file, path.join(certs, 'inspect-me.pem'));
    assert.match(
      view!.html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-[A-Za-z0-9+/=]+'/,
    );
    assert.match(view!.html, /expiring in 4[45] days/);
    assert.match(view!.html, /matches this certificate/);
    assert.ok(view!.html.includes(leaf.x5tS256), 'x5t#S256 is shown with a copy button');
    assert.doesNotMatch(view!.html, /PRIVATE KEY/, 'no key material reaches the webview');
    await screenshot('certificate-view');
  });

  it('Inspect Certificate explains a CSR given where a certificate is expected', async () => {
    const api = await activateExtension();
    const result = await vscode.commands.executeCommand<InspectResult>(
      'thredd.inspectCertificate',
      vscode.Uri.file(path.join(certs, 'host-app-rtstransport.csr')),
    );
    assert.equal(result.kind, 'csr');
    assert.match(api.lastCertificateView()!.html, /Upload it in Thredd Portal → Applications → Certificates → New Certificate/);
  });

  it('Export PKCS#12 makes a .pfx that Inspect Certificate opens with the passphrase', async () => {
    const out = await vscode.commands.executeCommand<string>('thredd.exportPkcs12', {
      cert: 'certs/inspect-me.pem',
      key: 'certs/inspect-me.key',
      out: 'certs/inspect-me.pfx',
      passphrase: 'host-test-passphrase',
    });
    assert.equal(out, path.join(certs, 'inspect-me.pfx'));
    assert.equal(fs.statSync(out).mode & 0o777, 0o600);
    const result = await vscode.commands.executeCommand<InspectResult>('thredd.inspectCertificate', {
      file: out,
      passphrase: 'host-test-passphrase',
    });
    assert.equal(result.kind === 'certificates' && result.certificates[0].subjectFields.CN, 'inspect-me');
    assert.equal(result.kind === 'certificates' && result.certificates[0].keyMatches, true, 'the key inside the .pfx matches');

    const refused = await vscode.commands.executeCommand('thredd.exportPkcs12', {
      cert: 'certs/inspect-me.pem',
      key: 'certs/inspect-me.key',
      out: 'certs/inspect-me.pfx',
      passphrase: 'other-passphrase',
    });
    assert.equal(refused, undefined, 'an existing .pfx is never replaced');
  });

  it('Inspect Certificate reports a wrong PKCS#12 passphrase instead of showing anything', async () => {
    const api = await activateExtension();
    const before = api.lastCertificateView();
    const result = await vscode.commands.executeCommand('thredd.inspectCertificate', {
      file: 'certs/inspect-me.pfx',
      passphrase: 'wrong-passphrase',
    });
    assert.equal(result, undefined);
    assert.equal(api.lastCertificateView(), before);
  });
});
