import { PRODUCT, PRODUCT_SUMMARY_LIST } from '../schemas/products';
import { problem } from '../schemas/problemDetails';
import { answers, defineOperation, json } from './shared';

// Getting Product Data (cardsapidocs docs/getting-product-data, read as 55785247451) documents only the 200s;
// the 404 for a product that is not yours is our reading. Reads need cards.read (Connecting guide v1.1).
const PRODUCT_SOURCES = ['55785247451', '56072140502', '55625022659'];

export const listProducts = defineOperation({
  id: 'products.list',
  method: 'GET',
  path: '/products',
  summary: 'Lists the card products your program can issue cards of, with the id Create Card takes as cardProduct.',
  scope: 'cards.read',
  idempotencyKey: false,
  sources: PRODUCT_SOURCES,
  responses: answers({ 200: { description: 'The products.', body: json(PRODUCT_SUMMARY_LIST) } }, {}),
  examples: [
    {
      id: 'products',
      summary: 'The products of a program: a prepaid and a debit product for Physical cards, and one for Virtual cards.',
      request: {},
      response: {
        status: 200,
        body: [
          { productID: 1001, productName: 'Sandbox Prepaid GBP', accountCode: '01', schemeName: 'SANDBOX MASTERCARD', currencyCode: 'GBP' },
          { productID: 1002, productName: 'Sandbox Debit EUR', accountCode: '02', schemeName: 'SANDBOX VISA', currencyCode: 'EUR' },
          { productID: 1003, productName: 'Sandbox Virtual USD', accountCode: '01', schemeName: 'SANDBOX MASTERCARD', currencyCode: 'USD' },
        ],
      },
    },
  ],
});

export const getProduct = defineOperation({
  id: 'products.get',
  method: 'GET',
  path: '/products/{productId}',
  summary: "Reads one card product's set-up: scheme, currency, fee and usage groups, 3-D Secure.",
  scope: 'cards.read',
  idempotencyKey: false,
  sources: PRODUCT_SOURCES,
  parameters: [
    { name: 'productId', in: 'path', description: 'The product id, from GET /products.', required: true, schema: { type: 'integer' } },
  ],
  responses: answers(
    { 200: { description: 'The product.', body: json(PRODUCT) } },
    { 400: 'The product id is not a number.', 404: 'Your program has no product with this id.' },
  ),
  examples: [
    {
      id: 'product',
      summary: 'A prepaid GBP product whose 3-D Secure goes through Apata.',
      // Products are fixed, not made by a test as cards are: the id is sent as it is.
      request: { pathParams: { productId: '1001' }, literalPathParams: true },
      response: {
        status: 200,
        body: {
          supportedCredentialTypesCsv: null,
          supportedCredentialTypes: [],
          defaultCredentialTypeId: null,
          fallbackCredentialTypeId: null,
          productId: 1001,
          accountCode: '01',
          schemeId: 510,
          schemeName: 'SANDBOX MASTERCARD',
          currencyCode: 'GBP',
          groupFeeTranCode: '',
          groupFeeMasterCode: '',
          groupFeeWebCode: '',
          groupMCCCode: '',
          groupUsageCode: 'SBX-USAGE-01',
          ehiMode: 3,
          supplier3DS: '4',
          supplier3DSName: null,
          supplier3DSVersion: 'Apata',
          fraudManagement: 0,
          cardDefaultIsSingleUse: null,
          cardDefaultIsNonReloadable: null,
          fraudNotificationMethod: 0,
          config3dSecure: {
            language: 'en-GB',
            apata: {
              cardProgramId: 'sbx-program-01',
              challengeProfileId: 'sbx-challenge-01',
              kbaNumberOfQuestionsToAnswer: 0,
              kbaNumberOfIncorrectPermissible: 0,
            },
          },
        },
      },
    },
    {
      id: 'unknown-product',
      summary: 'A product id your program does not have.',
      request: { pathParams: { productId: '999999' }, literalPathParams: true },
      response: { status: 404, body: problem(404, 'No product with id 999999 was found.') },
    },
  ],
});
