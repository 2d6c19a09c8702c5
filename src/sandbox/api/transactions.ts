import type { CardStore } from '../cardStore';
import { productOf } from './cards';
import { requireCard, type OperationHandlers } from './operationCall';
import { brokenRule, notFound } from './problems';
import { transactionDetail, transactionListItem } from './transactionAnswers';

/**
 * Get Card Transactions, newest first, between fromDate and toDate (YYYYMMDD, both days included: our reading),
 * and Get Transaction Details of one. A new card has none; the portal records loads and purchases.
 */
export function transactionHandlers(cards: CardStore): OperationHandlers<'cards.transactions.list' | 'transactions.get'> {
  return {
    'cards.transactions.list': ({ params, query, caller }) => {
      const card = requireCard(cards, params.publicToken, caller);
      const { fromDate, toDate } = query;
      if (fromDate && toDate && fromDate > toDate) {
        throw brokenRule(`fromDate ${fromDate} is after toDate ${toDate}: no day is in that range.`);
      }
      const product = productOf(card);
      const within = card.transactions.filter((transaction) => {
        const day = transaction.dateTime.slice(0, 10).replace(/-/g, '');
        return (!fromDate || day >= fromDate) && (!toDate || day <= toDate);
      });
      return { status: 200, body: within.reverse().map((transaction) => transactionListItem(transaction, card, product)) };
    },
    'transactions.get': ({ params, caller }) => {
      const found = cards.findTransaction(Number(params.transactionId), caller.pmid);
      if (!found) throw notFound(`No transaction with id ${params.transactionId} was found.`);
      return { status: 200, body: transactionDetail(found.transaction, found.card, productOf(found.card)) };
    },
  };
}
