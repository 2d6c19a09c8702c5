// `thredd ehi send` as users run it: the sandbox's signing key and EHI client certificate, against the sample
// listener (samples/ehi-listener, which verifies signatures from the sandbox's JWKS over mTLS) and a slow listener.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import type { EhiSendReport } from '../../../src/core/ehi/simulator';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { slowBehaviour, startEhiListener, type EhiListener } from '../../support/ehiListeners';
import { createTestCa } from '../../support/testPki';
import { tempDir } from '../sandbox/sandboxFixture';

const sampleServer = path.resolve(__dirname, '..', '..', '..', 'samples', 'ehi-listener', 'server.mjs');
let dir: string;
let sandbox: RunningSandbox;
let sampleUrl: string;
let sample: ChildProcess;
let slow: EhiListener;
const files = { ca: '', cert: '', key: '', sandboxCa: '' };

async function send(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { out: (text: string) => (stdout += text), err: (text: string) => (stderr += text), env: {}, cwd: dir };
  const code = await runCli(['ehi', 'send', ...args, '--state', sandbox.stateDir], io);
  return { code, stdout, stderr };
}

describe('thredd ehi send', () => {
  before(async () => {
    dir = tempDir('thredd-ehi-send-');
    sandbox = await startSandbox({ stateDir: path.join(dir, 'state'), ports: { tls: 0, mtls: 0 }, persistData: false });
    const ca = await createTestCa();
    const server = await ca.issue({ commonName: 'localhost', usage: 'server' });
    Object.assign(files, {
      ca: path.join(dir, 'ca.pem'),
      cert: path.join(dir, 'listener.pem'),
      key: path.join(dir, 'listener.key'),
      sandboxCa: path.join(dir, 'sandbox-ca.pem'),
    });
    fs.writeFileSync(files.ca, ca.certPem);
    fs.writeFileSync(files.cert, server.certPem);
    fs.writeFileSync(files.key, server.keyPem, { mode: 0o600 });
    fs.writeFileSync(files.sandboxCa, sandbox.caCertPem);
    sample = spawn(
      process.execPath,
      [sampleServer, '--jwks', sandbox.ehi.jwks, '--ca', files.sandboxCa, '--cert', files.cert, '--key', files.key].concat([
        '--client-ca',
        sandbox.ehi.files.trustChain,
        '--port',
        '0',
        '--json',
      ]),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: sample.stdout! }).once('line', resolve);
      sample.once('exit', (code) => reject(new Error(`the sample listener exited ${code}`)));
    });
    sampleUrl = (JSON.parse(line) as { url: string }).url;
    // No warm-up: the sample fetches the JWKS as it starts, so its first message answers within 200 ms too.
    slow = await startEhiListener({ certPem: server.certPem, keyPem: server.keyPem, behaviour: slowBehaviour(300) });
  });
  after(async () => {
    sample?.kill('SIGTERM');
    await slow?.close();
    await sandbox?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const type of ['authorisation', 'reversal', 'presentment', 'financial-reversal', 'balance-enquiry']) {
    it(`sends ${type} messages over mTLS, signed, and the sample listener verifies and answers them by the rules (exit 0)`, async () => {
      const { code, stdout, stderr } = await send([type, '--to', `${sampleUrl}/ehi`, '--ca', files.ca, '--mtls', '--count', '2', '--json']);
      const report = JSON.parse(stdout) as EhiSendReport;
      assert.equal(code, 0, `${stderr}\n${JSON.stringify(report, null, 2)}`);
      assert.equal(report.ok, true);
      assert.equal(report.messages.length, 2);
      for (const message of report.messages) {
        assert.deepEqual(
          Object.keys(message).sort(),
          ['attempts', 'durationMs', 'findings', 'httpStatus', 'responseStatus', 'status', 'txnId', 'type']
            .filter((key) => key !== 'responseStatus' || 'responseStatus' in message)
            .sort(),
        );
        assert.equal(message.type, type);
        assert.equal(typeof message.txnId, 'number');
        assert.equal(message.httpStatus, 200);
        for (const finding of message.findings) assert.deepEqual(Object.keys(finding), ['id', 'status', 'message', 'fix']);
      }
    });
  }

  it('is refused by the mTLS listener without --mtls, and exits 1', async () => {
    const { code, stdout } = await send(['authorisation', '--to', sampleUrl, '--ca', files.ca, '--json']);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as EhiSendReport;
    assert.equal(report.ok, false);
    assert.equal(report.messages[0].findings.find((finding) => finding.id === 'transport')?.status, 'fail');
  });

  it('exits 1 when the endpoint answers slower than the 200 ms timeout, and prints each finding with its fix', async () => {
    const { code, stdout } = await send(['authorisation', '--to', slow.url, '--ca', files.ca]);
    assert.equal(code, 1);
    assert.match(stdout, /FAIL {2}authorisation 1\/1 {2}TXn_ID \d+: no answer in \d+(\.\d+)? ms \(5 sends\)/);
    assert.match(stdout, /FAIL {2}timing +No answer within the 200 ms timeout/);
    assert.match(stdout, /fix: Answer faster/);
    assert.match(stdout, /1 message: 0 passed, 0 warned, 1 failed/);
  });

  it('passes the slow endpoint given a longer --timeout', async () => {
    const { code, stdout } = await send([
      'presentment',
      '--to',
      slow.url,
      '--ca',
      files.ca,
      '--timeout',
      '2000',
      '--no-duplicates',
      '--json',
    ]);
    assert.equal(code, 0, stdout);
    assert.equal((JSON.parse(stdout) as EhiSendReport).messages[0].attempts, 1);
  });

  it('thredd run sends a # @ehi-sign snippet-style file that the sample listener verifies (key from ehiSandboxState)', async () => {
    const { clientCert, clientKey } = sandbox.ehi.files;
    const environment = {
      baseUrl: sampleUrl,
      ca: 'ca.pem',
      mtls: { cert: clientCert, key: clientKey },
      variables: { ehiSandboxState: 'state' },
    };
    fs.writeFileSync(path.join(dir, 'thredd.json'), JSON.stringify({ environments: { ehi: environment } }));
    const request = ['### EHI balance enquiry', '# @ehi-sign', '# @expect duration < 200', '# @expect body $.Responsestatus == 00'];
    const body = JSON.stringify({
      MTID: '0100',
      Txn_Type: 'A',
      Proc_Code: '300000',
      TXn_ID: 0,
      Bill_Amt: 0,
      SendingAttemptCount: 0,
    }).replace('"TXn_ID":0', '"TXn_ID":{{$randomInt 10000000000 99999999999}}');
    fs.writeFileSync(
      path.join(dir, 'ehi.thredd'),
      [...request, 'POST {{baseUrl}}/ehi', 'Content-Type: application/json', '', body, ''].join('\n'),
    );
    let stdout = '';
    const io = { out: (text: string) => (stdout += text), err: (text: string) => (stdout += text), env: {}, cwd: dir };
    const code = await runCli(['run', 'ehi.thredd'], io);
    assert.equal(code, 0, stdout);
  });

  it('names the message types on a wrong name and a bad --count', async () => {
    const wrong = await send(['authorization', '--to', sampleUrl]);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /did you mean "authorisation"/);
    const count = await send(['authorisation', '--to', sampleUrl, '--count', 'many']);
    assert.notEqual(count.code, 0);
    assert.match(count.stderr, /--count must be a whole number/);
  });

  it('says how to fix a missing --ca file on the command line, not in thredd.json', async () => {
    const missing = await send(['authorisation', '--to', sampleUrl, '--ca', path.join(dir, 'missing-ca.pem')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /The --ca file .*missing-ca\.pem does not exist\./);
    assert.match(missing.stderr, /Pass --ca the PEM file of the CA chain/);
    assert.doesNotMatch(missing.stderr, /thredd\.json/);
  });
});
