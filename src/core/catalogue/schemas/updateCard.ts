import { UPDATED_ADDRESS, UPDATED_FULFILMENT_ADDRESS } from './address';
import { boolean, integer, nullable, object, text } from './build';
import { UPDATED_CARDHOLDER } from './cardHolder';
import { DESIGN_ID, EMBOSS_LINE_4, OOB_APP_URL, PARENT_CARD, THERMAL_LINE_1, THERMAL_LINE_2 } from './createCard';

const LANGUAGE_3DS = nullable(
  text("Language of 3-D Secure screens, as a BCP 47 tag: en-GB, fr-FR. The product's when left out.", { minLength: 0, maxLength: 20 }),
);

const APATA_CONFIG = object(
  'Card-level settings for the Apata 3-D Secure service.',
  {
    cardProgramId: nullable(text('The Apata card program.', { minLength: 0, maxLength: 255 })),
    challengeProfileId: nullable(text('The Apata challenge profile.', { minLength: 0, maxLength: 255 })),
    kbaNumberOfQuestionsToAnswer: nullable(integer('How many knowledge-based questions the cardholder must answer.')),
    kbaNumberOfIncorrectPermissible: nullable(integer('How many wrong answers are allowed.')),
  },
  { closed: true },
);

/**
 * Update Card's request, from its field table (55876816429); no OpenAPI is published. Only the fields being
 * changed are sent, and an empty value erases the stored one (55964493538). Readings where pages disagree:
 * - the delivery address is `fulfilment`, as in Create and Retrieve Card; the update page's example spells it
 *   `fulfillment` once, which we take for a typo, so that key is refused like any unknown field;
 * - objects are closed (`additionalProperties: false`) like every object in Thredd's OpenAPI;
 * - optional fields may be null, as in Create Card's OpenAPI.
 * A Virtual card with `fulfilment` is a business rule, answered 422, so it is not in the schema.
 */
export const UPDATE_CARD_REQUEST = object(
  'The changes to a card: only the fields to change.',
  {
    customerReference: nullable(text('Your own reference for the card or customer.', { minLength: 0, maxLength: 25 })),
    language3ds: LANGUAGE_3DS,
    designId: DESIGN_ID,
    parentCard: PARENT_CARD,
    freetext1: nullable(text('Free text for the card manufacturer.', { minLength: 1, maxLength: 50 })),
    freetext2: nullable(text('More free text for the card manufacturer.', { minLength: 1, maxLength: 50 })),
    updatedBy: nullable(text("Who makes the change, for the card's history.", { minLength: 0, maxLength: 100 })),
    networkSharingOptOut: nullable(boolean("Keep the card out of the networks' card updater services (VAU, ABU).")),
    url: nullable(text('A QR code or delivery id, passed to the card manufacturer.', { minLength: 0, maxLength: 100 })),
    oobAppUrl: OOB_APP_URL,
    cardHolder: UPDATED_CARDHOLDER,
    address: UPDATED_ADDRESS,
    fulfilment: UPDATED_FULFILMENT_ADDRESS,
    nameOnCard: nullable(text('The name embossed on the card.', { minLength: 0, maxLength: 26 })),
    manufacturingDetails: object(
      'New printing lines for a Physical card.',
      { thermalLine1: THERMAL_LINE_1, thermalLine2: THERMAL_LINE_2, embossLine4: EMBOSS_LINE_4 },
      { closed: true },
    ),
    config3dSecure: object('Card-level 3-D Secure settings.', { language3ds: LANGUAGE_3DS, apataConfig: APATA_CONFIG }, { closed: true }),
  },
  { closed: true },
);
