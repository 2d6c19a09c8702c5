import { CLIENT_SETTABLE_CARD_STATUS_CODES } from '../cardStatusCodes';
import { object, text } from './build';
import { YEAR_MONTH_PATTERN } from './cardFields';

const STATUS_CODE = text('The status code: two characters, 00 active, 02 inactive, G1 to G4 blocks (Card Status Codes).', {
  pattern: '^[0-9A-Z]{2}$',
});

/** The status members Retrieve Card and Retrieve Card Status share (reconstructed from 55946515147, 55784324717). */
export const CARD_STATUS_FIELDS = {
  status: text('The status in words: Active, Inactive.'),
  cardStatusCode: STATUS_CODE,
  cardStatusDescription: text('The code and its words: "00 (Active)".'),
};

export const CARD_STATUS = object("The card's current status.", CARD_STATUS_FIELDS, {
  required: ['status', 'cardStatusCode', 'cardStatusDescription'],
});

/**
 * Update Card Status's request, from its field table (update-card-status-field-descriptions); no OpenAPI is
 * published. The table types cardStatusCode as "Integer", but its values are two characters ("00", "G1"): a
 * string. It needs cardStatusCode or status. Which codes may be set, and from which, is a business rule
 * (cardStatusCodes.ts), answered 422, so the code is not an enum here: the editor offers the settable ones.
 */
export const STATUS_CHANGE_REQUEST = {
  ...object(
    'The status to give the card.',
    {
      cardStatusCode: text('The new status code. Send it or status.', {
        minLength: 2,
        maxLength: 2,
        examples: CLIENT_SETTABLE_CARD_STATUS_CODES,
      }),
      status: text('The new status in words (Active). Send it or cardStatusCode.', { minLength: 0, maxLength: 255 }),
      updatedBy: text("Who makes the change, for the card's status history.", { minLength: 0, maxLength: 1000 }),
      description: text('Why the status changes.', { minLength: 0, maxLength: 1000 }),
      validityDate: text('Until when the card is valid, YYYY-MM.', { minLength: 0, maxLength: 7, pattern: YEAR_MONTH_PATTERN }),
    },
    { closed: true },
  ),
  anyOf: [
    { properties: { cardStatusCode: { type: 'string' } }, required: ['cardStatusCode'] },
    { properties: { status: { type: 'string' } }, required: ['status'] },
  ],
};

/**
 * Update Card Status's answer (reconstructed from 55946515147). `updated` is yyyy-MM-dd in the examples though
 * the field table says DD-MM-YYYY; `description` is Thredd's account of the change, not the one sent, and says
 * so when the card already had the status (still a 200).
 */
export const STATUS_CHANGE_RESPONSE = object(
  'The status the card now has.',
  {
    status: CARD_STATUS_FIELDS.status,
    cardStatusCode: STATUS_CODE,
    updated: text('When the status changed, yyyy-MM-dd.'),
    updatedBy: text('Who changed it; "Updated by not supplied" when the request did not say.'),
    description: text('What Thredd did: the change made, or that the card already had the status.'),
  },
  { required: ['status', 'cardStatusCode', 'updated', 'updatedBy', 'description'] },
);
