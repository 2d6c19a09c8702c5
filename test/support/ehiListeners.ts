// Small EHI endpoints for the simulator's tests and bench: real https (or mTLS) servers on 127.0.0.1 that
// answer Thredd's messages by the EHI rules, or break one rule on purpose. Each request is recorded with its
// exact body bytes, headers, the client certificate presented and how long the listener itself took.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';
import type { JWK } from 'jose';
import { EHI_SIGNATURE_HEADER, verifyEhiSignature } from '../../src/core/ehi';
import { startHttpsServer, type TestHttpsOptions, type TestHttpsServer } from './httpsTestServer';

export interface ReceivedEhiRequest {
  headers: IncomingMessage['headers'];
  body: Buffer;
  message: Record<string, unknown>;
  /** Subject CN of the client certificate presented, when there was one. */
  clientCertificate?: string;
  /** From the last body byte read to the answer written: the listener's own handling time. */
  handlingMs: number;
}

/** How the listener answers one message; `seen` tells whether its TXn_ID arrived before; `raw` is the request as sent. */
export type EhiBehaviour = (
  message: Record<string, unknown>,
  seen: boolean,
  raw: { body: Buffer; headers: IncomingMessage['headers'] },
) => { delayMs?: number; status?: number; body: unknown };

export interface EhiListener extends TestHttpsServer {
  received: ReceivedEhiRequest[];
}

/** Answers by the rules: approve decisions, release reversals, acknowledge notifications; a duplicate gets the same answer. */
export const goodBehaviour: EhiBehaviour = (message) => answerByTheRules(message);

function answerByTheRules(message: Record<string, unknown>): ReturnType<EhiBehaviour> {
  const balances = { CurBalance: 1250.5, AvlBalance: 1200.25 };
  if (message.MTID === '1240' || message.MTID === '0120') return { body: { Acknowledgement: '1' } };
  return { body: { Responsestatus: '00', Acknowledgement: '1', ...balances } };
}

/** Answers well, but only after `delayMs`. */
export function slowBehaviour(delayMs: number, onlyFirstSend = false): EhiBehaviour {
  return (message, seen) => {
    const slow = !onlyFirstSend || (message.SendingAttemptCount === 0 && !seen);
    return { ...answerByTheRules(message), delayMs: slow ? delayMs : 0 };
  };
}

/** Sends null where EHI needs numbers: EHI would decline the transaction. */
export const nullNumericsBehaviour: EhiBehaviour = () => ({
  body: { Responsestatus: '00', Acknowledgement: '1', CurBalance: null, AvlBalance: null, LoadAmount: 0 },
});

/** Approves a TXn_ID the first time, declines it when it comes again: it decides twice. */
export const flipsDuplicatesBehaviour: EhiBehaviour = (message, seen) =>
  seen ? { body: { Responsestatus: '05', Acknowledgement: '1' } } : answerByTheRules(message);

/** Cannot take a reversal the first time (96, Acknowledgement 0); takes the resend. */
export const reversalRetryBehaviour: EhiBehaviour = (message, seen) =>
  message.MTID === '0400' && !seen ? { body: { Responsestatus: '96', Acknowledgement: '0' } } : answerByTheRules(message);

export interface EhiListenerOptions extends TestHttpsOptions {
  behaviour?: EhiBehaviour;
}

/**
 * Checks the signature the way a common bug does: over the message parsed and serialised again with sorted keys,
 * not over the exact bytes Thredd sent, so every real signature fails and the message is refused with a 401.
 */
export function wrongSignatureCheckBehaviour(jwks: { keys: JWK[] }): EhiBehaviour {
  return (message, _seen, raw) => {
    const sorted = Object.fromEntries(Object.entries(message).sort(([a], [b]) => a.localeCompare(b)));
    const header = String(raw.headers[EHI_SIGNATURE_HEADER.toLowerCase()] ?? '');
    const verified = verifyEhiSignature(Buffer.from(JSON.stringify(sorted)), header, jwks);
    return verified.ok ? answerByTheRules(message) : { status: 401, body: { error: 'invalid_signature' } };
  };
}

export async function startEhiListener(options: EhiListenerOptions): Promise<EhiListener> {
  const behaviour = options.behaviour ?? goodBehaviour;
  const received: ReceivedEhiRequest[] = [];
  const seen = new Set<string>();
  const server = await startHttpsServer(options, (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const started = performance.now();
      const body = Buffer.concat(chunks);
      let message: Record<string, unknown> = {};
      try {
        message = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        // Recorded as {}: the test looks at `body`.
      }
      const id = String(message.TXn_ID);
      const answer = behaviour(message, seen.has(id), { body, headers: request.headers });
      seen.add(id);
      const peer = (request.socket as TLSSocket).getPeerCertificate?.();
      const record: ReceivedEhiRequest = {
        headers: request.headers,
        body,
        message,
        clientCertificate: peer && 'subject' in peer && peer.subject ? String(peer.subject.CN) : undefined,
        handlingMs: 0,
      };
      received.push(record);
      const reply = () => {
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
        record.handlingMs = performance.now() - started;
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  return { ...server, received };
}
