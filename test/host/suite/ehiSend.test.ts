import * as assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import * as fs from 'node:fs';
import type { JWK } from 'jose';
import * as vscode from 'vscode';
import { EHI_SIGNATURE_HEADER, verifyEhiSignature } from '../../../src/core/ehi/signature';
import type { EhiSendReport } from '../../../src/core/ehi/simulator';
import type { RunResult } from '../../../src/core/runner/types';
import { loadEhiSigning } from '../../../src/sandbox/ehi';
import { startEhiListener, type EhiListener } from '../../support/ehiListeners';
import { createTestCa } from '../../support/testPki';
import { activateExtension, useTestEnvironment, waitFor, workspaceUri } from './helpers';

describe('EHI messages from the real host', () => {
  const requestFile = workspaceUri('requests', 'ehi.thredd');
  const stateDir = workspaceUri('ehi-test-state').fsPath;
  let listener: EhiListener;
  let restoreEnvironment: () => Promise<void>;
  let jwks: { keys: JWK[] };

  before(async () => {
    await activateExtension();
    const ca = await createTestCa();
    const server = await ca.issue({ commonName: 'localhost', usage: 'server' });
    listener = await startEhiListener({ certPem: server.certPem, keyPem: server.keyPem });
    fs.mkdirSync(workspaceUri('ehi-certs').fsPath, { recursive: true });
    fs.writeFileSync(workspaceUri('ehi-certs', 'ca.pem').fsPath, ca.certPem);
    fs.writeFileSync(
      requestFile.fsPath,
      [
        '### EHI authorisation',
        '# @ehi-sign',
        '# @expect duration < 200',
        '# @expect body $.Acknowledgement == 1',
        'POST {{baseUrl}}/ehi',
        'Content-Type: application/json',
        '',
        '{"MTID": "0100", "Txn_Type": "A", "TXn_ID": {{$randomInt 10000000000 99999999999}}, "Bill_Amt": -12.5, "SendingAttemptCount": 0}',
        '',
      ].join('\n'),
    );
    restoreEnvironment = await useTestEnvironment('ehi-local', {
      baseUrl: listener.url,
      region: '0',
      ca: 'ehi-certs/ca.pem',
      variables: { ehiSandboxState: 'ehi-test-state' },
    });
  });

  after(async () => {
    await listener.close();
    await restoreEnvironment();
    fs.rmSync(stateDir, { recursive: true, force: true });
    fs.rmSync(workspaceUri('ehi-certs').fsPath, { recursive: true, force: true });
    fs.rmSync(requestFile.fsPath, { force: true });
  });

  it('sends a # @ehi-sign request signed over its exact body with the sandbox EHI key, and shows the response', async () => {
    const api = await activateExtension();
    await vscode.window.showTextDocument(requestFile);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', requestFile);
    const send = lenses.find((lens) => lens.command?.title === 'Send Request')!;
    const result = await vscode.commands.executeCommand<RunResult>(send.command!.command, ...(send.command!.arguments ?? []));
    assert.equal(result.ok, true, JSON.stringify(result.error ?? result.expectations));

    const signing = await loadEhiSigning(stateDir);
    jwks = { keys: [{ ...(createPublicKey(signing.key).export({ format: 'jwk' }) as JWK), kid: signing.kid }] };
    const [received] = listener.received;
    const verified = verifyEhiSignature(received.body, String(received.headers[EHI_SIGNATURE_HEADER.toLowerCase()]), jwks);
    assert.equal(verified.ok, true, verified.message);
    assert.equal(received.headers.authorization, undefined, 'no token on an EHI message');
    assert.equal(received.headers['x-region'], undefined, 'no X-Region on an EHI message');

    const view = await waitFor('the response view', () => api.lastResponseView()?.result.id === result.id && api.lastResponseView());
    assert.match(view.html, /<span class="status status-2xx">200 OK<\/span>/);
    assert.match(view.html, /duration &lt; 200/, 'the timing expectation is listed');
  });

  it('runs Thredd: Send EHI Message with its arguments and sends signed messages and their duplicates', async () => {
    const before = listener.received.length;
    const report = await vscode.commands.executeCommand<EhiSendReport>('thredd.sendEhiMessage', {
      message: 'authorisation',
      to: `${listener.url}/ehi`,
      ca: 'ehi-certs/ca.pem',
      count: 2,
      state: 'ehi-test-state',
    });
    assert.equal(report.ok, true, JSON.stringify(report, null, 2));
    assert.equal(report.messages.length, 2);
    const sent = listener.received.slice(before);
    assert.equal(sent.length, 4, 'two messages, each with its duplicate');
    for (const request of sent) {
      const verified = verifyEhiSignature(request.body, String(request.headers[EHI_SIGNATURE_HEADER.toLowerCase()]), jwks);
      assert.equal(verified.ok, true, verified.message);
    }
  });
});
