import { IDEMPOTENCY_KEY_HEADER } from '../idempotency';
import { CARD_STATUS, STATUS_CHANGE_REQUEST, STATUS_CHANGE_RESPONSE } from '../schemas/cardStatus';
import { BUSINESS_RULE_KEY, validationProblem } from '../schemas/problemDetails';
import {
  answers,
  cardReadAnswers,
  defineOperation,
  json,
  MALFORMED_REQUEST,
  PUBLIC_TOKEN_PARAMETER,
  UNKNOWN_CARD,
  unknownCardExample,
} from './shared';

const EXAMPLE_TOKEN = { publicToken: '402718355' };
const STATUS_SOURCES = ['55946515147', '55998112309', '55918163823'];

/** Retrieve Card Status (Card Status page, 55946515147); the answer is reconstructed from its example. */
export const getCardStatus = defineOperation({
  id: 'cards.status.get',
  method: 'GET',
  path: '/cards/{publicToken}/status',
  summary: "Reads a card's status code and what it means.",
  scope: 'cards.read',
  idempotencyKey: false,
  sources: STATUS_SOURCES,
  parameters: [PUBLIC_TOKEN_PARAMETER],
  responses: cardReadAnswers('The status.', CARD_STATUS),
  examples: [
    {
      id: 'active-card',
      summary: 'An active card.',
      given: { cardStatusCode: '00' },
      request: { pathParams: EXAMPLE_TOKEN },
      response: { status: 200, body: { status: 'Active', cardStatusCode: '00', cardStatusDescription: '00 (Active)' } },
    },
    unknownCardExample(),
  ],
});

/**
 * Update Card Status (Card Status page; field table update-card-status-field-descriptions). Idempotency applies:
 * the idempotency page's own example is this endpoint (sent there as a PATCH; every other page says PUT). Setting
 * the status the card already has is a 200 that says so. Thredd documents no REST error for a forbidden change;
 * the SOAP service refuses it (action codes 654, 825), and we answer 422, like Thredd's other business rules.
 */
export const updateCardStatus = defineOperation({
  id: 'cards.status.update',
  method: 'PUT',
  path: '/cards/{publicToken}/status',
  summary:
    "Changes a card's status: activate it (00), block it for a while (G1 to G4, 05, 62) or for good (41 lost, 43 stolen, 83 destroyed).",
  scope: 'cards.write',
  idempotencyKey: true,
  sources: [...STATUS_SOURCES, '55909453213'],
  parameters: [PUBLIC_TOKEN_PARAMETER],
  requestBody: json(STATUS_CHANGE_REQUEST),
  responses: answers(
    { 200: { description: 'The card has the status now (or had it already, as description says).', body: json(STATUS_CHANGE_RESPONSE) } },
    {
      400: `${MALFORMED_REQUEST} Also when an ${IDEMPOTENCY_KEY_HEADER} is reused for a different request.`,
      404: UNKNOWN_CARD,
      422: 'The change is not allowed: the card has a permanent status, or the code is not one you may set.',
    },
  ),
  examples: [
    {
      id: 'activate',
      summary: 'Activating a Physical card once the cardholder has it.',
      given: { cardStatusCode: '02' },
      request: { pathParams: EXAMPLE_TOKEN, body: { cardStatusCode: '00' } },
      response: {
        status: 200,
        body: {
          status: 'Active',
          cardStatusCode: '00',
          updated: '2025-03-04',
          updatedBy: 'Updated by not supplied',
          description: 'Card was activated.',
        },
      },
    },
    {
      id: 'temporary-block',
      summary: 'The cardholder froze the card in your app: a short-term block, noted with who and why.',
      given: { cardStatusCode: '00' },
      request: {
        pathParams: EXAMPLE_TOKEN,
        body: { cardStatusCode: 'G1', updatedBy: 'mobile-app', description: 'Frozen by the cardholder in the app' },
      },
      response: {
        status: 200,
        body: {
          status: 'Short-Term Block',
          cardStatusCode: 'G1',
          updated: '2025-03-09',
          updatedBy: 'mobile-app',
          description: 'Card status changed from 00 to G1.',
        },
      },
    },
    {
      id: 'permanent-status',
      summary: 'A stolen card (43) keeps its status: it cannot be activated again.',
      given: { cardStatusCode: '43' },
      request: { pathParams: EXAMPLE_TOKEN, body: { cardStatusCode: '00' } },
      response: {
        status: 422,
        body: validationProblem(422, {
          [BUSINESS_RULE_KEY]: ['The card has the permanent status 43 (Stolen Card) and cannot be changed.'],
        }),
      },
    },
    {
      id: 'thredd-only-status',
      summary: 'Expiry (54) is a status only Thredd sets.',
      given: { cardStatusCode: '00' },
      request: { pathParams: EXAMPLE_TOKEN, body: { cardStatusCode: '54' } },
      response: {
        status: 422,
        body: validationProblem(422, { [BUSINESS_RULE_KEY]: ['Status 54 (Expired Card) is set by Thredd, not by a client.'] }),
      },
    },
    {
      id: 'no-status',
      summary: 'A change must name the status, by code or in words.',
      request: { pathParams: EXAMPLE_TOKEN, body: { description: 'Blocked after a call' } },
      response: {
        status: 400,
        body: validationProblem(400, { cardStatusCode: ['The cardStatusCode field is required when status is not sent.'] }),
      },
    },
    unknownCardExample({ cardStatusCode: '00' }),
  ],
});
