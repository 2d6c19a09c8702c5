import { BALANCE } from '../schemas/balance';
import { cardReadAnswers, defineOperation, PUBLIC_TOKEN_PARAMETER, unknownCardExample } from './shared';

/**
 * Get a Balance Enquiry (recipe 56007180773): only the 200 is documented; the errors are those of the other
 * card reads. In Production, balance calls may be charged for (fair usage): the EHI feed avoids them.
 */
export const getCardBalance = defineOperation({
  id: 'cards.balance',
  method: 'GET',
  path: '/cards/{publicToken}/balance',
  summary: "Reads a card's balance: settled, pending and available.",
  scope: 'cards.read',
  idempotencyKey: false,
  sources: ['56007180773', '55784324717'],
  parameters: [PUBLIC_TOKEN_PARAMETER],
  responses: cardReadAnswers('The balance.', BALANCE),
  examples: [
    {
      id: 'balance',
      summary: 'A card with 20.00 of spending awaiting settlement.',
      request: { pathParams: { publicToken: '402718355' } },
      response: { status: 200, body: { currencyCode: 'GBP', cardBalance: 125.5, pendingAmount: -20, availableBalance: 105.5 } },
    },
    unknownCardExample(),
  ],
});
