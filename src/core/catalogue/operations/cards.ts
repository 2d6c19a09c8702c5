import { CARD } from '../schemas/card';
import { BUSINESS_RULE_KEY, validationProblem } from '../schemas/problemDetails';
import { UPDATE_CARD_REQUEST } from '../schemas/updateCard';
import {
  answers,
  cardReadAnswers,
  defineOperation,
  json,
  MALFORMED_REQUEST,
  PUBLIC_TOKEN_PARAMETER,
  UNKNOWN_CARD,
  unknownCardExample,
  VIRTUAL_CARD_FULFILMENT,
} from './shared';

const EXAMPLE_TOKEN = { publicToken: '402718355' };
const blank = { addressLine2: '', addressLine3: '', state: '', county: '' };

/** Retrieve a Card (55784324717): no OpenAPI; the answer's schema is reconstructed (schemas/card.ts). */
export const getCard = defineOperation({
  id: 'cards.get',
  method: 'GET',
  path: '/cards/{publicToken}',
  summary: 'Reads a card by its public token: status, balance, cardholder, addresses, product and control groups.',
  scope: 'cards.read',
  idempotencyKey: false,
  sources: ['55784324717', '56072140502', '55942593559', '55944549387'],
  parameters: [PUBLIC_TOKEN_PARAMETER],
  responses: cardReadAnswers('The card.', CARD),
  examples: [
    {
      id: 'card',
      summary: 'The Physical card created in the cards.create example, not yet activated.',
      request: { pathParams: EXAMPLE_TOKEN },
      response: {
        status: 200,
        body: {
          cardType: 'Physical',
          publicToken: '402718355',
          status: 'Inactive',
          cardStatusCode: '02',
          cardStatusDescription: '02 (Inactive)',
          balance: { currencyCode: 'GBP', cardBalance: 0, pendingAmount: 0, availableBalance: 0 },
          cardDetails: {
            customerReference: 'CUST-0042',
            fullNameOnCard: 'AMARA OKAFOR',
            maskedPan: '531610******4821',
            startDate: '2025-03-01',
            expiryDate: '2028-03-31',
            clearPan: null,
            cvv: null,
            activationDate: null,
            gpsExpiryDate: '2028-03-31',
          },
          cardHolder: {
            title: 'Ms',
            firstName: 'Amara',
            middleName: '',
            lastName: 'Okafor',
            dateOfBirth: '1988-07-14',
            mobile: '07700900123',
            email: 'amara.okafor@example.com',
          },
          cardProduct: {
            scheme: 'SANDBOX MASTERCARD',
            product: 1001,
            productShortName: 'SBXPREPAID',
            productName: 'Sandbox Prepaid GBP',
            ehiMode: 3,
            networkId: 0,
          },
          controlGroups: {
            limitsGroup: 2001,
            usageGroup: 2002,
            recurringFeeGroup: null,
            webServiceFeeGroup: null,
            authFeeGroup: null,
            mccGroup: null,
            cardLinkageGroup: null,
            calendarGroup: null,
            fxGroup: null,
            paymentTokenUsageGroup: null,
            cardAcceptorAllowList: null,
            cardAcceptorDisallowList: null,
            limitedNetworkGroup: null,
          },
          '3DS': [],
          designId: 'Classic Blue',
          childCards: [],
          siblingCards: [],
          address: {
            ...blank,
            addressLine1: '14 Harbour Street',
            addressLine2: 'Flat 3',
            city: 'Bristol',
            postCode: 'BS1 4RN',
            country: '826',
          },
          fulfilment: { ...blank, addressLine1: '2 Quay Lane', city: 'Bristol', postCode: 'BS1 5TT', country: '826' },
          freetext1: null,
          freetext2: null,
          isSingleUse: false,
          isNonReloadable: false,
          networkSharingOptOut: false,
          cardAcceptorIds: { allowCardAcceptors: [], disallowCardAcceptors: [] },
          language3ds: 'en-GB',
          programManagerID: 501,
          programManagerCode: 'SBX',
          oobAppUrl: null,
          isMultiFx: false,
          isMfxPrimary: false,
        },
      },
    },
    unknownCardExample(),
  ],
});

/**
 * Update a Card (55964493538, field table 55876816429): a PATCH answered 204 without a body. No idempotency:
 * What is Idempotency? (55909453213) exempts "the PUT Update Card endpoint", and we read that as this call,
 * the only card update there is (it is a PATCH on every other page); PUT …/status keeps its idempotency.
 */
export const updateCard = defineOperation({
  id: 'cards.update',
  method: 'PATCH',
  path: '/cards/{publicToken}',
  summary: "Changes a card's details (cardholder, addresses, references, design): only the fields sent change.",
  scope: 'cards.write',
  idempotencyKey: false,
  sources: ['55964493538', '55876816429', '56089262592', '55677846941', '55909453213'],
  parameters: [PUBLIC_TOKEN_PARAMETER],
  requestBody: json(UPDATE_CARD_REQUEST),
  responses: answers(
    { 204: { description: 'The card was changed; there is no body.' } },
    {
      400: MALFORMED_REQUEST,
      404: UNKNOWN_CARD,
      422: 'The change breaks a rule: fulfilment on a Virtual card, a name still too long once cleaned.',
    },
  ),
  examples: [
    {
      id: 'new-address',
      summary: "The cardholder moved: a new address, the card's other details unchanged.",
      request: {
        pathParams: EXAMPLE_TOKEN,
        body: { address: { addressLine1: '21 Canal Walk', city: 'Bristol', postCode: 'BS2 0JX', country: 'GBR' } },
      },
      response: { status: 204 },
    },
    {
      id: 'new-cardholder-name',
      summary: 'The cardholder changed name; title, names and date of birth go together, and who made the change is noted.',
      request: {
        pathParams: EXAMPLE_TOKEN,
        body: {
          cardHolder: { title: 'Dr', firstName: 'Amara', lastName: "O'Neill-Okafor", dateOfBirth: '1988-07-14' },
          updatedBy: 'support-agent-7',
        },
      },
      response: { status: 204 },
    },
    {
      id: 'misspelt-fulfilment',
      summary: 'The delivery address is fulfilment; fulfillment is an unknown field and refused.',
      request: { pathParams: EXAMPLE_TOKEN, body: { fulfillment: { addressLine1: '2 Quay Lane', postCode: 'BS1 5TT', country: 'GBR' } } },
      response: { status: 400, body: validationProblem(400, { fulfillment: ['The fulfillment field is not known here.'] }) },
    },
    {
      id: 'virtual-card-with-fulfilment',
      summary: 'A Virtual card is never delivered: giving it a delivery address breaks a rule.',
      given: { cardType: 'Virtual' },
      request: {
        pathParams: { publicToken: '402718356' },
        body: { fulfilment: { addressLine1: '2 Quay Lane', postCode: 'BS1 5TT', country: 'GBR' } },
      },
      response: { status: 422, body: validationProblem(422, { [BUSINESS_RULE_KEY]: [VIRTUAL_CARD_FULFILMENT] }) },
    },
    unknownCardExample({ customerReference: 'CUST-0099' }),
  ],
});
