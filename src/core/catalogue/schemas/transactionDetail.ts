import type { JsonSchema } from '../types';
import { arrayOf, boolean, dateTime, decimal, integer, nullable, nullableTexts, object, text, untyped } from './build';
import { MERCHANT, POS, POS_CAPABILITIES } from './transactionParts';

const nullableIntegers = (descriptions: Record<string, string>) =>
  Object.fromEntries(Object.entries(descriptions).map(([name, description]) => [name, nullable(integer(description))]));
const nullableDecimals = (descriptions: Record<string, string>) =>
  Object.fromEntries(Object.entries(descriptions).map(([name, description]) => [name, nullable(decimal(description))]));
const decimals = (descriptions: Record<string, string>) =>
  Object.fromEntries(Object.entries(descriptions).map(([name, description]) => [name, decimal(description)]));
const closed = (description: string, properties: Record<string, JsonSchema>) => nullable(object(description, properties, { closed: true }));

/**
 * The OpenAPI's TypeValue declares `type: string` with an enum and also object properties; we read it as the
 * object `{encodedData, decodedData}` the properties describe, the enum being a generator's leftover.
 */
const TYPE_VALUE = closed('One element of the additional amount.', {
  encodedData: nullable(text('The element as the network sent it.')),
  decodedData: untyped('The element decoded.'),
});

const ADDITIONAL_AMOUNT = object(
  'An additional amount (ISO 8583 field 54).',
  {
    occurence: nullable(text('Which additional amount this is.')),
    accountType: TYPE_VALUE,
    amountType: TYPE_VALUE,
    currencyCode: TYPE_VALUE,
    transactionType: TYPE_VALUE,
    amount: TYPE_VALUE,
  },
  { closed: true },
);

const POS_ENTRY = closed('The point-of-service data code, explained.', {
  code: nullable(text('The code.')),
  codeDescription: nullable(
    arrayOf(
      'Each position of the code, explained.',
      object(
        'One position.',
        {
          position: nullable(integer('The position in the code.')),
          ...nullableTexts({
            value: 'Its value.',
            description: 'What the value means.',
            bitPositionDescription: 'What the position is for.',
          }),
        },
        { closed: true },
      ),
    ),
  ),
});

const VISA_FLEET = closed('Visa Fleet data: fuel, prompts, electric charging and invoice lines.', {
  fleetData: closed('What was bought.', {
    ...nullableTexts({
      typeOfPurchase: 'Kind of purchase.',
      serviceType: 'Kind of service.',
      fuelType: 'Fuel type.',
      expandedFuelType: 'Fuel type, in full.',
      unitOfMeasure: 'Unit of measure.',
    }),
    ...nullableDecimals({
      quantity: 'Quantity.',
      unitCost: 'Cost per unit.',
      grossFuelPrice: 'Fuel price with tax.',
      netFuelPrice: 'Fuel price without tax.',
      grossNonFuelPrice: 'Other goods with tax.',
      netNonFuelPrice: 'Other goods without tax.',
    }),
    ...nullableTexts(
      Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`nonFuelProductCode${index + 1}`, `Code of other goods ${index + 1}.`])),
    ),
  }),
  promptData: closed(
    'What the driver entered.',
    nullableTexts({
      odometerReading: 'Odometer reading.',
      visaFleetServiceId: 'Visa Fleet service id.',
      fleetWorkOrderNumber: 'Work order number.',
      fleetEmployeeNumber: 'Employee number.',
      fleetTrailerNumber: 'Trailer number.',
    }),
  ),
  evData: closed('Electric vehicle charging.', {
    ...nullableIntegers({
      chargingPowerOutputCapacity: 'Charger power capacity.',
      maximumPowerDispensed: 'Most power given.',
      estimatedKmMilesAdded: 'Range added.',
      estimatedKmMilesAvailable: 'Range available.',
      carbonFootprint: 'Carbon footprint.',
    }),
    ...nullableTexts({
      chargingReasonCode: 'Why it charged.',
      connectorType: 'Connector.',
      totalTimePluggedIn: 'Time plugged in.',
      totalChargingTime: 'Time charging.',
      startTimeOfCharge: 'Start of charge.',
      finishTimeOfCharge: 'End of charge.',
    }),
  }),
  invoiceLineItem: nullable(
    arrayOf(
      'Lines of the invoice.',
      object(
        'One line.',
        {
          transactionId: integer('The transaction.'),
          itemSequenceNumber: nullable(integer("The line's number.")),
          ...nullableTexts({
            itemDescription: 'What was bought.',
            productCode: 'Product code.',
            commodityCode: 'Commodity code.',
            unitOfMeasure: 'Unit of measure.',
          }),
          ...nullableDecimals({
            quantity: 'Quantity.',
            unitCost: 'Cost per unit.',
            discountPerLineItem: 'Discount.',
            lineItemTotal: 'Line total.',
            vatTaxAmount: 'VAT.',
            vatRate: 'VAT rate.',
          }),
        },
        { closed: true },
      ),
    ),
  ),
});

/**
 * Get Transaction Details' OpenAPI `TransactionDetailPortalResponse` (55993939452): closed, with its required
 * members. Unlike the list, `paymentTokenId` is required and never null here.
 */
export const TRANSACTION_DETAIL = object(
  'One transaction in full.',
  {
    ...nullableTexts({ productName: 'The card product.', customerReference: 'Your reference for the card.' }),
    recordId: integer('The transaction or authorisation record.'),
    pubToken: text('The public token of the card.', { minLength: 1 }),
    traceIdLifeCycle: nullable(text('Links the stages of an online transaction.')),
    transactionId: integer('The original transaction.'),
    transactionType: nullable(text('The kind of transaction.', { enum: ['Load', 'Unload', 'TransferFunds', 'BalanceAdjustment', 'Fee'] })),
    transactionStatus: nullable(text('Where the transaction stands.')),
    transactionAmount: decimal('Amount in the currency of the transaction.'),
    transactionCurrency: nullable(text('Currency of the transaction.')),
    transactionDate: dateTime('When it happened.'),
    ...decimals({
      billingAmount: 'Amount billed to the card.',
      billingAmountWithDirection: 'Amount billed, signed: negative for a debit.',
    }),
    billingCurrency: nullable(text("The card's currency.")),
    processingCode: text('The ISO 8583 processing code.', { minLength: 1 }),
    ...nullableTexts({
      responseStatus: 'Approved or Declined.',
      merchantCategoryCode: 'The merchant category code (MCC).',
      merchantCategoryDescription: 'The merchant category in words.',
      dateExpiry: 'The card expiry the transaction carried.',
    }),
    posEntry: POS_ENTRY,
    ...nullableTexts({
      posEntryMode: 'How the card was entered at the point of sale.',
      retrievalReference: 'The retrieval reference number.',
      cardAcceptorIdentificationCode: "The merchant's id.",
      cardAcceptorNameLocation: "The merchant's name and place.",
    }),
    aid: text('The acquirer id.', { minLength: 1 }),
    fid: text('The financial institution id.', { minLength: 1 }),
    ...nullableTexts({ cardAcceptorTerminalIdentification: 'The terminal id.', additionalData: 'Additional data.' }),
    settlementAmount: decimal('Amount settled.'),
    ...nullableTexts({
      settlementCurrency: 'Currency of the settlement.',
      authorisationCode: 'The authorisation code.',
      additionalAmounts: 'Additional amounts, as sent.',
    }),
    tillTime: integer('Till time.'),
    paymentTokenId: integer('The payment token (wallet) used.'),
    note: nullable(text('A note on the transaction.')),
    ...decimals({
      availableBalance: "The card's available balance after it.",
      blockedAmount: 'Amount held.',
      fixedFee: 'Fixed fee.',
      rateFee: 'Fee as a rate of the amount.',
      fxPadding: 'Margin added to the exchange rate.',
      mccPadding: 'Margin added for the merchant category.',
    }),
    ...nullableTexts({
      stan: 'The system trace audit number from the acquirer; not unique.',
      messageType: 'The message type.',
      iccData: 'Chip data of the authorisation.',
      messageReasonData: 'Why the network sent an advice.',
      additionalResponseData: 'Results of the address, CVV and other checks.',
      avsStreet: 'Digits of the first address line the cardholder entered.',
      avsPostcode: 'Digits of the postcode the cardholder entered.',
      networkData: "The network's reference (ISO 8583 field 63).",
      acquirerReferenceData: 'The acquirer reference (field 31) of a presentment.',
      transactionOriginatingInstitution: 'The institution the transaction came from.',
    }),
    merchant: MERCHANT,
    transactionFees: closed(
      'The fee rates applied.',
      decimals({
        domesticFixedFee: 'Domestic fixed fee.',
        domesticRateFee: 'Domestic rate fee.',
        nonDomesticFixedFee: 'Non-domestic fixed fee.',
        nonDomesticRateFee: 'Non-domestic rate fee.',
        fxFixedFee: 'Exchange fixed fee.',
        fxRateFee: 'Exchange rate fee.',
      }),
    ),
    paymentMethod: nullable(text('Card, Wallet or None.')),
    ehiMode: integer('How the External Host Interface took part, for the product.'),
    pos: POS,
    posCapabilities: POS_CAPABILITIES,
    decodedAdditionalAmount: nullable(arrayOf('Additional amounts (field 54), decoded.', ADDITIONAL_AMOUNT)),
    decodedAdditionalResponseData: nullable(
      arrayOf(
        'Additional response data (field 44), decoded.',
        object('One element.', nullableTexts({ description: 'What it is.', value: 'Its value.' }), { closed: true }),
      ),
    ),
    ...nullableTexts({
      networkReferenceID: 'Network reference (Discover).',
      functionCode: 'Function code (Discover).',
      surchargeFee: 'Surcharge fee (Discover).',
      additionalAuthorisationDataDGN: 'Additional authorisation data (Discover).',
      transactionDestinationIIC: 'Destination institution (Discover).',
    }),
    networkID: nullable(integer('The card network: 0 Mastercard, 1 Visa, 2 Discover.')),
    requestTime: dateTime('When the request arrived.'),
    responseTime: dateTime('When it was answered.'),
    diffInReqResp: integer('Milliseconds between request and response.'),
    ...nullableTexts({
      responseSource: 'Who answered.',
      responseReason: 'Why it was answered so.',
      gpsPosData: "Thredd's point-of-sale data.",
      posData: "The network's point-of-sale data.",
      recapDate: 'Presentment date of the Discover recap.',
      recapNumber: 'Presentment number.',
      currencyCode: 'Currency, ISO alpha.',
    }),
    ...nullableDecimals({
      interchangeAmountFee: 'The interchange fee.',
      interchangeAmountFeeSettlement: 'The interchange fee in the settlement currency.',
    }),
    ...nullableTexts({
      currencyCodeFee: 'Currency of the fee.',
      currencyCodeFeeSettlement: 'Currency the fee settles in.',
      settlementIndicator: 'Settlement indicator.',
      feeType: 'The kind of fee.',
      feeProcessingCode: 'Processing code of the fee.',
      pds146Value: 'Mastercard PDS 0146 (fees).',
      billingCurrencyNumericCode: "The card's currency, ISO numeric.",
    }),
    ...nullableIntegers({ panReport: "The card's 16-digit private token.", panPubt: "The card's 16-digit public token." }),
    isMFX: nullable(boolean('A transaction of a multi-currency card.')),
    ...nullableTexts({
      description: 'What the transaction was for.',
      transactionTypeDescription: 'The kind of transaction in words.',
      transactionStatusDescription: 'Its status in words.',
      responseStatusDescription: 'The answer in words.',
    }),
    avsCardResponse: closed(
      "The address check: what the cardholder entered against the card's address.",
      nullableTexts({
        streetAddressDigits: "Digits of the card's first address line.",
        postcodeDigits: "Digits of the card's postcode.",
        postcodeResult: 'Whether the postcode matched.',
        addressResult: 'Whether the address matched.',
        avsResponse: "The check's outcome in words.",
      }),
    ),
    ...nullableTexts({ responseCode: 'The response code (ISO 8583 field 39).', posConditionCode: 'The point-of-service condition code.' }),
    visaFleet: VISA_FLEET,
    resendtoEHI: nullable(boolean('Whether the External Host Interface acknowledged it.')),
  },
  { required: ['aid', 'fid', 'paymentTokenId', 'processingCode', 'pubToken', 'recordId', 'transactionId'], closed: true },
);
