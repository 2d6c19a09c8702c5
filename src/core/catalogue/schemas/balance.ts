import { decimal, object, text } from './build';

/**
 * A card's balance, as Get Balance (56007180773) and Retrieve Card (55784324717) answer it. Reconstructed from
 * their examples: no schema is published. Amounts are decimals in the card's currency.
 */
export const BALANCE = object(
  "The card's balance.",
  {
    currencyCode: text('Currency of the card, ISO 4217 alpha: GBP.', { minLength: 3, maxLength: 3 }),
    cardBalance: decimal('The ledger balance: settled funds.'),
    pendingAmount: decimal('Authorised but not yet settled; negative for pending spend.'),
    availableBalance: decimal('What can be spent now: the ledger balance plus the pending amount.'),
  },
  { required: ['currencyCode', 'cardBalance', 'pendingAmount', 'availableBalance'] },
);
