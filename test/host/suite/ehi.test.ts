import * as assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { signEhiBody, type EhiMessageVerification } from '../../../src/core/ehi';
import { activateExtension, workspaceUri } from './helpers';

describe('Verify EHI Signature in the real host', () => {
  const dir = workspaceUri('ehi').fsPath;
  const body = '{"MTID":"0100","Txn_Type":"A","TXn_ID":42,"Bill_Amt":9.99}';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signature = signEhiBody(Buffer.from(body), privateKey, 'host-kid');

  before(async () => {
    await activateExtension();
    fs.mkdirSync(dir, { recursive: true });
    const jwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: 'host-kid', use: 'sig', alg: 'RS256' };
    fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
    fs.writeFileSync(path.join(dir, 'body.json'), body);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('verifies a body file and signature given as arguments, naming the key', async () => {
    const result = await vscode.commands.executeCommand<EhiMessageVerification>('thredd.verifyEhiSignature', {
      bodyFile: 'ehi/body.json',
      signature,
      jwks: 'ehi/jwks.json',
    });
    assert.equal(result.ok, true, result.message);
    assert.equal(result.ok && result.kid, 'host-kid');
  });

  it('takes the header and body from the captured request in the active editor', async () => {
    const captured = path.join(dir, 'captured.http');
    fs.writeFileSync(
      captured,
      `POST https://ehi.example.com/ehi HTTP/1.1\nContent-Type: application/json\nX-Thredd-Signature: ${signature}\n\n${body}\n`,
    );
    await vscode.window.showTextDocument(vscode.Uri.file(captured));
    const result = await vscode.commands.executeCommand<EhiMessageVerification>('thredd.verifyEhiSignature', { jwks: 'ehi/jwks.json' });
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /without the final line break/);
  });

  it('says the body changed when the captured body was edited', async () => {
    const captured = path.join(dir, 'tampered.http');
    fs.writeFileSync(captured, `POST https://ehi.example.com/ehi\nX-Thredd-Signature: ${signature}\n\n${body.replace('9.99', '99.99')}`);
    await vscode.window.showTextDocument(vscode.Uri.file(captured));
    const result = await vscode.commands.executeCommand<EhiMessageVerification>('thredd.verifyEhiSignature', { jwks: 'ehi/jwks.json' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'signature-mismatch');
  });
});
