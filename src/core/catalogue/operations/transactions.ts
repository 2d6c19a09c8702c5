import { problem, validationProblem } from '../schemas/problemDetails';
import { TRANSACTION_DETAIL } from '../schemas/transactionDetail';
import { CARD_TRANSACTION_LIST } from '../schemas/transactions';
import type { CatalogueParameter } from '../types';
import { answers, defineOperation, json, MALFORMED_REQUEST, PUBLIC_TOKEN_PARAMETER, UNKNOWN_CARD, unknownCardExample } from './shared';

/**
 * The date filters, optional query parameters as the OpenAPI has them. The headers pages call them headers
 * dateFrom/dateTo; every example and the OpenAPI send fromDate/toDate in the query, which we follow. The
 * OpenAPI types them as text; the pattern for YYYYMMDD is ours, so a malformed date is a 400.
 */
const dateFilter = (name: string, which: string): CatalogueParameter => ({
  name,
  in: 'query',
  description: `The ${which} day of the transactions wanted, YYYYMMDD: 20250301.`,
  required: false,
  schema: { type: 'string', pattern: '^[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$' },
});

/** The load of 500.00 the examples show, as the list gives it. */
const load = {
  id: 7100000001,
  description: 'Load',
  dateTime: '2025-03-04T09:15:27.12Z',
  lifeCycleId: null,
  type: { code: 'L', description: 'Load' },
  status: { code: 'S', description: 'Settled' },
  amount: {
    billingValue: 500,
    billingCurrency: 'GBP',
    transactionValue: 500,
    transactionCurrency: 'GBP',
    settlementAmount: 500,
    settlementCurrency: 'GBP',
    actualBalance: 500,
    availableBalance: 500,
  },
  fees: { id: 0, fixedFee: 0, rateFee: 0, fxPadding: 0, mccPadding: 0 },
  productId: 1001,
  cardNetwork: 'MASTERCARD',
  processingCode: '220000',
  recordId: 0,
  note: 'Loaded through the API',
  systemTraceAuditNumber: 0,
  transactionCountry: 'GBR',
  transactionLink: 7100000001,
  additionalDetail: null,
  paymentTokenId: null,
  paymentMethod: 'None',
  ehiMode: 3,
};

/** Get Card Transactions (OpenAPI 55817748384; recipe 55866007163; guide 55732059196). No paging is published. */
export const listCardTransactions = defineOperation({
  id: 'cards.transactions.list',
  method: 'GET',
  path: '/cards/{publicToken}/transactions',
  summary: "Lists a card's transactions, newest first, optionally between two days.",
  scope: 'cards.read',
  idempotencyKey: false,
  sources: ['55817748384', '55866007163', '55732059196', '56035385204'],
  parameters: [dateFilter('fromDate', 'first'), dateFilter('toDate', 'last'), PUBLIC_TOKEN_PARAMETER],
  responses: answers(
    { 200: { description: 'The transactions; an empty list when there are none.', body: json(CARD_TRANSACTION_LIST) } },
    {
      400: `${MALFORMED_REQUEST} Dates are YYYYMMDD.`,
      404: UNKNOWN_CARD,
      422: 'The dates do not make a range: fromDate is after toDate (our reading of an undocumented 422).',
    },
  ),
  examples: [
    {
      id: 'march',
      summary: 'The transactions of March 2025: one load.',
      request: { pathParams: { publicToken: '402718355' }, query: { fromDate: '20250301', toDate: '20250331' } },
      response: { status: 200, body: [load] },
    },
    {
      id: 'malformed-date',
      summary: 'Dates are YYYYMMDD, without dashes.',
      request: { pathParams: { publicToken: '402718355' }, query: { fromDate: '2025-03-01' } },
      response: {
        status: 400,
        body: validationProblem(400, {
          fromDate: ["The field fromDate must match the regular expression '^[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$'."],
        }),
      },
    },
    unknownCardExample(),
  ],
});

/**
 * Get Transaction Details of a single transaction (OpenAPI 55993939452). Its path is not under /cards: the
 * OpenAPI has /api/v1/portal/transactions/single/{transactionId}, kept here below the API root. No 422.
 */
export const getTransaction = defineOperation({
  id: 'transactions.get',
  method: 'GET',
  path: '/portal/transactions/single/{transactionId}',
  summary: 'Reads one transaction in full: amounts, merchant, point of sale, fees, network data.',
  scope: 'cards.read',
  idempotencyKey: false,
  sources: ['55993939452', '55732059196'],
  parameters: [
    {
      name: 'transactionId',
      in: 'path',
      description: "The transaction id, as the card's transaction list gives it.",
      required: true,
      schema: { type: 'integer' },
    },
  ],
  responses: answers(
    { 200: { description: 'The transaction.', body: json(TRANSACTION_DETAIL) } },
    { 400: 'The transaction id is not a number.', 404: 'No transaction of your program has this id.' },
  ),
  examples: [
    {
      id: 'load',
      summary: "The load of 500.00 the card's transaction list shows.",
      request: { pathParams: { transactionId: '7100000001' } },
      response: {
        status: 200,
        body: {
          productName: 'Sandbox Prepaid GBP',
          customerReference: 'CUST-0042',
          recordId: 0,
          pubToken: '402718355',
          traceIdLifeCycle: null,
          transactionId: 7100000001,
          transactionType: 'Load',
          transactionStatus: 'S',
          transactionAmount: 500,
          transactionCurrency: 'GBP',
          transactionDate: '2025-03-04T09:15:27.12Z',
          billingAmount: 500,
          billingAmountWithDirection: 500,
          billingCurrency: 'GBP',
          processingCode: '220000',
          responseStatus: 'Approved',
          aid: '0',
          fid: '0',
          settlementAmount: 500,
          settlementCurrency: 'GBP',
          tillTime: 0,
          paymentTokenId: 0,
          note: 'Loaded through the API',
          availableBalance: 500,
          blockedAmount: 0,
          fixedFee: 0,
          rateFee: 0,
          fxPadding: 0,
          mccPadding: 0,
          paymentMethod: 'None',
          ehiMode: 3,
          requestTime: '2025-03-04T09:15:27.12Z',
          responseTime: '2025-03-04T09:15:27.19Z',
          diffInReqResp: 70,
          networkID: 0,
          transactionTypeDescription: 'Load',
          transactionStatusDescription: 'Settled',
        },
      },
    },
    {
      id: 'unknown-transaction',
      summary: 'A transaction id your program does not have.',
      request: { pathParams: { transactionId: '1' }, literalPathParams: true },
      response: { status: 404, body: problem(404, 'No transaction with id 1 was found.') },
    },
  ],
});
