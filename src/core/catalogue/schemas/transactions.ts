import { arrayOf, boolean, dateTime, decimal, integer, nullable, nullableTexts, object, text } from './build';
import { MERCHANT, POS, POS_CAPABILITIES } from './transactionParts';

const EMV = nullable(
  object(
    'Chip (EMV) data of the transaction.',
    {
      applicationTransactionCounter: nullable(integer("The chip's transaction counter.")),
      cardholderVerificationCode: nullable(integer('How the cardholder was verified (CVM code).')),
      cardholderVerificationResult: nullable(integer('The result of the cardholder verification.')),
      ...nullableTexts({
        terminalType: 'The kind of terminal.',
        terminalCapabilities: 'What the terminal can do.',
        transactionCode: 'The chip transaction code.',
      }),
    },
    { closed: true },
  ),
);

/** The OpenAPI's AdditionalDetail; null in every published example, though the $ref is not marked nullable. */
const ADDITIONAL_DETAIL = nullable(
  object(
    'More about the transaction.',
    {
      ...nullableTexts({
        acquirerForwarderId: "The acquirer's forwarding institution.",
        authorisationType: 'The kind of authorisation.',
        branchCode: 'Branch code.',
        cardDeviceType: 'The kind of card or device used.',
        checkResultsSent: 'The results of checks sent to the network.',
        checkResultsSentLocation: 'Where the check results were sent.',
        currencyCodeFee: 'Currency of the fee.',
        currencyCodeFeeSettlement: 'Currency the fee settles in.',
        loadedBy: 'Who loaded the funds.',
        psdScaExempt: 'The PSD2 strong customer authentication exemption.',
        rateType: 'The kind of exchange rate.',
        settlementIndicator: 'Settlement indicator.',
      }),
      authorisationExpiryDateUtc: nullable(dateTime('When the authorisation expires, UTC.')),
      dccIndicator: nullable(boolean('Whether the merchant converted the currency (dynamic currency conversion).')),
      emv: EMV,
      fxRate: nullable(decimal('The exchange rate applied.')),
      instantFundingGPS: nullable(boolean('Instant funding, as Thredd flags it.')),
      instantFundingNetwork: nullable(boolean('Instant funding, as the network flags it.')),
      interchangeAmountFee: nullable(decimal('The interchange fee.')),
      interchangeAmountFeeSettlement: nullable(decimal('The interchange fee in the settlement currency.')),
      matchingTransactionId: nullable(integer('The transaction this one matches.')),
      merchant: MERCHANT,
      multiPartCount: nullable(integer('How many parts a multi-part transaction has.')),
      multiPartNumber: nullable(integer('Which part this is.')),
      multiPartTransaction: nullable(boolean('Whether the transaction comes in parts.')),
      multiPartTransactionFinal: nullable(boolean('Whether this is the last part.')),
      pos: POS,
      posCapabilities: POS_CAPABILITIES,
      preAuthorisationDays: nullable(integer('How many days a pre-authorisation holds.')),
    },
    { closed: true },
  ),
);

const codeAndWords = (description: string, code: string) =>
  object(description, { code: text(code), description: nullable(text('The code in words.')) }, { closed: true });

/**
 * Get Card Transactions' OpenAPI `GetTransactionsResponse` (55817748384): closed, nothing required. Amounts are
 * unsigned, the type tells their direction. Type codes: A authorisation, B balance adjustment, C chargeback,
 * D authorisation reversal, E financial reversal, F fee, G payment, L load, P presentment, U unload...
 */
export const CARD_TRANSACTION_LIST = arrayOf(
  "The card's transactions, newest first.",
  object(
    'One transaction.',
    {
      id: integer('The transaction id: GET /portal/transactions/single/{transactionId} takes it.'),
      description: nullable(text('What the transaction was for.')),
      dateTime: dateTime('When it happened.'),
      lifeCycleId: nullable(text("Links the messages of one transaction's life (authorisation, presentment...).")),
      type: codeAndWords('The kind of transaction.', 'One letter: L load, U unload, A authorisation, P presentment, F fee...'),
      status: codeAndWords(
        'Where the transaction stands.',
        'One letter: A accepted, C cleared, I declined, R removed, S settled, V reversed.',
      ),
      amount: object(
        'The amounts, unsigned.',
        {
          billingValue: decimal("Amount in the card's currency."),
          billingCurrency: nullable(text("The card's currency.")),
          transactionValue: decimal('Amount in the currency of the transaction.'),
          transactionCurrency: nullable(text('Currency of the transaction.')),
          settlementAmount: nullable(decimal('Amount settled.')),
          settlementCurrency: nullable(text('Currency of the settlement.')),
          actualBalance: nullable(decimal("The card's ledger balance after it.")),
          availableBalance: nullable(decimal("The card's available balance after it.")),
        },
        { closed: true },
      ),
      fees: object(
        'Fees charged on it.',
        {
          id: integer('The fee record.'),
          fixedFee: decimal('Fixed fee.'),
          rateFee: decimal('Fee as a rate of the amount.'),
          fxPadding: decimal('Margin added to the exchange rate.'),
          mccPadding: decimal('Margin added for the merchant category.'),
        },
        { closed: true },
      ),
      productId: nullable(integer('The card product.')),
      cardNetwork: nullable(text('The card network: MASTERCARD, VISA.')),
      processingCode: nullable(text('The ISO 8583 processing code: 220000 load, 230000 unload.')),
      recordId: integer('A record id; may name several related records.'),
      note: nullable(text('A note on the transaction.')),
      systemTraceAuditNumber: integer('The system trace audit number (STAN).'),
      transactionCountry: nullable(text('Country of the transaction, ISO alpha-3.')),
      transactionLink: nullable(integer('The related transaction.')),
      additionalDetail: ADDITIONAL_DETAIL,
      paymentTokenId: nullable(integer('The payment token (wallet) used, if any.')),
      paymentMethod: nullable(text('Card, Wallet or None.')),
      ehiMode: integer('How the External Host Interface took part, for the product.'),
    },
    { closed: true },
  ),
);
