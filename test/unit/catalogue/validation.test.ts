import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OPERATIONS, operationById } from '../../../src/core/catalogue';
import {
  compileSchema,
  validateAgainst,
  validateParameters,
  validateRequestBody,
  validateResponseBody,
} from '../../../src/core/catalogue/validation';

const createCard = operationById('cards.create');
const physicalCard = createCard.examples.find((example) => example.id === 'physical-card')!.request.body as Record<string, unknown>;
const withChanges = (changes: Record<string, unknown>) => ({ ...physicalCard, ...changes });

describe("validating against the catalogue's schemas", () => {
  it("compiles every schema in ajv's strict mode", () => {
    let schemas = 0;
    for (const operation of OPERATIONS) {
      if (operation.requestBody) compileSchema(operation.requestBody.schema);
      for (const response of Object.values(operation.responses)) if (response.body) compileSchema(response.body.schema);
      schemas += Object.values(operation.responses).filter((response) => response.body).length + (operation.requestBody ? 1 : 0);
    }
    assert.ok(schemas > 30);
  });

  it('refuses schemas strict mode finds fault with: OpenAPI keywords, a required member never defined', () => {
    assert.throws(() => compileSchema({ type: 'string', example: 'x' }), /unknown keyword: "example"/);
    assert.throws(() => compileSchema({ type: 'object', required: ['name'] }), /required property "name" is not defined/);
    // The designId pattern as .NET publishes it is not a JavaScript regular expression with the u flag.
    assert.throws(() => compileSchema({ type: 'string', pattern: '^[\\w]+[\\w-\\s]*$' }), /Invalid regular expression/);
  });

  it("keys errors by the field's path, as ASP.NET does, with a sentence for each", () => {
    const errors = validateRequestBody(createCard, {
      ...withChanges({ cardType: 'Plastic', cardProduct: '1001', oobAppUrl: 'not a link', expiryDate: '2027-13' }),
      cardHolder: { firstName: 'A'.repeat(31), lastName: 7, dateOfBirth: '' },
      address: { addressLine1: '1 Road', postCode: 'X1', country: 'GB', flat: '2' },
      virtualCardImageDetails: { imageSize: 9 },
    });
    assert.deepEqual(errors, {
      cardType: ['The cardType field must be one of Physical, Virtual, MasterVirtual.'],
      cardProduct: ['The cardProduct field must be an integer.'],
      'cardHolder.firstName': ['The field firstName must be a string with a maximum length of 30.'],
      'cardHolder.lastName': ['The lastName field must be a string.'],
      'cardHolder.dateOfBirth': ['The field dateOfBirth must be a string with a minimum length of 1.'],
      'address.flat': ['The flat field is not known here.'],
      'address.country': ['The field country must be a string with a minimum length of 3 and a maximum length of 3.'],
      expiryDate: ["The field expiryDate must match the regular expression '^[0-9]{4}-(0[1-9]|1[0-2])$'."],
      'virtualCardImageDetails.imageSize': ['The field imageSize must be between 1 and 5.'],
      oobAppUrl: ['The oobAppUrl field is not a valid absolute URI.'],
    });
  });

  it('accepts what the published schema allows: null for nullable members, a design name with blanks and dashes', () => {
    assert.equal(
      validateRequestBody(createCard, withChanges({ designId: 'Classic Blue-2', customerReference: null, manufacturingDetails: null })),
      undefined,
    );
    assert.deepEqual(Object.keys(validateRequestBody(createCard, withChanges({ designId: '-Blue' })) ?? {}), ['designId']);
    assert.deepEqual(Object.keys(validateRequestBody(createCard, withChanges({ cardHolder: null })) ?? {}), ['cardHolder']);
  });

  it('requires the name on the card for Physical cards only', () => {
    const virtual = createCard.examples.find((example) => example.id === 'virtual-card')!.request.body;
    assert.equal(validateRequestBody(createCard, virtual), undefined);
    assert.deepEqual(validateRequestBody(createCard, withChanges({ nameOnCard: null })), {
      nameOnCard: ['The nameOnCard field must be a string.'],
    });
  });

  it('names the first of two alternatives when neither is sent, and keys array items by index', () => {
    assert.deepEqual(validateRequestBody(operationById('cards.status.update'), {}), {
      cardStatusCode: ['The cardStatusCode field is required when status is not sent.'],
    });
    assert.equal(validateRequestBody(operationById('cards.status.update'), { status: 'Active' }), undefined);
    const groups = operationById('groups.list').examples[0].response.body as { groups: unknown[] }[];
    const broken = [groups[0], { ...groups[1], groups: [{ id: 'x', code: 'C', description: 'D' }] }];
    assert.deepEqual(validateResponseBody(operationById('groups.list'), 200, broken), {
      '[1].groups[0].id': ['The id field must be an integer.'],
    });
  });

  it('words errors of the body itself under the empty key', () => {
    assert.deepEqual(validateRequestBody(createCard, ['not', 'an', 'object']), { '': ['The body must be an object.'] });
    assert.equal(validateRequestBody(operationById('cards.get'), { ignored: true }), undefined, 'an operation without a body checks none');
  });

  it('checks an answer against the schema of its status, and that bodies come where documented', () => {
    const update = operationById('cards.update');
    assert.equal(validateResponseBody(update, 204, undefined), undefined);
    assert.deepEqual(validateResponseBody(update, 204, {}), { '': ['A 204 of cards.update has no body.'] });
    assert.deepEqual(validateResponseBody(update, 404, undefined), { '': ['A 404 of cards.update has a body.'] });
    assert.match(validateResponseBody(update, 200, {})?.[''][0] ?? '', /^cards\.update does not answer 200; it answers 204, 400, 401/);
    assert.equal(validateResponseBody(update, 401, undefined), undefined);
    assert.deepEqual(validateResponseBody(createCard, '200', { publicToken: '12ab' }), {
      publicToken: ["The field publicToken must match the regular expression '^[0-9]{9,10}$'."],
    });
  });

  it("reads a problem's traceId as a W3C traceparent, as both published examples are", () => {
    const notFound = (traceId: string) => validateResponseBody(operationById('cards.get'), 404, { status: 404, traceId });
    assert.equal(notFound('00-9228fab9562d2f4f821cc6511b121faa-7c5a55c30acf1d48-00'), undefined);
    assert.equal(notFound('00-bc13ff2ac4c2ab2f22a41dc766f5da25-65dac3d72a71615e-00'), undefined);
    const malformedIds = [
      '0HMVD8D2Q4K1F:00000001',
      '00-9228FAB9562D2F4F821CC6511B121FAA-7c5a55c30acf1d48-00',
      '00-9228fab9-7c5a55c30acf1d48-00',
    ];
    for (const malformed of malformedIds) {
      assert.deepEqual(Object.keys(notFound(malformed) ?? {}), ['traceId'], malformed);
    }
  });

  it('reads path and query parameters as the types their schemas name', () => {
    const single = operationById('transactions.get');
    assert.equal(validateParameters(single, 'path', { transactionId: '7100000001' }), undefined);
    assert.deepEqual(validateParameters(single, 'path', { transactionId: 'abc' }), {
      transactionId: ['The transactionId field must be an integer.'],
    });
    assert.deepEqual(validateParameters(single, 'path', {}), { transactionId: ['The transactionId field is required.'] });
    const list = operationById('cards.transactions.list');
    assert.equal(validateParameters(list, 'query', {}), undefined, 'the dates are optional');
    assert.equal(validateParameters(list, 'query', { fromDate: '20250301', page: '2' }), undefined, 'other query parameters pass');
    assert.deepEqual(Object.keys(validateParameters(list, 'query', { toDate: '20251301' }) ?? {}), ['toDate']);
  });

  it('validates against a schema of its own too', () => {
    assert.equal(validateAgainst({ type: 'integer', minimum: 1 }, 3), undefined);
    assert.deepEqual(validateAgainst({ type: 'integer', minimum: 1, description: 'A count.' }, 0), {
      '': ['The body must be at least 1.'],
    });
  });
});
