import { nullable, nullableTexts, object } from './build';

/**
 * Parts both transaction answers share, from the OpenAPI on Get Card Transactions (55817748384) and Get
 * Transaction Details (55993939452): Merchant, Pos and PosCapabilities, all members nullable strings, closed.
 * The objects themselves may be null in answers, which the OpenAPI cannot say of a $ref.
 */

export const MERCHANT = nullable(
  object(
    'The merchant (card acceptor) of the transaction.',
    nullableTexts({
      city: 'Town or city.',
      contact: 'Contact details.',
      county: 'County or region.',
      name: 'Name.',
      nameOther: 'Another name it trades under.',
      networkId: 'Its id on the card network.',
      postcode: 'Postcode.',
      region: 'Region.',
      street: 'Street.',
      taxId: 'Tax id.',
      telephone: 'Telephone number.',
      url: 'Website.',
    }),
    { closed: true },
  ),
);

const numbered = (count: number, name: string, what: string) =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`${name}${index + 1}`, `${what} ${index + 1}.`]));

export const POS = nullable(
  object(
    'How the transaction was made at the point of sale.',
    nullableTexts({
      cardholderPresent: 'Whether the cardholder was there.',
      cardPresent: 'Whether the card was there.',
      cardInput: 'How the card was read.',
      ...numbered(4, 'cardholderAuthenticationMethod', 'How the cardholder was authenticated, method'),
      ...numbered(4, 'cardholderAuthenticationEntity', 'Who authenticated the cardholder, entity'),
      chipFallback: 'Whether a chip read fell back to the stripe.',
      fraudIndicator: 'Fraud indicator.',
      securityCardholderToMerchant: 'Security between cardholder and merchant.',
      secure3DAuthenticationMethod: 'How 3-D Secure authenticated the cardholder.',
      instantFundingNetwork: 'Instant funding, as the network flags it.',
      instantFundingThredd: 'Instant funding, as Thredd flags it.',
      scaExempt: 'Whether the transaction was exempt from strong customer authentication.',
      scaAssessment: 'The strong customer authentication assessment.',
      scaKnowledgeTest: 'Strong customer authentication: something the cardholder knows.',
      scaPossessionTest: 'Strong customer authentication: something the cardholder has.',
      scaBiometricTest: 'Strong customer authentication: something the cardholder is.',
      threddDetectedSCAExemption: 'An exemption from strong customer authentication Thredd found.',
      cardDeviceFormFactor: 'The form of the card or device: card, phone, watch.',
      acquirerExemptSCAIndicator: 'An exemption from strong customer authentication the acquirer claimed.',
      authenticationAmountAndCurrencyComparisonResult: "Whether the authenticated amount and currency match the transaction's.",
      merchantCardholderInitiatedIndicator: 'Whether the merchant or the cardholder started the transaction.',
      merchantInitiatedTransactionTypeIndicator: 'The kind of merchant-initiated transaction, or its set-up.',
      originalTransactionSCAExemptIndicator: 'The exemption of the original transaction.',
      originalTransactionSCAAssessmentResult: 'The assessment result of the original transaction.',
      originalTransactionStatusValue: 'The status of the original transaction.',
      extendedAuthorizationIndicator: 'Whether the authorisation is extended.',
    }),
    { closed: true },
  ),
);

export const POS_CAPABILITIES = nullable(
  object(
    'What the point-of-sale equipment can do.',
    nullableTexts({
      attended: 'Whether staff attend it.',
      cardCapture: 'Whether it can keep a card.',
      cardholderAuthentication: 'How it can authenticate the cardholder.',
      cardInput: 'How it can read a card.',
      cardOutput: 'What it can write to a card.',
      environment: 'Where it is.',
      partialApproval: 'Whether it takes partial approvals.',
      pinCapture: 'How many PIN digits it can take.',
      purchaseAmountOnlyApproval: 'Whether it takes approvals of the purchase amount only.',
      terminalOutput: 'What it can display or print.',
      terminalType: 'Its kind of terminal.',
    }),
    { closed: true },
  ),
);
