// The sample EHI listener (samples/ehi-listener) run as users run it, as a process, against real servers: the
// sandbox's JWKS over HTTPS with Thredd's (sandbox) client certificate over mTLS, and a JWKS server whose key rotates.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import type { JWK } from 'jose';
import { signEhiBody } from '../../../src/core/ehi';
import { bodyBytes, createHttpClient, type TlsSettings } from '../../../src/core/http';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { ehiClientCredentials, loadEhiSigning } from '../../../src/sandbox/ehi';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import { createTestCa, type TestCa } from '../../support/testPki';
import { tempDir } from '../sandbox/sandboxFixture';

const server = path.resolve(__dirname, '..', '..', '..', 'samples', 'ehi-listener', 'server.mjs');
const http = createHttpClient();
const children: ChildProcess[] = [];
let dir: string;
let ca: TestCa;

/** Starts server.mjs and resolves with the URL from its --json ready line. */
async function startListener(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [server, ...args, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the listener exited ${code}: ${stderr}`)));
  });
  return (JSON.parse(line) as { url: string }).url;
}

async function post(url: string, body: Buffer, signature: string, tls?: TlsSettings) {
  const response = await http.send({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'x-thredd-signature': signature },
    body,
    tls,
  });
  return { status: response.status, json: JSON.parse((await bodyBytes(response.body)).toString('utf8')) as Record<string, unknown> };
}

function message(fields: Record<string, unknown>): Buffer {
  return Buffer.from(
    JSON.stringify({ MTID: '0100', Txn_Type: 'A', Token: 107419774, Bill_Amt: 12.5, Bill_Ccy: '826', SendingAttemptCount: 0, ...fields }),
  );
}

before(async () => {
  dir = tempDir('thredd-ehi-listener-');
  ca = await createTestCa();
});
after(async () => {
  for (const child of children) child.kill('SIGTERM');
  await http.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the sample EHI listener with the sandbox's JWKS, over mTLS", () => {
  let sandbox: RunningSandbox;
  let url: string;
  let signing: { key: KeyObject; kid: string };
  let tls: TlsSettings;

  before(async () => {
    sandbox = await startSandbox({ stateDir: path.join(dir, 'state'), ports: { tls: 0, mtls: 0 }, persistData: false });
    const serverCert = await ca.issue({ commonName: 'ehi-listener', usage: 'server' });
    const files = {
      cert: path.join(dir, 'listener.pem'),
      key: path.join(dir, 'listener.key'),
      sandboxCa: path.join(dir, 'sandbox-ca.pem'),
    };
    fs.writeFileSync(files.cert, serverCert.certPem);
    fs.writeFileSync(files.key, serverCert.keyPem, { mode: 0o600 });
    fs.writeFileSync(files.sandboxCa, sandbox.caCertPem);
    url = await startListener([
      ...['--jwks', sandbox.ehi.jwks, '--ca', files.sandboxCa, '--cert', files.cert, '--key', files.key],
      ...['--client-ca', sandbox.ehi.files.trustChain],
    ]);
    signing = await loadEhiSigning(sandbox.stateDir);
    const client = await ehiClientCredentials(sandbox.stateDir);
    tls = {
      ca: ca.certPem,
      clientCertificate: { kind: 'pem', cert: client.certPem, key: client.keyPem, id: 'ehi-client', source: 'sandbox' },
    };
  });
  after(() => sandbox.stop());

  it('approves a correctly signed authorisation with "00", "1" and numeric balances', async () => {
    const body = message({ TXn_ID: 1001 });
    const { status, json } = await post(url, body, signEhiBody(body, signing.key, signing.kid), tls);
    assert.equal(status, 200);
    assert.deepEqual([json.Responsestatus, json.Acknowledgement], ['00', '1']);
    assert.equal(typeof json.CurBalance, 'number');
    assert.equal(json.AvlBalance, 987.5);
  });

  it('rejects a tampered body with a 401 JSON error', async () => {
    const body = message({ TXn_ID: 1002 });
    const tampered = Buffer.from(body.toString().replace('12.5', '1250'));
    const { status, json } = await post(url, tampered, signEhiBody(body, signing.key, signing.kid), tls);
    assert.equal(status, 401);
    assert.deepEqual([json.error, json.reason], ['invalid_signature', 'signature-mismatch']);
  });

  it('answers a duplicate (SendingAttemptCount 1, same TXn_ID) with the same decision, without charging twice', async () => {
    const first = message({ TXn_ID: 1003, Bill_Amt: 2000 });
    const firstAnswer = await post(url, first, signEhiBody(first, signing.key, signing.kid), tls);
    assert.equal(firstAnswer.json.Responsestatus, '51', 'more than the balance is declined');
    const repeat = message({ TXn_ID: 1003, Bill_Amt: 2000, SendingAttemptCount: 1 });
    const repeatAnswer = await post(url, repeat, signEhiBody(repeat, signing.key, signing.kid), tls);
    assert.deepEqual(repeatAnswer.json, firstAnswer.json);
  });

  it('acknowledges a reversal and answers a presentment {Acknowledgement "1", Responsestatus "00"}', async () => {
    const reversal = message({ MTID: '0400', Txn_Type: 'D', TXn_ID: 1004 });
    const reversed = await post(url, reversal, signEhiBody(reversal, signing.key, signing.kid), tls);
    assert.deepEqual([reversed.json.Responsestatus, reversed.json.Acknowledgement], ['00', '1']);
    const presentment = message({ MTID: '1240', Txn_Type: 'P', TXn_ID: 1005 });
    const presented = await post(url, presentment, signEhiBody(presentment, signing.key, signing.kid), tls);
    assert.deepEqual(presented.json, { Acknowledgement: '1', Responsestatus: '00' });
  });

  it('refuses a connection without the EHI client certificate', async () => {
    const body = message({ TXn_ID: 1006 });
    await assert.rejects(post(url, body, signEhiBody(body, signing.key, signing.kid), { ca: ca.certPem }));
  });
});

describe('the sample EHI listener when Thredd rotates its key', () => {
  const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwkOf = (key: KeyObject, kid: string) => ({
    ...(createPublicKey(key).export({ format: 'jwk' }) as JWK),
    kid,
    use: 'sig',
    alg: 'RS256',
  });
  const first = rsa();
  const second = rsa();
  let served: JWK[] = [jwkOf(first, 'key-1')];
  let fetches = 0;
  let jwksServer: TestHttpsServer;
  let url: string;

  before(async () => {
    const serverCert = await ca.issue({ commonName: 'jwks', usage: 'server' });
    jwksServer = await startHttpsServer({ certPem: serverCert.certPem, keyPem: serverCert.keyPem }, (_request, response) => {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: served }));
    });
    const caFile = path.join(dir, 'test-ca.pem');
    fs.writeFileSync(caFile, ca.certPem);
    url = await startListener(['--jwks', `${jwksServer.url}/jwks.json`, '--ca', caFile, '--http', '--min-refresh-seconds', '60']);
  });
  after(() => jwksServer.close());

  it('fetches the JWKS again for an unknown kid, and verifies with the new key', async () => {
    assert.equal(fetches, 1, 'the keys are fetched as the listener starts, not on the first message');
    const before = message({ TXn_ID: 2001 });
    assert.equal((await post(url, before, signEhiBody(before, first, 'key-1'))).status, 200);
    assert.equal(fetches, 1);
    served = [jwkOf(second, 'key-2')];
    const after = message({ TXn_ID: 2002 });
    const answer = await post(url, after, signEhiBody(after, second, 'key-2'));
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
    assert.equal(fetches, 2);
  });

  it('refreshes at most once per --min-refresh-seconds: another unknown kid is refused without a fetch', async () => {
    const body = message({ TXn_ID: 2003 });
    const answer = await post(url, body, signEhiBody(body, rsa(), 'key-3'));
    assert.equal(answer.status, 401);
    assert.equal(answer.json.reason, 'unknown-kid');
    assert.equal(fetches, 2);
  });
});
