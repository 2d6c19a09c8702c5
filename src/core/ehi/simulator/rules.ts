import { fail, pass, warn, type EhiFinding } from '../findings';
import type { EhiMessage } from '../messages/types';
import { NUMERIC_RESPONSE_FIELDS, RESEND_REVERSAL_CODES, RESPONSE_CODES } from './responseCodes';
import type { CheckedAnswer, Decision, EhiAnswer, EhiRules, ResendReason } from './types';

/*
 * How Thredd judges an endpoint's answer, from the EHI JSON guide: 2.1 Processing EHI Transactions (acknowledge,
 * respond, duplicates, resends), 1.11 EHI Configuration Options (200 ms default timeout) and the FAQ (a timeout
 * is declined with DE39 "92").
 */

/** Above this share of the timeout an answer passes locally but leaves little for the network between Thredd and the endpoint. */
const HEADROOM_SHARE = 0.75;

/** Every check of one answer that can be made from the answer alone. */
export function checkAnswer(answer: EhiAnswer, rules: EhiRules): CheckedAnswer {
  const findings = [timing(answer, rules.timeoutMs)];
  if (answer.outcome === 'error') findings.push(fail('transport', answer.message, answer.fix));
  if (answer.outcome !== 'response') return { findings };

  findings.push(httpStatusFinding(answer.status));
  let body: unknown;
  try {
    body = JSON.parse(answer.bodyText);
  } catch {
    findings.push(
      fail(
        'json-body',
        `The body is not JSON (${describeText(answer.bodyText)}).`,
        'Answer a JSON object such as {"Responsestatus":"00","Acknowledgement":"1"}.',
      ),
    );
    return { findings };
  }
  findings.push(contentType(answer.contentType));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    findings.push(
      fail(
        'json-body',
        'The body is JSON but not an object.',
        'Answer a JSON object such as {"Responsestatus":"00","Acknowledgement":"1"}.',
      ),
    );
    return { findings };
  }
  const fields = body as Record<string, unknown>;
  const decision: Decision = { responseStatus: textOf(fields.Responsestatus), acknowledgement: textOf(fields.Acknowledgement) };
  findings.push(responseStatus(fields.Responsestatus, rules), acknowledgement(fields.Acknowledgement, decision, rules), ...nulls(fields));
  return { findings, decision };
}

function timing(answer: EhiAnswer, timeoutMs: number): EhiFinding {
  const took = `${answer.durationMs.toFixed(1)} ms`;
  if (answer.outcome === 'timeout') {
    return fail(
      'timing',
      `No answer within the ${timeoutMs} ms timeout: Thredd would stop waiting, decline or stand in, and send the message again.`,
      'Answer faster: decide from data you hold, move slow work (fraud checks, ledgers) after the answer (EHI FAQ: reducing timeouts).',
    );
  }
  if (answer.outcome === 'error') return fail('timing', `No answer: the request failed after ${took}.`, 'See the transport finding.');
  if (answer.durationMs > timeoutMs) {
    return fail(
      'timing',
      `Answered in ${took}, after the ${timeoutMs} ms timeout: Thredd would have stopped waiting and sent the message again.`,
      'Answer faster: decide from data you hold, move slow work (fraud checks, ledgers) after the answer (EHI FAQ: reducing timeouts).',
    );
  }
  if (answer.durationMs > timeoutMs * HEADROOM_SHARE) {
    return warn(
      'timing',
      `Answered in ${took}, within the ${timeoutMs} ms timeout but with little left for the network between Thredd and you.`,
      'Aim for well under the timeout locally: the timeout covers the whole round trip from Thredd.',
    );
  }
  return pass('timing', `Answered in ${took} (timeout ${timeoutMs} ms).`);
}

function contentType(value: string | undefined): EhiFinding {
  if (value === 'application/json' || value?.endsWith('+json')) return pass('content-type', `Content-Type ${value}.`);
  return warn(
    'content-type',
    `The body is JSON but Content-Type is ${value ? `"${value}"` : 'missing'}.`,
    'Send Content-Type: application/json.',
  );
}

function responseStatus(value: unknown, rules: EhiRules): EhiFinding {
  const required = rules.kind !== 'notification';
  if (value === undefined) {
    return required
      ? fail(
          'response-status',
          'Responsestatus is missing: this message needs a decision.',
          'Answer Responsestatus "00" to approve, "05" (or another code) to decline.',
        )
      : pass('response-status', 'No Responsestatus: an acknowledgement is enough for this message.');
  }
  const code = textOf(value);
  if (code === undefined || !/^[0-9A-Z]{2}$/.test(code)) {
    return fail(
      'response-status',
      `Responsestatus ${JSON.stringify(value)} is not a two-character code.`,
      'Answer a code such as "00" or "05", as a string.',
    );
  }
  const meaning = RESPONSE_CODES[code];
  if (!meaning)
    return warn(
      'response-status',
      `Responsestatus "${code}" is not a response code the simulator knows.`,
      "Check it against the EHI guide's Response Status Values.",
    );
  if (rules.kind === 'reversal' && code !== '00' && !RESEND_REVERSAL_CODES.has(code)) {
    return warn(
      'response-status',
      `Responsestatus "${code}" (${meaning}) on a reversal: the guide expects "00", or 91/92/96 to have it sent again.`,
      'Answer "00" once the blocked amount is released.',
    );
  }
  return pass('response-status', `Responsestatus "${code}" (${meaning}).`);
}

function acknowledgement(value: unknown, decision: Decision, rules: EhiRules): EhiFinding {
  const fix = 'Answer Acknowledgement "1" once the message is processed, so Thredd does not send it again.';
  if (value === undefined) return fail('acknowledgement', 'Acknowledgement is missing: Thredd would send the message again.', fix);
  const ack = decision.acknowledgement;
  if (ack === '1') return pass('acknowledgement', 'Acknowledgement "1".');
  if (ack === '0') {
    const retry = rules.kind === 'reversal' && RESEND_REVERSAL_CODES.has(decision.responseStatus ?? '');
    return retry
      ? pass('acknowledgement', `Acknowledgement "0" with ${decision.responseStatus}: the reversal is to be sent again.`)
      : warn('acknowledgement', 'Acknowledgement "0": Thredd would send the message again.', fix);
  }
  return fail('acknowledgement', `Acknowledgement ${JSON.stringify(value)} is neither "1" nor "0".`, fix);
}

/** `null` where a number belongs makes EHI decline; elsewhere it is only untidy (leave optional fields out). */
function nulls(fields: Record<string, unknown>): EhiFinding[] {
  const findings: EhiFinding[] = [];
  const badNumbers = NUMERIC_RESPONSE_FIELDS.filter(
    (name) => name in fields && typeof fields[name] !== 'number' && !isNumericText(fields[name]),
  );
  const nulled = badNumbers.filter((name) => fields[name] === null);
  if (badNumbers.length === 0) findings.push(pass('numeric-fields', 'No null or non-numeric value in numeric fields.'));
  else {
    const what = nulled.length === badNumbers.length ? 'null' : 'null or not a number';
    findings.push(
      fail(
        'numeric-fields',
        `${badNumbers.join(', ')} ${badNumbers.length === 1 ? 'is' : 'are'} ${what}: EHI declines the transaction.`,
        'Leave optional numeric fields out instead of sending null; send numbers otherwise.',
      ),
    );
  }
  const otherNulls = Object.keys(fields).filter((name) => fields[name] === null && !NUMERIC_RESPONSE_FIELDS.includes(name));
  if (otherNulls.length > 0) {
    findings.push(
      warn(
        'null-fields',
        `${otherNulls.join(', ')} ${otherNulls.length === 1 ? 'is' : 'are'} null.`,
        'Leave fields without a value out of the answer.',
      ),
    );
  }
  return findings;
}

/** Thredd's duplicate rule (2.1.6): the same message again (SendingAttemptCount ≥ 1, same TXn_ID) must get the same decision. */
export function checkDuplicate(first: Decision, duplicate: CheckedAnswer | undefined, timedOut: boolean): EhiFinding {
  const fix = 'Look the TXn_ID up before deciding: a message seen before gets the answer it got then, and is not processed twice.';
  if (timedOut || !duplicate?.decision) return fail('duplicate', 'The duplicate got no usable answer.', fix);
  const again = duplicate.decision;
  if (again.responseStatus === first.responseStatus && again.acknowledgement === first.acknowledgement) {
    return pass(
      'duplicate',
      `The duplicate (SendingAttemptCount 1, same TXn_ID) got the same answer${first.responseStatus ? ` (${first.responseStatus})` : ''}.`,
    );
  }
  const said = (decision: Decision) =>
    `Responsestatus ${decision.responseStatus ?? '(none)'}, Acknowledgement ${decision.acknowledgement ?? '(none)'}`;
  return fail('duplicate', `The duplicate got ${said(again)}; the first send got ${said(first)}.`, fix);
}

/** Whether Thredd sends the message again after this answer, and why (2.1.1, 2.1.2). */
export function resendReason(answer: EhiAnswer, checked: CheckedAnswer, rules: EhiRules): ResendReason | undefined {
  // An answer that came after the timeout is one Thredd no longer waited for.
  if (answer.outcome !== 'response' || answer.durationMs > rules.timeoutMs) return 'timeout';
  return checked.decision?.acknowledgement === '1' ? undefined : 'not-acknowledged';
}

/**
 * The message as Thredd sends it again: SendingAttemptCount is the attempt number; after an authorisation
 * timed out Thredd has declined it itself (Gateway Processing, mode 1), so the resend is an advice with
 * Authorised_by_GPS "Y", Txn_Stat_Code "I" and DE39 "92" (FAQ: a timeout shows as 92 Unable to route).
 */
export function markResend(message: EhiMessage, attempt: number, reason: ResendReason, rules: EhiRules): EhiMessage {
  const resend: EhiMessage = { ...message, SendingAttemptCount: attempt };
  if (reason === 'timeout' && rules.kind === 'decision') {
    resend.Authorised_by_GPS = 'Y';
    resend.Txn_Stat_Code = 'I';
    resend.Resp_Code_DE39 = '92';
  }
  return resend;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function isNumericText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

function describeText(text: string): string {
  if (text.length === 0) return 'it is empty';
  const start = text.slice(0, 40).replace(/\s+/g, ' ');
  return `it starts "${start}${text.length > 40 ? '…' : ''}"`;
}

/**
 * 200 carries every decision. A 401 or 403 to a message signed as Thredd signs (EHI TLS page, 56051378465)
 * usually means the endpoint's own signature check is wrong, so that is what the finding says.
 */
function httpStatusFinding(status: number): EhiFinding {
  if (status === 200) return pass('http-status', 'HTTP status 200.');
  if (status === 401 || status === 403) {
    return fail(
      'http-status',
      `HTTP status ${status}: the endpoint refused a message signed as Thredd signs it, so its signature check is likely wrong.`,
      'Verify X-Thredd-Signature over the exact body bytes received (not re-serialised JSON) with the JWKS key named by k; ' +
        '"thredd ehi verify" shows what a correct check concludes.',
    );
  }
  return fail(
    'http-status',
    `HTTP status ${status}: EHI expects 200 with the answer in the body.`,
    'Answer 200 and put the decision in Responsestatus.',
  );
}
