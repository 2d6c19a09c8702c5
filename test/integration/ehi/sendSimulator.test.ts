import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { JWK } from 'jose';
import { ehiMessageType, seededRandom } from '../../../src/core/ehi/messages';
import { EHI_SIGNATURE_HEADER, signEhiBody, verifyEhiSignature } from '../../../src/core/ehi/signature';
import { simulateEhi, type EhiEndpoint, type EhiSendReport } from '../../../src/core/ehi/simulator';
import { createHttpClient, type HttpClient, type TlsSettings } from '../../../src/core/http';
import {
  flipsDuplicatesBehaviour,
  nullNumericsBehaviour,
  reversalRetryBehaviour,
  slowBehaviour,
  wrongSignatureCheckBehaviour,
  startEhiListener,
  type EhiBehaviour,
  type EhiListener,
} from '../../support/ehiListeners';
import { createTestCa, type TestCa, type TestCert } from '../../support/testPki';

const KID = 'test-ehi-kid';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = { keys: [{ ...(publicKey.export({ format: 'jwk' }) as JWK), kid: KID, use: 'sig', alg: 'RS256' }] };

let ca: TestCa;
let serverCert: TestCert;
let clientCert: TestCert;
let http: HttpClient;
const listeners: EhiListener[] = [];

async function listener(behaviour?: EhiBehaviour, mtls = false): Promise<EhiListener> {
  const started = await startEhiListener({
    certPem: serverCert.certPem,
    keyPem: serverCert.keyPem,
    behaviour,
    ...(mtls ? { caPem: ca.certPem, requestCert: true, rejectUnauthorized: true } : {}),
  });
  listeners.push(started);
  return started;
}

function endpoint(target: EhiListener, tls: TlsSettings = { ca: ca.certPem, caSource: 'test CA' }): EhiEndpoint {
  return {
    url: `${target.url}/ehi`,
    http,
    tls,
    timeoutMs: 200,
    sign: (body) => ({ [EHI_SIGNATURE_HEADER]: signEhiBody(body, privateKey, KID) }),
  };
}

function send(target: EhiListener, type: string, count = 1, tls?: TlsSettings): Promise<EhiSendReport> {
  return simulateEhi({ endpoint: endpoint(target, tls), type: ehiMessageType(type), count, random: seededRandom(`${type}-${count}`) });
}

const findingOf = (report: EhiSendReport, id: string, index = 0) => report.messages[index].findings.find((finding) => finding.id === id);

describe('EHI simulator against local listeners', () => {
  before(async () => {
    ca = await createTestCa();
    serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
    clientCert = await ca.issue({ commonName: 'EHI client (test)', usage: 'client' });
    http = createHttpClient();
  });
  after(async () => {
    await http.close();
    await Promise.all(listeners.map((item) => item.close()));
  });

  it('passes a listener that answers by the rules; each message goes signed, as JSON, with traceparent, then as a duplicate', async () => {
    const good = await listener();
    const report = await send(good, 'authorisation', 3);
    assert.equal(report.ok, true, JSON.stringify(report, null, 2));
    assert.equal(report.messages.length, 3);
    for (const message of report.messages) {
      assert.equal(message.status, 'pass');
      assert.equal(message.httpStatus, 200);
      assert.equal(message.responseStatus, '00');
      assert.equal(message.attempts, 2);
    }
    assert.equal(good.received.length, 6);
    for (const request of good.received) {
      assert.equal(request.headers['content-type'], 'application/json');
      assert.match(String(request.headers.traceparent), /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      const verified = verifyEhiSignature(request.body, String(request.headers[EHI_SIGNATURE_HEADER.toLowerCase()]), jwks);
      assert.equal(verified.ok, true, verified.message);
    }
    const [first, duplicate] = good.received;
    assert.equal(duplicate.message.TXn_ID, first.message.TXn_ID);
    assert.equal(first.message.SendingAttemptCount, 0);
    assert.equal(duplicate.message.SendingAttemptCount, 1);
    assert.notEqual(good.received[2].message.TXn_ID, first.message.TXn_ID, 'each message is fresh');
  });

  it('fails a listener slower than the 200 ms timeout and sends the message again up to five times', async () => {
    const slow = await listener(slowBehaviour(300));
    const report = await send(slow, 'authorisation');
    assert.equal(report.ok, false);
    assert.equal(findingOf(report, 'timing')?.status, 'fail');
    assert.equal(findingOf(report, 'resend')?.status, 'fail');
    assert.equal(report.messages[0].httpStatus, undefined);
    assert.equal(report.messages[0].attempts, 5);
    assert.ok(
      report.messages[0].durationMs >= 199 && report.messages[0].durationMs < 300,
      `stopped at the timeout: ${report.messages[0].durationMs}`,
    );
  });

  it('after a timeout, resends it as Thredd declined it: same TXn_ID, SendingAttemptCount 1, Authorised_by_GPS "Y"', async () => {
    const slowFirst = await listener(slowBehaviour(300, true));
    const report = await send(slowFirst, 'authorisation');
    assert.equal(findingOf(report, 'timing')?.status, 'fail');
    assert.equal(findingOf(report, 'resend')?.status, 'pass');
    assert.equal(report.ok, false, 'the slow first answer still fails the run');
    const [first, resend] = slowFirst.received;
    assert.equal(resend.message.TXn_ID, first.message.TXn_ID);
    assert.equal(resend.message.SendingAttemptCount, 1);
    assert.equal(resend.message.Authorised_by_GPS, 'Y');
    assert.equal(resend.message.Txn_Stat_Code, 'I');
    assert.equal(resend.message.Resp_Code_DE39, '92');
  });

  it('fails a listener that answers null in numeric fields', async () => {
    const nulls = await listener(nullNumericsBehaviour);
    const report = await send(nulls, 'balance-enquiry');
    assert.equal(report.ok, false);
    assert.match(findingOf(report, 'numeric-fields')!.message, /CurBalance, AvlBalance are null/);
  });

  it('fails a listener whose signature check is wrong (over re-serialised JSON), saying the check is the likely fault', async () => {
    const wrongCheck = await listener(wrongSignatureCheckBehaviour(jwks));
    const report = await send(wrongCheck, 'authorisation');
    assert.equal(report.ok, false);
    const status = findingOf(report, 'http-status')!;
    assert.equal(status.status, 'fail');
    assert.match(status.message, /HTTP status 401: the endpoint refused a message signed as Thredd signs it/);
    assert.match(status.fix, /exact body bytes/);
    // The message it refused was signed correctly: the exact bytes verify.
    const [request] = wrongCheck.received;
    const verified = verifyEhiSignature(request.body, String(request.headers[EHI_SIGNATURE_HEADER.toLowerCase()]), jwks);
    assert.equal(verified.ok, true, verified.message);
  });

  it('fails a listener that answers a duplicate with another decision', async () => {
    const flips = await listener(flipsDuplicatesBehaviour);
    const report = await send(flips, 'authorisation');
    assert.equal(report.ok, false);
    assert.equal(findingOf(report, 'duplicate')?.status, 'fail');
    assert.match(findingOf(report, 'duplicate')!.message, /Responsestatus 05/);
  });

  it('sends a reversal answered 96 again with SendingAttemptCount 1, and passes once the resend is taken', async () => {
    const retry = await listener(reversalRetryBehaviour);
    const report = await send(retry, 'reversal');
    assert.equal(report.ok, true, JSON.stringify(report.messages[0].findings, null, 2));
    assert.equal(report.messages[0].responseStatus, '96');
    assert.equal(findingOf(report, 'resend')?.status, 'pass');
    assert.equal(retry.received.length, 2);
    assert.equal(retry.received[1].message.SendingAttemptCount, 1);
    assert.equal(retry.received[1].message.TXn_ID, retry.received[0].message.TXn_ID);
    assert.equal(retry.received[1].message.Authorised_by_GPS, 'N', 'a reversal resend is not a Thredd decision');
  });

  it('presents the client certificate over mTLS, and reports the refusal when none is configured', async () => {
    const mtls = await listener(undefined, true);
    const material = {
      kind: 'pem' as const,
      cert: clientCert.certPem,
      key: clientCert.keyPem,
      id: 'ehi-test-client',
      source: 'test client',
    };
    const report = await send(mtls, 'presentment', 1, { ca: ca.certPem, caSource: 'test CA', clientCertificate: material });
    assert.equal(report.ok, true, JSON.stringify(report.messages[0].findings, null, 2));
    assert.equal(mtls.received[0].clientCertificate, 'EHI client (test)');

    const refused = await send(mtls, 'presentment');
    assert.equal(refused.ok, false);
    assert.equal(findingOf(refused, 'transport')?.status, 'fail');
  });
});
