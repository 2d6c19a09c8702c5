import { createHash } from 'node:crypto';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_LIFETIME_MS } from '../../core/catalogue';
import type { Clock } from '../clock';
import type { RouteResult } from '../requestContext';
import { invalidRequest } from './problems';

export interface IdempotencyOptions {
  clock: Clock;
  /**
   * What makes a request with a used key "the same request", whose first answer is replayed. Thredd's page says a
   * key used "for a different endpoint" is refused, and that a key names a request whose information is static.
   * Our reading, the default: the same method, path and body bytes (true). False: method and path alone.
   */
  compareBody?: boolean;
}

/** One call as idempotency compares it. */
export interface IdempotentCall {
  clientId: string;
  key: string;
  method: string;
  /** Path and query. */
  target: string;
  body: Buffer;
}

interface Entry {
  request: string;
  expiresAt: number;
  answer: Promise<RouteResult>;
}

/**
 * Thredd's idempotency (What is Idempotency?, 55909453213): a key, per client, names one request for an hour from
 * its first use. The same request again gets the first answer (status, headers and body, errors included)
 * without being done again; another request with the key is a 400. Kept in memory: a restart forgets keys.
 */
export class IdempotencyStore {
  /** By client and key, in order of first use, which is also the order they expire in. */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: IdempotencyOptions) {}

  /** The answer for the call: the first one's when the key was used for the same request, else `run`'s. */
  async answer(call: IdempotentCall, run: () => Promise<RouteResult>): Promise<RouteResult> {
    const now = this.options.clock().getTime();
    this.forgetExpired(now);
    const id = JSON.stringify([call.clientId, call.key]);
    const request = this.describe(call);
    const known = this.entries.get(id);
    if (known) {
      if (known.request !== request) throw keyReused(call.key);
      return known.answer;
    }
    const answer = run();
    this.entries.set(id, { request, expiresAt: now + IDEMPOTENCY_KEY_LIFETIME_MS, answer });
    // A sandbox failure (not an answer) must not stick to the key: the retry is done again.
    answer.catch(() => this.entries.get(id)?.answer === answer && this.entries.delete(id));
    return answer;
  }

  private describe(call: IdempotentCall): string {
    const body = this.options.compareBody === false ? '' : createHash('sha256').update(call.body).digest('hex');
    return `${call.method} ${call.target} ${body}`;
  }

  private forgetExpired(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(id);
    }
  }
}

/** The page's own sentence, as a 400 keyed by the header (our envelope: the page shows the sentence alone). */
function keyReused(key: string) {
  const sentence = `The Idempotency header key value '${key}' was used in a different request.`;
  return invalidRequest({ [IDEMPOTENCY_KEY_HEADER]: [sentence] }, sentence);
}
