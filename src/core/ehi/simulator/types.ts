import type { EhiFinding, FindingStatus } from '../findings';
import type { ResponseKind } from '../messages/types';

// The simulator judges each answer in the same findings as the endpoint check.
export type { EhiFinding, FindingStatus };

/** What came back for one POST, before any judgement. */
export type EhiAnswer =
  | { outcome: 'response'; durationMs: number; status: number; contentType?: string; bodyText: string }
  /** No whole answer within the timeout: Thredd stops waiting then. */
  | { outcome: 'timeout'; durationMs: number }
  /** No answer at all: refused connection, TLS failure, reset. */
  | { outcome: 'error'; durationMs: number; message: string; fix: string };

/** The part of an answer that says what the endpoint decided: compared between a message and its duplicate. */
export interface Decision {
  responseStatus?: string;
  acknowledgement?: string;
}

export interface CheckedAnswer {
  findings: EhiFinding[];
  /** Set when the body was a JSON object. */
  decision?: Decision;
}

/** Why Thredd sends a message again: no answer in time, or an answer that did not acknowledge it. */
export type ResendReason = 'timeout' | 'not-acknowledged';

export interface EhiRules {
  kind: ResponseKind;
  timeoutMs: number;
}

/** One message's report, as `thredd ehi send --json` prints it. */
export interface EhiMessageReport {
  type: string;
  txnId: number;
  /** The worst finding. */
  status: FindingStatus;
  /** The first send's HTTP status; absent when nothing came back. */
  httpStatus?: number;
  responseStatus?: string;
  /** The first send's round trip, milliseconds. */
  durationMs: number;
  /** Every POST of this message: the first send, its duplicate, resends. */
  attempts: number;
  findings: EhiFinding[];
}

export interface EhiSendReport {
  ok: boolean;
  messages: EhiMessageReport[];
}
