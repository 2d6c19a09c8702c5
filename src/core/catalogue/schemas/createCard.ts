import { CARDHOLDER_ADDRESS, FULFILMENT_ADDRESS } from './address';
import { boolean, decimal, describedAs, integer, nullable, object, text } from './build';
import { CARD_TYPES, MASKED_PAN, PUBLIC_TOKEN, answeredDate, YEAR_MONTH_PATTERN } from './cardFields';
import { NEW_CARDHOLDER } from './cardHolder';

/**
 * The name of a card design. The OpenAPI's .NET pattern `^[\w]+[\w-\s]*$` throws in JavaScript with the `u`
 * flag ajv compiles with ("-" between two class escapes); this is the same set of strings.
 */
export const DESIGN_ID = nullable(
  text('The name of the card design, as agreed with Thredd.', { minLength: 1, maxLength: 50, pattern: '^\\w+[\\w\\s-]*$' }),
);

export const PARENT_CARD = nullable(
  text('For a secondary card, the public token of its primary card.', { minLength: 9, maxLength: 10, pattern: '^[0-9]+$' }),
);

const DELIVERY_METHODS = [
  'StandardDelivery',
  'RegisteredMail',
  'DirectDelivery',
  'CustomizedDelvMethod1',
  'CustomizedDelvMethod2',
  'CustomizedDelvMethod3',
  'CustomizedDelvMethod4',
  'CustomizedDelvMethod5',
];

const IMAGE_DETAILS = object(
  "The card manufacturer's artwork for this card.",
  {
    imageId: text("The manufacturer's image file printed on the face of the card.", { minLength: 0, maxLength: 16 }),
    logoFrontId: nullable(text("The manufacturer's logo file printed on the front.", { minLength: 0, maxLength: 30 })),
    logoBackId: nullable(
      text("The manufacturer's logo file printed on the back, where the design has one.", { minLength: 0, maxLength: 30 }),
    ),
  },
  { required: ['imageId'], closed: true },
);

/** Printing lines of a Physical card, shared with Update Card (which requires none of them). */
export const THERMAL_LINE_1 = nullable(text('Free text printed on the card.', { minLength: 0, maxLength: 120 }));
export const THERMAL_LINE_2 = nullable(text('More free text printed on the card.', { minLength: 0, maxLength: 70 }));
export const EMBOSS_LINE_4 = nullable(
  text('A fourth embossed line; the design may allow fewer characters.', { minLength: 0, maxLength: 27 }),
);

/**
 * The OpenAPI's ManufacturingDetails. It may be left out or null (release notes of 15 Sep 2023, 56089262592),
 * which the OpenAPI cannot say of a $ref. Those notes also name a mandatory `cardManufacturer` the OpenAPI
 * lacks and its closed object refuses: the OpenAPI wins.
 */
const MANUFACTURING_DETAILS = nullable(
  object(
    'How a Physical card is made and sent. Optional for Physical cards, not used for Virtual ones.',
    {
      deliveryMethod: text('How the manufacturer sends the card.', { enum: DELIVERY_METHODS }),
      carrierType: text('The carrier (the letter the card is mounted on) as the card printer names it.', { minLength: 0, maxLength: 30 }),
      language: nullable(text('Two-letter language of the card.', { minLength: 0, maxLength: 2 })),
      thermalLine1: THERMAL_LINE_1,
      thermalLine2: THERMAL_LINE_2,
      embossLine4: EMBOSS_LINE_4,
      vanityName: nullable(text('A title added to the cardholder name, such as Company Director.', { minLength: 0, maxLength: 32 })),
      imageDetails: IMAGE_DETAILS,
    },
    { required: ['deliveryMethod', 'carrierType'], closed: true },
  ),
);

const VIRTUAL_CARD_IMAGE_DETAILS = object(
  'The image of a Virtual card.',
  {
    virtualCardImageId: nullable(text('The image of the Virtual card.', { minLength: 0, maxLength: 16 })),
    imageSize: integer('Image size as a multiple of 100%: 1 is 100%, 2 is 200%.', { minimum: 1, maximum: 5 }),
  },
  { closed: true },
);

const DYNAMIC_INTERCHANGE = object(
  'Mastercard Wholesale Program: Virtual cards of a program signed up to it only.',
  { feePercentage: nullable(decimal('The interchange fee, in percent: 1.4.')) },
  { closed: true },
);

export const OOB_APP_URL = nullable(
  text('The URL of the app 3-D Secure sends the cardholder to (out-of-band), for this card.', {
    minLength: 0,
    maxLength: 2048,
    format: 'uri',
  }),
);

/**
 * Create Card's OpenAPI `CreateCardRequest` (55760796702). Where its field table (55745048864) disagrees
 * (freeText1 spelling, 1..50 lengths, lower-case card types) the OpenAPI wins. Not in the schema, because
 * Thredd answers 422 and not 400 for it: `fulfilment` on a Virtual card (release notes 15 Sep 2023).
 */
export const CREATE_CARD_REQUEST = {
  ...object(
    'A new card.',
    {
      cardType: text('Physical, Virtual, or MasterVirtual (a master virtual card).', { enum: CARD_TYPES }),
      cardProduct: integer('The card product the card is of: a productId from GET /products.'),
      designId: DESIGN_ID,
      url: nullable(text('A QR code or delivery id, passed to the card manufacturer.', { minLength: 0, maxLength: 100 })),
      customerReference: nullable(
        text("Your own reference for the card or customer: your key, not Thredd's.", { minLength: 0, maxLength: 25 }),
      ),
      parentCard: PARENT_CARD,
      cardHolder: NEW_CARDHOLDER,
      address: CARDHOLDER_ADDRESS,
      fulfilment: describedAs(
        FULFILMENT_ADDRESS,
        'Where to deliver a Physical card, when not to address. A Virtual card with one is refused (422).',
      ),
      nameOnCard: nullable(text('The name embossed on the card. Required for Physical cards.', { minLength: 0, maxLength: 26 })),
      expiryDate: nullable(text('An expiry date to give the card and emboss on it, YYYY-MM.', { pattern: YEAR_MONTH_PATTERN })),
      freetext1: nullable(text('Free text for the card manufacturer.', { minLength: 0, maxLength: 50 })),
      freetext2: nullable(text('More free text for the card manufacturer.', { minLength: 0, maxLength: 50 })),
      virtualCardImageDetails: VIRTUAL_CARD_IMAGE_DETAILS,
      manufacturingDetails: MANUFACTURING_DETAILS,
      activateNow: nullable(boolean('Activate the card as it is created. Defaults to false for Physical cards, true for Virtual ones.')),
      isSingleUse: nullable(boolean('The card allows a single spend.')),
      isNonReloadable: nullable(boolean('The card can be loaded once only.')),
      language3ds: nullable(text('Language of 3-D Secure screens, as a BCP 47 tag: en-GB.')),
      oobAppUrl: OOB_APP_URL,
      dynamicInterchange: DYNAMIC_INTERCHANGE,
    },
    { required: ['cardType', 'cardProduct', 'cardHolder', 'address'], closed: true },
  ),
  // The OpenAPI says so in nameOnCard's description only, not in `required`; we enforce it, as a 400.
  if: { properties: { cardType: { const: 'Physical' } }, required: ['cardType'] },
  then: { properties: { nameOnCard: { type: 'string' } }, required: ['nameOnCard'] },
};

/**
 * The OpenAPI's `CreateCardResponse`: every member a string that may be null, no others. The patterns are ours
 * (cardFields.ts), the published schema has none.
 */
export const CREATE_CARD_RESPONSE = object(
  'The card created.',
  {
    publicToken: nullable(PUBLIC_TOKEN),
    customerReference: nullable(text('Your reference, as sent.')),
    embossName: nullable(text('The name embossed on the card.')),
    maskedPan: nullable(MASKED_PAN),
    startDate: nullable(answeredDate('The first day the card is valid')),
    expiryDate: nullable(answeredDate('The last day the card is valid')),
  },
  { closed: true },
);
