import type { CardStore } from '../cardStore';
import { balanceAnswer } from './cardAnswers';
import { productOf } from './cards';
import { requireCard, type OperationHandlers } from './operationCall';

/** Get a Balance Enquiry: a new card's balance is zero; loads and purchases (portal) and statuses 98/99 change it. */
export function balanceHandlers(cards: CardStore): OperationHandlers<'cards.balance'> {
  return {
    'cards.balance': ({ params, caller }) => {
      const card = requireCard(cards, params.publicToken, caller);
      return { status: 200, body: balanceAnswer(card, productOf(card)) };
    },
  };
}
