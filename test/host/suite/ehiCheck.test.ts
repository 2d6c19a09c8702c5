import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckReport } from '../../../src/core/ehi/check';
import { createCheckPki, startEndpoint, type CheckPki } from '../../integration/ehi/checkServers';
import { activateExtension, screenshot } from './helpers';

describe('Thredd: Check EHI Endpoint… in the real host', () => {
  let pki: CheckPki;
  before(async () => {
    await activateExtension();
    pki = await createCheckPki();
  });
  after(() => pki.cleanup());

  it('checks a local mTLS endpoint from an args object and shows every finding with its status in a CSP-locked report view', async () => {
    const api = await activateExtension();
    const endpoint = await startEndpoint({
      certPem: pki.fullChainPem,
      keyPem: pki.leaf.keyPem,
      requestCert: true,
      rejectUnauthorized: true,
      clientCaPem: pki.clientIssuing.certPem + pki.clientRoot.certPem,
    });
    try {
      const report = await vscode.commands.executeCommand<CheckReport>('thredd.checkEhiEndpoint', {
        url: endpoint.url,
        mtls: true,
        ca: pki.rootFile,
        cert: pki.clientCertFile,
        key: pki.clientKeyFile,
      });
      assert.equal(report.ok, true, JSON.stringify(report.findings.filter((finding) => finding.status === 'fail')));
      const shown = api.lastEhiCheckReport();
      assert.equal(shown?.url, endpoint.url);
      const html = shown!.html;
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-[A-Za-z0-9+/=]+'/);
      for (const finding of report.findings) {
        assert.ok(html.includes(`class="finding status-${finding.status}" data-id="${finding.id}"`), `${finding.id} is shown`);
      }
      for (const id of ['chain.depth1', 'chain.intermediate', 'mtls.ca-names', 'mtls.without-certificate', 'mtls.with-certificate']) {
        assert.ok(html.includes(`class="finding status-pass" data-id="${id}"`), `${id} passes`);
      }
      assert.match(html, /Ready for Thredd: no check failed\./);
      assert.doesNotMatch(html, /PRIVATE KEY/, 'no key material reaches the webview');
      await screenshot('ehi-check-report');
    } finally {
      await endpoint.close();
    }
  });

  it('shows a failure with its fix for an endpoint that sends only its leaf certificate', async () => {
    const api = await activateExtension();
    const endpoint = await startEndpoint({ certPem: pki.leaf.certPem, keyPem: pki.leaf.keyPem });
    try {
      const report = await vscode.commands.executeCommand<CheckReport>('thredd.checkEhiEndpoint', { url: endpoint.url, ca: pki.rootFile });
      assert.equal(report.ok, false);
      const html = api.lastEhiCheckReport()!.html;
      assert.ok(html.includes('class="finding status-fail" data-id="chain.intermediate"'));
      assert.match(html, /<div class="fix">Fix: Configure the server to send the full chain/);
      assert.match(html, /Not ready: fix the failures below\./);
    } finally {
      await endpoint.close();
    }
  });
});
