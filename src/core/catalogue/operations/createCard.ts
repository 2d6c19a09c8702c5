import { IDEMPOTENCY_KEY_HEADER } from '../idempotency';
import { CREATE_CARD_REQUEST, CREATE_CARD_RESPONSE } from '../schemas/createCard';
import { BUSINESS_RULE_KEY, validationProblem } from '../schemas/problemDetails';
import { answers, defineOperation, json, MALFORMED_REQUEST, VIRTUAL_CARD_FULFILMENT, without } from './shared';

const physicalCard = {
  cardType: 'Physical',
  cardProduct: 1001,
  customerReference: 'CUST-0042',
  designId: 'Classic Blue',
  nameOnCard: 'AMARA OKAFOR',
  activateNow: false,
  cardHolder: {
    title: 'Ms',
    firstName: 'Amara',
    lastName: 'Okafor',
    dateOfBirth: '1988-07-14',
    mobile: '07700900123',
    email: 'amara.okafor@example.com',
  },
  address: { addressLine1: '14 Harbour Street', addressLine2: 'Flat 3', city: 'Bristol', postCode: 'BS1 4RN', country: 'GBR' },
  fulfilment: { addressLine1: '2 Quay Lane', city: 'Bristol', postCode: 'BS1 5TT', country: 'GBR' },
  manufacturingDetails: {
    deliveryMethod: 'RegisteredMail',
    carrierType: 'SBX-CARRIER-1',
    language: 'EN',
    imageDetails: { imageId: 'SBX-FACE-01' },
  },
};

const virtualCard = {
  cardType: 'Virtual',
  cardProduct: 1003,
  customerReference: 'CUST-0043',
  cardHolder: { firstName: 'Ben', lastName: 'Carter', dateOfBirth: '1990-01-25', email: 'ben.carter@example.com' },
  address: { addressLine1: '8 Mill Road', city: 'Leeds', postCode: 'LS2 7EW', country: 'GBR' },
  virtualCardImageDetails: { virtualCardImageId: 'SBX-VIRT-01', imageSize: 2 },
};

/**
 * Create a Card (55760796702, its OpenAPI; guide 55619354699; release notes). Idempotency applies: the page
 * carries the banner. A card starts inactive (02) unless activateNow says otherwise; a Virtual card starts
 * active (Card Status page 55946515147). The answer is a 200, not a 201.
 */
export const createCard = defineOperation({
  id: 'cards.create',
  method: 'POST',
  path: '/cards',
  summary: 'Creates a card of one of your products for a cardholder, and answers with its public token.',
  scope: 'cards.write',
  idempotencyKey: true,
  sources: ['55760796702', '55619354699', '55745048864', '56089262592', '55677846941', '55946515147'],
  requestBody: json(CREATE_CARD_REQUEST),
  responses: answers(
    { 200: { description: 'The card was created.', body: json(CREATE_CARD_RESPONSE) } },
    {
      400: `${MALFORMED_REQUEST} Also when an ${IDEMPOTENCY_KEY_HEADER} is reused for a different request.`,
      404: 'Something the request refers to was not found: its product, its parent card.',
      422: 'The request breaks a rule: fulfilment on a Virtual card, a name still too long once cleaned.',
    },
  ),
  examples: [
    {
      id: 'physical-card',
      summary: 'A Physical card delivered to another address, sent with an idempotency key so a retry cannot make two.',
      request: { headers: { [IDEMPOTENCY_KEY_HEADER]: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }, body: physicalCard },
      response: {
        status: 200,
        body: {
          publicToken: '402718355',
          customerReference: 'CUST-0042',
          embossName: 'AMARA OKAFOR',
          maskedPan: '531610******4821',
          startDate: '2025-03-01',
          expiryDate: '2028-03-31',
        },
      },
    },
    {
      id: 'virtual-card',
      summary: 'A Virtual card, active at once, with its image at twice the size.',
      request: { body: virtualCard },
      response: {
        status: 200,
        body: {
          publicToken: '402718356',
          customerReference: 'CUST-0043',
          embossName: 'BEN CARTER',
          maskedPan: '531610******7730',
          startDate: '2025-03-01',
          expiryDate: '2028-03-31',
        },
      },
    },
    {
      id: 'missing-date-of-birth',
      summary: 'A cardholder without a date of birth is refused, naming the field.',
      request: { body: { ...physicalCard, cardHolder: without(physicalCard.cardHolder, 'dateOfBirth') } },
      response: { status: 400, body: validationProblem(400, { 'cardHolder.dateOfBirth': ['The dateOfBirth field is required.'] }) },
    },
    {
      id: 'physical-card-without-name',
      summary: 'A Physical card needs the name to emboss.',
      request: { body: without(physicalCard, 'nameOnCard') },
      response: { status: 400, body: validationProblem(400, { nameOnCard: ['The nameOnCard field is required.'] }) },
    },
    {
      id: 'virtual-card-with-fulfilment',
      summary: 'A Virtual card is never delivered, so a fulfilment address breaks a rule (a 422, not a 400).',
      request: { body: { ...virtualCard, fulfilment: physicalCard.fulfilment } },
      response: { status: 422, body: validationProblem(422, { [BUSINESS_RULE_KEY]: [VIRTUAL_CARD_FULFILMENT] }) },
    },
  ],
});
