import { ACTIVE_CARD_STATUS, cardStatusByCode, cardStatusDescription, SANDBOX_API_ROOT, type JsonSchema } from '../core/catalogue';
import { balanceAnswer, money } from './api/cardAnswers';
import { productOf } from './api/cards';
import { transactionListItem } from './api/transactionAnswers';
import type { TransactionKind } from './cardRecords';
import type { CardStore } from './cardStore';
import type { Clock } from './clock';
import { ApiError, readJsonBody } from './httpJson';
import type { RouteHandler } from './requestContext';
import type { Router } from './router';

export interface PortalTransactionDependencies {
  cards: CardStore;
  clock: Clock;
  /** The sandbox application's Program Manager, whose cards these are. */
  pmid: string;
}

interface NewTransaction {
  type: TransactionKind;
  amount: number;
  currency?: string;
  note?: string;
}

const NEW_TRANSACTION: JsonSchema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['load', 'purchase'] },
    amount: { type: 'number', exclusiveMinimum: 0, maximum: 1_000_000 },
    currency: { type: 'string', minLength: 3, maxLength: 3 },
    note: { type: 'string', maxLength: 255 },
  },
  required: ['type', 'amount'],
  additionalProperties: false,
};

/** Statuses the Card Status Codes table says cannot be loaded: restricted, expired, destroyed. */
const NO_LOADS = new Set(['62', '54', '83']);

/**
 * Sandbox only, not Thredd's API: makes a card's transactions exist, as a cardholder's spending and a program's
 * loads would on Thredd. POST /portal/cards/{publicToken}/transactions with { "type": "load" | "purchase",
 * "amount": 25.5 } records a settled transaction in the published shape, changes the balance and answers both.
 * A purchase needs an active card and the funds; a card in 54, 62 or 83 takes no loads.
 */
export function addPortalTransactionRoutes(router: Router<RouteHandler>, dependencies: PortalTransactionDependencies): void {
  const { cards, clock, pmid } = dependencies;
  router.add('POST', '/portal/cards/{publicToken}/transactions', async (context) => {
    const body = await readJsonBody(context.request);
    const { validateAgainst } = await import('../core/catalogue/validation');
    const errors = validateAgainst(NEW_TRANSACTION, body);
    if (errors) {
      const messages = Object.entries(errors).flatMap(([field, texts]) => texts.map((text) => (field ? `${field}: ${text}` : text)));
      throw new ApiError(400, 'invalid_request', `${messages.join(' ')} Send { "type": "load" or "purchase", "amount": 25.5 }.`);
    }
    const sent = body as unknown as NewTransaction;
    const card = cards.get(context.params.publicToken, pmid);
    if (!card) {
      const create = `POST ${SANDBOX_API_ROOT}/cards`;
      throw new ApiError(404, 'card_not_found', `No card with public token ${context.params.publicToken}: create one with ${create}.`);
    }
    const product = productOf(card);
    if (sent.currency && sent.currency.toUpperCase() !== product.currencyCode) {
      const refusal = `Card ${card.publicToken} holds ${product.currencyCode}; the sandbox does not exchange ${sent.currency}.`;
      throw new ApiError(400, 'invalid_request', refusal);
    }
    const status = cardStatusDescription(cardStatusByCode(card.cardStatusCode)!);
    const amount = money(sent.amount);
    const { cardBalance, pendingAmount } = card.balance;
    if (sent.type === 'load' && NO_LOADS.has(card.cardStatusCode)) {
      throw new ApiError(409, 'load_refused', `Card ${card.publicToken} is ${status}: it takes no loads.`);
    }
    if (sent.type === 'purchase' && card.cardStatusCode !== ACTIVE_CARD_STATUS) {
      throw new ApiError(409, 'card_not_active', `Card ${card.publicToken} is ${status}: activate it (status 00) before it can pay.`);
    }
    if (sent.type === 'purchase' && amount > cardBalance + pendingAmount) {
      const available = `${money(cardBalance + pendingAmount)} ${product.currencyCode}`;
      throw new ApiError(409, 'insufficient_funds', `Card ${card.publicToken} has ${available} available: load it first.`);
    }
    const newBalance = { cardBalance: money(cardBalance + (sent.type === 'load' ? amount : -amount)), pendingAmount };
    const recorded = cards.addTransaction(
      card,
      {
        kind: sent.type,
        amount,
        currency: product.currencyCode,
        dateTime: clock().toISOString(),
        note: sent.note ?? null,
        actualBalance: newBalance.cardBalance,
        availableBalance: money(newBalance.cardBalance + pendingAmount),
      },
      newBalance,
    );
    const transaction = transactionListItem(recorded.transaction, recorded.card, product);
    return { status: 201, body: { transaction, balance: balanceAnswer(recorded.card, product) } };
  });
}
