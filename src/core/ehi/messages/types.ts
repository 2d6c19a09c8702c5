import type { Purchase } from './purchase';
import type { EhiRandom } from './random';

/** An EHI GetTransaction message as JSON: EHI leaves blank fields out, so every value is a string or a number. */
export type EhiMessage = Record<string, string | number>;

export interface BuildContext {
  random: EhiRandom;
  /** When Thredd sends the message. */
  now: Date;
}

/**
 * How an endpoint must answer a message type (EHI JSON guide 2.1, Processing EHI Transactions):
 * - `decision`: authorisations and balance enquiries: `Responsestatus` (approve "00", decline "05", …) and `Acknowledgement` "1";
 * - `reversal`: "00" + "1", or 91/92/96 with "0" to have Thredd send it again;
 * - `notification`: presentments, financial reversals, advices: `Acknowledgement` "1" is enough.
 */
export type ResponseKind = 'decision' | 'reversal' | 'notification';

export interface EhiMessageType {
  /** The name `thredd ehi send` takes. */
  type: string;
  title: string;
  mtid: string;
  txnType: string;
  response: ResponseKind;
  /** The message, for `purchase` when given (a reversal of that authorisation), else for a fresh purchase. */
  build(context: BuildContext, purchase?: Purchase): EhiMessage;
}
