import { fail, noneFailed, pass, worstStatus, type EhiFinding } from '../findings';
import { cryptoRandom, type EhiRandom } from '../messages/random';
import type { EhiMessage, EhiMessageType } from '../messages/types';
import { postEhiMessage, type EhiEndpoint } from './postMessage';
import { checkAnswer, checkDuplicate, markResend, resendReason } from './rules';
import type { CheckedAnswer, EhiAnswer, EhiMessageReport, EhiRules, EhiSendReport, ResendReason } from './types';

/** 1.11 EHI Configuration Options: Thredd sends a message up to 5 times ("Times", default 5). */
export const THREDD_MAX_ATTEMPTS = 5;

export interface SimulationOptions {
  endpoint: EhiEndpoint;
  type: EhiMessageType;
  /** How many fresh messages (each with its duplicate or resends). Default 1. */
  count?: number;
  random?: EhiRandom;
  now?: () => Date;
  /** Send each acknowledged message once more as a duplicate and compare the answers. Default true. */
  duplicates?: boolean;
  /** Attempts per message, the first send included, while it is not acknowledged. Default 5, as Thredd. */
  maxAttempts?: number;
  /** Called as each message's report is ready (progress, logs). */
  onMessage?: (report: EhiMessageReport) => void;
  signal?: AbortSignal;
}

/**
 * Sends `count` fresh messages of one type to the endpoint the way Thredd does, one after another on one
 * warm connection, and judges every answer by the EHI rules: timing, status, JSON, Responsestatus,
 * Acknowledgement, numeric nulls, then the duplicate or the resends Thredd would send.
 * Resends go out at once: Thredd waits 2 minutes between them ("Repeat after"), which tests cannot.
 */
export async function simulateEhi(options: SimulationOptions): Promise<EhiSendReport> {
  const random = options.random ?? cryptoRandom;
  const now = options.now ?? (() => new Date());
  const rules: EhiRules = { kind: options.type.response, timeoutMs: options.endpoint.timeoutMs };
  const messages: EhiMessageReport[] = [];
  for (let index = 0; index < (options.count ?? 1); index++) {
    if (options.signal?.aborted) break;
    const message = options.type.build({ random, now: now() });
    const report = await exchangeMessage(options, rules, message);
    messages.push(report);
    options.onMessage?.(report);
  }
  return { ok: noneFailed(messages), messages };
}

async function exchangeMessage(options: SimulationOptions, rules: EhiRules, message: EhiMessage): Promise<EhiMessageReport> {
  const { endpoint } = options;
  const answer = await postEhiMessage(endpoint, message);
  const checked = checkAnswer(answer, rules);
  const findings = [...checked.findings];
  let attempts = 1;
  const reason = resendReason(answer, checked, rules);
  if (reason) {
    const resent = await resend(options, rules, message, reason);
    attempts += resent.attempts;
    findings.push(...resent.findings);
  } else if (options.duplicates !== false && checked.decision) {
    const duplicate = await postEhiMessage(endpoint, { ...message, SendingAttemptCount: 1 });
    const duplicateChecked = checkAnswer(duplicate, rules);
    attempts += 1;
    findings.push(
      checkDuplicate(checked.decision, duplicateChecked, duplicate.outcome !== 'response'),
      ...laterProblems('Duplicate', duplicateChecked),
    );
  }
  return {
    type: options.type.type,
    txnId: Number(message.TXn_ID),
    status: worstStatus(findings),
    httpStatus: answer.outcome === 'response' ? answer.status : undefined,
    responseStatus: checked.decision?.responseStatus,
    durationMs: round(answer.durationMs),
    attempts,
    findings,
  };
}

/** Thredd's resends after a timeout or an answer without Acknowledgement "1", until one is acknowledged. */
async function resend(
  options: SimulationOptions,
  rules: EhiRules,
  message: EhiMessage,
  reason: ResendReason,
): Promise<{ attempts: number; findings: EhiFinding[] }> {
  const maxAttempts = options.maxAttempts ?? THREDD_MAX_ATTEMPTS;
  const findings: EhiFinding[] = [];
  const marked = (attempt: number) => markResend(message, attempt, reason, rules);
  const why = reason === 'timeout' ? 'after the timeout' : 'after the answer without Acknowledgement "1"';
  const declined = ', Authorised_by_GPS "Y", DE39 92 (Thredd declined)';
  const marks = (resent: EhiMessage) =>
    `SendingAttemptCount ${resent.SendingAttemptCount}${resent.Authorised_by_GPS === 'Y' ? declined : ''}`;
  for (let attempt = 1; attempt < maxAttempts; attempt++) {
    const resent = marked(attempt);
    const answer: EhiAnswer = await postEhiMessage(options.endpoint, resent);
    const checked = checkAnswer(answer, rules);
    if (checked.decision?.acknowledgement === '1' && !resendReason(answer, checked, rules)) {
      findings.push(pass('resend', `Sent again ${why} (same TXn_ID, ${marks(resent)}): acknowledged.`));
      findings.push(...laterProblems(`Resend ${attempt}`, checked));
      return { attempts: attempt, findings };
    }
  }
  findings.push(
    fail(
      'resend',
      `Sent again ${why} up to ${maxAttempts} attempts in all (${marks(marked(maxAttempts - 1))} last): ` +
        'never acknowledged, so Thredd would give up.',
      'Recognise a resend by its TXn_ID and SendingAttemptCount, and acknowledge it with Acknowledgement "1".',
    ),
  );
  return { attempts: maxAttempts - 1, findings };
}

/** What went wrong with a duplicate's or resend's own answer (slow, null numbers), labelled as such. */
function laterProblems(label: string, checked: CheckedAnswer): EhiFinding[] {
  return checked.findings
    .filter((item) => item.status !== 'pass' && item.id !== 'acknowledgement')
    .map((item) => ({ ...item, id: `${label.toLowerCase().split(' ')[0]}-${item.id}`, message: `${label}: ${item.message}` }));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
