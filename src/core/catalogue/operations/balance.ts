import { BALANCE } from '../schemas/balance';
import { problem } from '../schemas/problemDetails';
import {
  answers,
  defineOperation,
  json,
  MALFORMED_REQUEST,
  NO_CARD_DETAIL,
  PUBLIC_TOKEN_PARAMETER,
  UNKNOWN_CARD,
  UNKNOWN_PUBLIC_TOKEN,
} from './shared';

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
  responses: answers({ 200: { description: 'The balance.', body: json(BALANCE) } }, { 400: MALFORMED_REQUEST, 404: UNKNOWN_CARD }),
  examples: [
    {
      id: 'balance',
      summary: 'A card with 20.00 of spending awaiting settlement.',
      request: { pathParams: { publicToken: '402718355' } },
      response: { status: 200, body: { currencyCode: 'GBP', cardBalance: 125.5, pendingAmount: -20, availableBalance: 105.5 } },
    },
    {
      id: 'unknown-card',
      summary: 'A public token no card of yours has.',
      request: { pathParams: { publicToken: UNKNOWN_PUBLIC_TOKEN }, literalPathParams: true },
      response: { status: 404, body: problem(404, NO_CARD_DETAIL) },
    },
  ],
});
