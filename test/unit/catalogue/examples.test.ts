import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BUSINESS_RULE_KEY,
  cardStatusByCode,
  cardStatusDescription,
  OPERATIONS,
  operationById,
  type CatalogueExample,
  type CatalogueOperation,
} from '../../../src/core/catalogue';
import { validateParameters, validateRequestBody, validateResponseBody } from '../../../src/core/catalogue/validation';

const everyExample = OPERATIONS.flatMap((operation) =>
  operation.examples.map((example): [CatalogueOperation, CatalogueExample] => [operation, example]),
);
const named = (operation: CatalogueOperation, example: CatalogueExample) => `${operation.id}/${example.id}`;

/** What a validating server finds wrong with the example's request: its parameters and its body, merged. */
function requestErrors(operation: CatalogueOperation, example: CatalogueExample) {
  const errors = {
    ...validateParameters(operation, 'path', example.request.pathParams ?? {}),
    ...validateParameters(operation, 'query', example.request.query ?? {}),
    ...validateRequestBody(operation, example.request.body),
  };
  return Object.keys(errors).length ? errors : undefined;
}

describe("the catalogue's examples", () => {
  it('send requests that fit their operation whenever the answer is a success', () => {
    const successes = everyExample.filter(([, example]) => example.response.status < 300);
    assert.ok(successes.length >= OPERATIONS.length);
    for (const [operation, example] of successes) assert.equal(requestErrors(operation, example), undefined, named(operation, example));
  });

  it('answer with bodies that fit the schema their operation documents for the status', () => {
    for (const [operation, example] of everyExample) {
      assert.equal(validateResponseBody(operation, example.response.status, example.response.body), undefined, named(operation, example));
    }
  });

  it('answer a 400 with exactly the field errors validation finds in the request', () => {
    const refusals = everyExample.filter(([, example]) => example.response.status === 400);
    assert.ok(refusals.length >= 4);
    for (const [operation, example] of refusals) {
      assert.deepEqual(requestErrors(operation, example), (example.response.body as { errors: unknown }).errors, named(operation, example));
    }
  });

  it('refuse a cardholder without a date of birth with that field alone', () => {
    const operation = operationById('cards.create');
    const example = operation.examples.find((item) => item.id === 'missing-date-of-birth');
    assert.ok(example);
    assert.deepEqual(Object.keys(validateRequestBody(operation, example.request.body) ?? {}), ['cardHolder.dateOfBirth']);
    assert.deepEqual((example.response.body as { errors: unknown }).errors, {
      'cardHolder.dateOfBirth': ['The dateOfBirth field is required.'],
    });
  });

  it('break business rules (422) and miss resources (404) with requests that are well formed', () => {
    const rules = everyExample.filter(([, example]) => example.response.status === 422 || example.response.status === 404);
    assert.ok(rules.some(([, example]) => example.response.status === 422) && rules.some(([, example]) => example.response.status === 404));
    for (const [operation, example] of rules) {
      assert.equal(requestErrors(operation, example), undefined, named(operation, example));
      if (example.response.status === 422)
        assert.deepEqual(Object.keys((example.response.body as { errors: object }).errors), [BUSINESS_RULE_KEY]);
    }
  });

  it('cover the documented rules: fulfilment on a Virtual card, and changing a permanent status', () => {
    const find = (id: string, exampleId: string) => operationById(id as never).examples.find((example) => example.id === exampleId);
    for (const id of ['cards.create', 'cards.update']) assert.equal(find(id, 'virtual-card-with-fulfilment')?.response.status, 422, id);
    const stolen = find('cards.status.update', 'permanent-status');
    assert.deepEqual([stolen?.given?.cardStatusCode, stolen?.response.status], ['43', 422]);
    assert.equal(cardStatusByCode('43')?.permanent, true);
  });

  it('send the path parameters of a 404 as they are, and substitutable ones otherwise', () => {
    for (const [operation, example] of everyExample) {
      if (example.response.status === 404) assert.equal(example.request.literalPathParams, true, named(operation, example));
    }
  });

  it('show card statuses as the status code table words them', () => {
    const bodies = everyExample
      .map(([, example]) => example.response.body)
      .filter((body): body is Record<string, unknown> => !!body && typeof body === 'object');
    const withStatus = bodies.filter((body) => typeof body.cardStatusCode === 'string');
    assert.ok(withStatus.length >= 3);
    for (const body of withStatus) {
      const status = cardStatusByCode(String(body.cardStatusCode));
      assert.ok(status, String(body.cardStatusCode));
      assert.equal(body.status, status.status);
      if ('cardStatusDescription' in body) assert.equal(body.cardStatusDescription, cardStatusDescription(status));
    }
    for (const [operation, example] of everyExample) {
      if (example.given?.cardStatusCode) assert.ok(cardStatusByCode(example.given.cardStatusCode), named(operation, example));
    }
  });
});
