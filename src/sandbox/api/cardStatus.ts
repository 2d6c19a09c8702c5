import {
  ACTIVE_CARD_STATUS,
  CARD_STATUS_CODES,
  cardStatusByCode,
  cardStatusDescription,
  INACTIVE_CARD_STATUS,
  type CardStatusCode,
} from '../../core/catalogue';
import type { CardRecord } from '../cardRecords';
import type { CardStore } from '../cardStore';
import { activationTime } from './newCard';
import { isoDate, requireCard, type OperationHandlers } from './operationCall';
import { brokenRule } from './problems';
import { statusAnswer } from './cardAnswers';

/** Update Card Status's body, valid against the catalogue's schema: a code, or a status in words, or both. */
interface StatusChangeBody {
  cardStatusCode?: string;
  status?: string;
  updatedBy?: string;
  description?: string;
  validityDate?: string;
}

/** What the published example answers when the request does not say who made the change. */
const UPDATED_BY_NOT_SUPPLIED = 'Updated by not supplied';

/**
 * Retrieve Card Status and Update Card Status, with the Card Status Codes table's rules (cardStatusCodes.ts):
 * setting the status the card has is a 200 that says nothing changed; a card with a permanent status keeps it; a
 * client sets only the codes the table lets it; 98 and 99 bring the balance to 0.00. A refusal is a 422 (our
 * reading: Thredd documents no REST error for it; the SOAP service refuses with action codes 654 and 825).
 */
export function cardStatusHandlers(
  cards: CardStore,
  permanent: ReadonlySet<string>,
): OperationHandlers<'cards.status.get' | 'cards.status.update'> {
  return {
    'cards.status.get': ({ params, caller }) => ({ status: 200, body: statusAnswer(requireCard(cards, params.publicToken, caller)) }),
    'cards.status.update': ({ params, body, caller, now }) => {
      const sent = body as StatusChangeBody;
      const card = requireCard(cards, params.publicToken, caller);
      const target = requestedStatus(sent);
      const current = cardStatusByCode(card.cardStatusCode)!;
      const updatedBy = sent.updatedBy || UPDATED_BY_NOT_SUPPLIED;
      if (target.code === current.code) {
        const description = `Card is already in status ${cardStatusDescription(current)}. Status not changed.`;
        return { status: 200, body: changeAnswer(card, card.statusUpdated, updatedBy, description) };
      }
      if (permanent.has(current.code)) {
        throw brokenRule(`The card has the permanent status ${cardStatusDescription(current)} and cannot be changed.`);
      }
      if (!target.clientSettable) throw brokenRule(`Status ${cardStatusDescription(target)} is set by Thredd, not by a client.`);
      const changed = cards.update(card, {
        cardStatusCode: target.code,
        statusUpdated: isoDate(now),
        ...(target.code === ACTIVE_CARD_STATUS && !card.activationDate ? { activationDate: activationTime(now) } : {}),
        ...(target.zeroesBalance ? { balance: { cardBalance: 0, pendingAmount: 0 } } : {}),
      });
      return { status: 200, body: changeAnswer(changed, changed.statusUpdated, updatedBy, describeChange(current, target)) };
    },
  };
}

/** The status the request names, by code or in words; naming none the table has, or two that differ, is a 422. */
function requestedStatus(sent: StatusChangeBody): CardStatusCode {
  const byCode = sent.cardStatusCode === undefined ? undefined : cardStatusByCode(sent.cardStatusCode.toUpperCase());
  if (sent.cardStatusCode !== undefined && !byCode) throw brokenRule(`${sent.cardStatusCode} is not a card status code: ${codeList()}.`);
  const words = sent.status?.trim().toLowerCase();
  const byWords = words === undefined ? undefined : CARD_STATUS_CODES.find((each) => each.status.toLowerCase() === words);
  if (sent.status !== undefined && !byWords) {
    throw brokenRule(`"${sent.status}" is not a card status: send cardStatusCode, one of ${codeList()}.`);
  }
  if (byCode && byWords && byCode !== byWords) {
    const both = `cardStatusCode ${cardStatusDescription(byCode)} and status "${sent.status}"`;
    throw brokenRule(`${both} name different statuses: send one of them.`);
  }
  return (byCode ?? byWords)!;
}

function codeList(): string {
  return CARD_STATUS_CODES.filter((status) => status.clientSettable)
    .map((status) => status.code)
    .join(', ');
}

/** Thredd's account of the change, as `description` gives it (its example: "Card was activated."). */
function describeChange(from: CardStatusCode, to: CardStatusCode): string {
  const activated = from.code === INACTIVE_CARD_STATUS && to.code === ACTIVE_CARD_STATUS;
  const change = activated ? 'Card was activated.' : `Card status changed from ${from.code} to ${to.code}.`;
  return to.zeroesBalance ? `${change} The balance is now 0.00.` : change;
}

function changeAnswer(card: CardRecord, updated: string, updatedBy: string, description: string) {
  const { status, cardStatusCode } = statusAnswer(card);
  return { status, cardStatusCode, updated, updatedBy, description };
}
