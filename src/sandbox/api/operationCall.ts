import type { OperationId } from '../../core/catalogue';
import type { PathParams } from '../../core/catalogue/routeTable';
import type { Caller } from '../apiAuth';
import type { CardRecord } from '../cardRecords';
import type { CardStore } from '../cardStore';
import type { RouteResult } from '../requestContext';
import { notFound } from './problems';

/** A call of a catalogue operation once the gateway's checks passed and its parameters and body fit their schemas. */
export interface OperationCall {
  caller: Caller;
  /** X-Region, one of the catalogue's region codes. */
  region: string;
  params: PathParams;
  query: Readonly<Record<string, string>>;
  /** The JSON body, valid against the operation's schema; undefined for an operation that takes none. */
  body: unknown;
  /** The sandbox clock's time of the call. */
  now: Date;
}

/** What an operation answers; problems (404, 422) are thrown as ApiProblem. */
export type OperationHandler = (call: OperationCall) => RouteResult | Promise<RouteResult>;

/** The handlers of some of the catalogue's operations, by operation id. */
export type OperationHandlers<Id extends OperationId> = Record<Id, OperationHandler>;

/** The caller's card with this public token; a 404 for one that does not exist or is another PMID's. */
export function requireCard(cards: CardStore, publicToken: string, caller: Caller): CardRecord {
  const card = cards.get(publicToken, caller.pmid);
  if (!card) throw notFound(`No card with public token ${publicToken} was found.`);
  return card;
}

/** A date as the API answers dates: yyyy-MM-dd, UTC. */
export function isoDate(when: Date): string {
  return when.toISOString().slice(0, 10);
}
