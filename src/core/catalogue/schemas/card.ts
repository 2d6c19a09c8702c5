import { ANSWERED_ADDRESS } from './address';
import { BALANCE } from './balance';
import { arrayOf, boolean, integer, nullable, object, text } from './build';
import { CARD_TYPES, MASKED_PAN, PUBLIC_TOKEN, answeredDate } from './cardFields';
import { ANSWERED_CARDHOLDER } from './cardHolder';
import { CARD_STATUS_FIELDS } from './cardStatus';
import { CARD_CONTROL_GROUPS } from './groups';

const CARD_DETAILS = object(
  'The card itself.',
  {
    customerReference: nullable(text('Your reference for the card.')),
    fullNameOnCard: nullable(text('The name embossed on the card.')),
    maskedPan: MASKED_PAN,
    startDate: answeredDate('The first day the card is valid'),
    expiryDate: answeredDate('The expiry date on the card'),
    clearPan: nullable(text('The full card number: null unless your program may see it.')),
    cvv: nullable(text('The security code: null unless your program may see it.')),
    activationDate: nullable(text('When the card was activated, UTC, "yyyy-MM-dd HH:mm:ssZ"; null while it never was.')),
    gpsExpiryDate: nullable(answeredDate('The expiry date Thredd holds for the card')),
  },
  { required: ['maskedPan', 'startDate', 'expiryDate'] },
);

const CARD_PRODUCT = object(
  'The product the card is of.',
  {
    scheme: text('The card scheme set-up of the product.'),
    product: integer("The product id, as Create Card's cardProduct."),
    productShortName: text("The product's short name."),
    productName: text("The product's name."),
    ehiMode: integer('How the External Host Interface takes part in authorisations for this product.'),
    networkId: integer('The card network: 0 Mastercard, 1 Visa.'),
  },
  { required: ['product', 'productName'] },
);

// Only a truncated example is published (release notes of 25 June 2024): the members it shows, open to more.
const THREE_DS_CONFIGURATION = object('One 3-D Secure configuration.', {
  configuration: nullable(text('Which configuration this is.')),
  defaultCredentials: arrayOf(
    'How the cardholder is challenged.',
    object('One credential.', {
      type: text('The kind of credential: OTPSMS, Biometric.'),
      value: nullable(text('Where the challenge goes, such as a mobile number.')),
      id: integer("The credential's id."),
    }),
  ),
});

const PUBLIC_TOKENS = (description: string) => arrayOf(description, integer('A public token.'));

/**
 * Retrieve Card's answer, reconstructed from the page's example (55784324717), its field table and the release
 * notes of 20 May, 14 June and 25 June 2024: no schema is published. The members every example shows are
 * required; more may come (the object is open). `country` in its addresses is numeric ("826").
 */
export const CARD = object(
  'A card: its status, balance, cardholder, product and control groups.',
  {
    cardType: text('Physical, Virtual or MasterVirtual.', { enum: CARD_TYPES }),
    publicToken: PUBLIC_TOKEN,
    ...CARD_STATUS_FIELDS,
    balance: BALANCE,
    cardDetails: CARD_DETAILS,
    cardHolder: ANSWERED_CARDHOLDER,
    cardProduct: CARD_PRODUCT,
    controlGroups: CARD_CONTROL_GROUPS,
    '3DS': arrayOf("The card's 3-D Secure set-up: credentials the cardholder is challenged with.", THREE_DS_CONFIGURATION),
    designId: nullable(text('The card design.')),
    childCards: PUBLIC_TOKENS('Public tokens of the secondary cards of this card, as numbers.'),
    siblingCards: PUBLIC_TOKENS("Public tokens of the cards sharing this card's primary card, as numbers."),
    address: ANSWERED_ADDRESS,
    fulfilment: nullable(ANSWERED_ADDRESS),
    freetext1: nullable(text('Free text for the card manufacturer.')),
    freetext2: nullable(text('More free text for the card manufacturer.')),
    isSingleUse: nullable(boolean('The card allows a single spend.')),
    isNonReloadable: nullable(boolean('The card can be loaded once only.')),
    networkSharingOptOut: nullable(boolean("The card is kept out of the networks' card updater services (VAU, ABU).")),
    cardAcceptorIds: object('Merchants the card is allowed or refused at, by card acceptor id.', {
      allowCardAcceptors: arrayOf('Merchants the card may pay.', text('A card acceptor id.')),
      disallowCardAcceptors: arrayOf('Merchants the card may not pay.', text('A card acceptor id.')),
    }),
    language3ds: nullable(text('Language of 3-D Secure screens, a BCP 47 tag.')),
    programManagerID: integer('Your Program Manager id at Thredd.'),
    programManagerCode: text('Your Program Manager code at Thredd.'),
    oobAppUrl: nullable(text('The out-of-band 3-D Secure app URL set on the card.')),
    isMultiFx: boolean('The card holds balances in several currencies.'),
    isMfxPrimary: boolean('The card is the primary card of a multi-currency set.'),
  },
  {
    required: [
      'cardType',
      'publicToken',
      'status',
      'cardStatusCode',
      'cardStatusDescription',
      'balance',
      'cardDetails',
      'cardHolder',
      'cardProduct',
      'controlGroups',
      'address',
    ],
  },
);
