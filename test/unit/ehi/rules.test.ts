import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ehiMessageType, seededRandom } from '../../../src/core/ehi/messages';
import { checkAnswer, checkDuplicate, markResend, resendReason, type EhiAnswer, type EhiRules } from '../../../src/core/ehi/simulator';

const decision: EhiRules = { kind: 'decision', timeoutMs: 200 };
const reversal: EhiRules = { kind: 'reversal', timeoutMs: 200 };
const notification: EhiRules = { kind: 'notification', timeoutMs: 200 };

function answer(body: unknown, extra: Partial<Extract<EhiAnswer, { outcome: 'response' }>> = {}): EhiAnswer {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return { outcome: 'response', durationMs: 12, status: 200, contentType: 'application/json', bodyText, ...extra };
}

function statusOf(checked: ReturnType<typeof checkAnswer>, id: string): string | undefined {
  return checked.findings.find((finding) => finding.id === id)?.status;
}

const failures = (checked: ReturnType<typeof checkAnswer>) =>
  checked.findings.filter((finding) => finding.status === 'fail').map((f) => f.id);

describe('EHI response rules', () => {
  it('passes the published approval answer of an authorisation', () => {
    const checked = checkAnswer(
      answer({
        MerchantAdvice: '',
        Responsestatus: '00',
        CurBalance: 0,
        AvlBalance: 100,
        Acknowledgement: '1',
        LoadAmount: 50,
        Update_Balance: 1,
      }),
      decision,
    );
    assert.deepEqual(failures(checked), []);
    assert.deepEqual(checked.decision, { responseStatus: '00', acknowledgement: '1' });
  });

  it('fails an answer slower than the timeout, and warns one that leaves little headroom', () => {
    assert.equal(statusOf(checkAnswer({ outcome: 'timeout', durationMs: 200.4 }, decision), 'timing'), 'fail');
    assert.equal(
      statusOf(checkAnswer(answer({ Responsestatus: '00', Acknowledgement: '1' }, { durationMs: 201 }), decision), 'timing'),
      'fail',
    );
    assert.equal(
      statusOf(checkAnswer(answer({ Responsestatus: '00', Acknowledgement: '1' }, { durationMs: 180 }), decision), 'timing'),
      'warn',
    );
    assert.equal(
      statusOf(checkAnswer(answer({ Responsestatus: '00', Acknowledgement: '1' }, { durationMs: 40 }), decision), 'timing'),
      'pass',
    );
  });

  it('fails a status other than 200 and a body that is not JSON', () => {
    const checked = checkAnswer(answer('<html>oops</html>', { status: 500, contentType: 'text/html' }), decision);
    assert.deepEqual(failures(checked), ['http-status', 'json-body']);
    assert.match(checked.findings.find((finding) => finding.id === 'json-body')!.message, /starts "<html>oops<\/html>"/);
  });

  it('warns a JSON body sent without a JSON content type', () => {
    assert.equal(
      statusOf(
        checkAnswer(answer({ Responsestatus: '00', Acknowledgement: '1' }, { contentType: 'text/plain' }), decision),
        'content-type',
      ),
      'warn',
    );
  });

  it('fails a decision message answered without Responsestatus, but not a presentment', () => {
    assert.equal(statusOf(checkAnswer(answer({ Acknowledgement: '1' }), decision), 'response-status'), 'fail');
    assert.equal(statusOf(checkAnswer(answer({ Acknowledgement: '1' }), notification), 'response-status'), 'pass');
  });

  it('fails a Responsestatus that is not a two-character code and warns an unknown one', () => {
    assert.equal(statusOf(checkAnswer(answer({ Responsestatus: 'approved', Acknowledgement: '1' }), decision), 'response-status'), 'fail');
    assert.equal(statusOf(checkAnswer(answer({ Responsestatus: 'Q7', Acknowledgement: '1' }), decision), 'response-status'), 'warn');
    assert.equal(statusOf(checkAnswer(answer({ Responsestatus: '05', Acknowledgement: '1' }), decision), 'response-status'), 'pass');
  });

  it('fails a missing or malformed Acknowledgement and accepts 1 as a number', () => {
    assert.equal(statusOf(checkAnswer(answer({ Responsestatus: '00' }), decision), 'acknowledgement'), 'fail');
    assert.equal(statusOf(checkAnswer(answer({ Responsestatus: '00', Acknowledgement: 'yes' }), decision), 'acknowledgement'), 'fail');
    assert.equal(statusOf(checkAnswer(answer({ Responsestatus: '00', Acknowledgement: 1 }), decision), 'acknowledgement'), 'pass');
  });

  it('accepts a reversal answered 96 with Acknowledgement 0 as a request to send it again', () => {
    const checked = checkAnswer(answer({ Responsestatus: '96', Acknowledgement: '0' }), reversal);
    assert.deepEqual(failures(checked), []);
    assert.equal(resendReason(answer({}), checked, reversal), 'not-acknowledged');
  });

  it('fails null in a numeric field, naming it, and only warns null elsewhere', () => {
    const checked = checkAnswer(
      answer({ Responsestatus: '00', Acknowledgement: '1', CurBalance: null, AvlBalance: 5, MerchantAdvice: null }),
      decision,
    );
    const numeric = checked.findings.find((finding) => finding.id === 'numeric-fields')!;
    assert.equal(numeric.status, 'fail');
    assert.match(numeric.message, /^CurBalance is null/);
    assert.equal(statusOf(checked, 'null-fields'), 'warn');
  });

  it('passes a duplicate answered with the same decision and fails one answered differently', () => {
    const first = { responseStatus: '00', acknowledgement: '1' };
    const same = checkAnswer(answer({ Responsestatus: '00', Acknowledgement: '1' }), decision);
    const other = checkAnswer(answer({ Responsestatus: '05', Acknowledgement: '1' }), decision);
    assert.equal(checkDuplicate(first, same, false).status, 'pass');
    const changed = checkDuplicate(first, other, false);
    assert.equal(changed.status, 'fail');
    assert.match(changed.message, /Responsestatus 05.*Responsestatus 00/);
    assert.equal(checkDuplicate(first, undefined, true).status, 'fail');
  });

  it('marks a resend after a timed-out authorisation as Thredd declined it; a reversal resend only counts the attempt', () => {
    const message = ehiMessageType('authorisation').build({ random: seededRandom(3), now: new Date() });
    const resent = markResend(message, 1, 'timeout', decision);
    assert.equal(resent.SendingAttemptCount, 1);
    assert.equal(resent.Authorised_by_GPS, 'Y');
    assert.equal(resent.Txn_Stat_Code, 'I');
    assert.equal(resent.Resp_Code_DE39, '92');
    assert.equal(resent.TXn_ID, message.TXn_ID);
    const again = markResend(message, 2, 'not-acknowledged', reversal);
    assert.equal(again.SendingAttemptCount, 2);
    assert.equal(again.Authorised_by_GPS, 'N');
    assert.equal(message.SendingAttemptCount, 0, 'the original is left as it was');
  });

  it('asks for a resend after a timeout or an error, not after an acknowledged answer', () => {
    const acknowledged = checkAnswer(answer({ Responsestatus: '00', Acknowledgement: '1' }), decision);
    assert.equal(resendReason(answer({}), acknowledged, decision), undefined);
    assert.equal(resendReason({ outcome: 'timeout', durationMs: 201 }, { findings: [] }, decision), 'timeout');
    assert.equal(
      resendReason(answer({}, { durationMs: 230 }), acknowledged, decision),
      'timeout',
      'an answer after the timeout came too late',
    );
  });
});
