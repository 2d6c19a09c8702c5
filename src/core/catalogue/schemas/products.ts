import { arrayOf, boolean, integer, nullable, object, text, untyped } from './build';

const ACCOUNT_CODE = text('Two digits naming the card brand: 00 Maestro, 01 Mastercard, 02 Visa (Get Product field table).', {
  pattern: '^[0-9]{2}$',
});
const CURRENCY = text("The product's currency, ISO 4217 alpha: GBP.", { minLength: 3, maxLength: 3 });

/**
 * One product of Get Products' list (Getting Product Data), reconstructed from its example: no schema is
 * published. The list spells the id `productID`, the single product `productId`: both as published.
 */
export const PRODUCT_SUMMARY_LIST = arrayOf(
  'The card products your program may issue cards of.',
  object(
    'A card product.',
    {
      productID: integer("The product id: Create Card's cardProduct."),
      productName: text("The product's name."),
      accountCode: ACCOUNT_CODE,
      schemeName: text('The card scheme set-up the product belongs to.'),
      currencyCode: CURRENCY,
    },
    { required: ['productID', 'productName', 'accountCode', 'schemeName', 'currencyCode'] },
  ),
);

const APATA = object("The product's Apata 3-D Secure set-up.", {
  cardProgramId: text('The Apata card program.'),
  challengeProfileId: text('The Apata challenge profile.'),
  kbaNumberOfQuestionsToAnswer: integer('How many knowledge-based questions the cardholder must answer.'),
  kbaNumberOfIncorrectPermissible: integer('How many wrong answers are allowed.'),
});

/**
 * Get Product's answer (Getting Product Data, field table, release notes of 20 May 2024), reconstructed from
 * the examples: the members both published versions show are required; `supplier3DSName` and `config3dSecure`
 * came later. Members the examples show only as null have no type.
 */
export const PRODUCT = object(
  'A card product and its set-up.',
  {
    supportedCredentialTypesCsv: nullable(text('The 3-D Secure credential types the product supports, comma-separated.')),
    supportedCredentialTypes: arrayOf(
      'The 3-D Secure credential types the product supports.',
      text('A credential type: OTPSMS, Biometric.'),
    ),
    defaultCredentialTypeId: untyped('The credential type 3-D Secure challenges with first.'),
    fallbackCredentialTypeId: untyped('The credential type 3-D Secure falls back to.'),
    productId: integer("The product id: Create Card's cardProduct."),
    accountCode: ACCOUNT_CODE,
    schemeId: integer("The card scheme set-up's id."),
    schemeName: text("The card scheme set-up's name."),
    currencyCode: CURRENCY,
    groupFeeTranCode: text('The fee group of the product; empty when none.'),
    groupFeeMasterCode: text('The scheduled fee group; empty when none.'),
    groupFeeWebCode: text('The scheduled fee group for API calls; empty when none.'),
    groupMCCCode: text('The merchant category group; empty when none.'),
    groupUsageCode: text('The usage group; empty when none.'),
    ehiMode: integer('How the External Host Interface takes part in authorisations for this product.'),
    supplier3DS: text('The 3-D Secure supplier, by id.'),
    supplier3DSName: nullable(text("The 3-D Secure supplier's name.")),
    supplier3DSVersion: text('The 3-D Secure supplier or version: Apata, RDX.'),
    fraudManagement: integer('The fraud management set-up.'),
    cardDefaultIsSingleUse: nullable(boolean('New cards of the product allow a single spend unless told otherwise.')),
    cardDefaultIsNonReloadable: nullable(boolean('New cards of the product can be loaded once only unless told otherwise.')),
    fraudNotificationMethod: integer('How cardholders hear of suspected fraud: 0 SMS, 1 in-app.', { enum: [0, 1] }),
    config3dSecure: object("The product's 3-D Secure set-up.", {
      language: text('Language of 3-D Secure screens, a BCP 47 tag.'),
      apata: APATA,
    }),
  },
  {
    required: [
      'supportedCredentialTypesCsv',
      'supportedCredentialTypes',
      'defaultCredentialTypeId',
      'fallbackCredentialTypeId',
      'productId',
      'accountCode',
      'schemeId',
      'schemeName',
      'currencyCode',
      'groupFeeTranCode',
      'groupFeeMasterCode',
      'groupFeeWebCode',
      'groupMCCCode',
      'groupUsageCode',
      'ehiMode',
      'supplier3DS',
      'supplier3DSVersion',
      'fraudManagement',
      'cardDefaultIsSingleUse',
      'cardDefaultIsNonReloadable',
      'fraudNotificationMethod',
    ],
  },
);
