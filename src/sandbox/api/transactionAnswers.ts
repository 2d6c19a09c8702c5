import type { CardRecord, TransactionKind, TransactionRecord } from '../cardRecords';
import { SANDBOX_EHI_MODE, type SandboxProduct } from '../sandboxProducts';

/** How each kind the sandbox records is coded in Thredd's transaction answers. */
interface KindCoding {
  type: { code: string; description: string };
  processingCode: string;
  /** Get Transaction Details' transactionType. */
  detailType: string | null;
  /** The sign of billingAmountWithDirection. */
  direction: 1 | -1;
}

const KINDS: Readonly<Record<TransactionKind, KindCoding>> = {
  // ISO 8583 processing code 22 is a credit adjustment (a load), 00 a purchase.
  load: { type: { code: 'L', description: 'Load' }, processingCode: '220000', detailType: 'Load', direction: 1 },
  // A purchase settles at once in the sandbox, so it shows as its presentment. Get Transaction Details' type enum has
  // no purchase: its transactionType is null there, its description says Presentment.
  purchase: { type: { code: 'P', description: 'Presentment' }, processingCode: '000000', detailType: null, direction: -1 },
};

const SETTLED = { code: 'S', description: 'Settled' };
const NO_FEES = { id: 0, fixedFee: 0, rateFee: 0, fxPadding: 0, mccPadding: 0 };

/** One item of Get Card Transactions (the OpenAPI's GetTransactionsResponse): amounts unsigned, the type tells which way. */
export function transactionListItem(transaction: TransactionRecord, card: CardRecord, product: SandboxProduct) {
  const kind = KINDS[transaction.kind];
  const { amount, currency } = transaction;
  return {
    id: transaction.id,
    description: kind.type.description,
    dateTime: transaction.dateTime,
    lifeCycleId: null,
    type: kind.type,
    status: SETTLED,
    amount: {
      billingValue: amount,
      billingCurrency: currency,
      transactionValue: amount,
      transactionCurrency: currency,
      settlementAmount: amount,
      settlementCurrency: currency,
      actualBalance: transaction.actualBalance,
      availableBalance: transaction.availableBalance,
    },
    fees: NO_FEES,
    productId: product.productId,
    cardNetwork: product.cardNetwork,
    processingCode: kind.processingCode,
    recordId: 0,
    note: transaction.note,
    systemTraceAuditNumber: 0,
    transactionCountry: card.address.country,
    transactionLink: transaction.id,
    additionalDetail: null,
    paymentTokenId: null,
    paymentMethod: transaction.kind === 'load' ? 'None' : 'Card',
    ehiMode: SANDBOX_EHI_MODE,
  };
}

/**
 * Get Transaction Details of a single transaction (the OpenAPI's TransactionDetailPortalResponse): its required
 * members and those the sandbox knows; the others (merchant, point of sale, network data) are left out.
 */
export function transactionDetail(transaction: TransactionRecord, card: CardRecord, product: SandboxProduct) {
  const kind = KINDS[transaction.kind];
  const { amount, currency, dateTime } = transaction;
  return {
    productName: product.productName,
    customerReference: card.customerReference,
    recordId: 0,
    pubToken: card.publicToken,
    traceIdLifeCycle: null,
    transactionId: transaction.id,
    transactionType: kind.detailType,
    transactionStatus: SETTLED.code,
    transactionAmount: amount,
    transactionCurrency: currency,
    transactionDate: dateTime,
    billingAmount: amount,
    billingAmountWithDirection: amount * kind.direction,
    billingCurrency: currency,
    processingCode: kind.processingCode,
    responseStatus: 'Approved',
    aid: '0',
    fid: '0',
    settlementAmount: amount,
    settlementCurrency: currency,
    tillTime: 0,
    paymentTokenId: 0,
    note: transaction.note,
    availableBalance: transaction.availableBalance,
    blockedAmount: 0,
    fixedFee: 0,
    rateFee: 0,
    fxPadding: 0,
    mccPadding: 0,
    paymentMethod: transaction.kind === 'load' ? 'None' : 'Card',
    ehiMode: SANDBOX_EHI_MODE,
    requestTime: dateTime,
    responseTime: dateTime,
    diffInReqResp: 0,
    networkID: product.networkId,
    billingCurrencyNumericCode: product.currencyNumericCode,
    transactionTypeDescription: kind.type.description,
    transactionStatusDescription: SETTLED.description,
  };
}
