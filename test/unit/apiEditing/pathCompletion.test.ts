import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiRootFor, inBody, operationOf, pathCompletions, pathSiteOf, requestForLine } from '../../../src/core/apiEditing';
import { requestText } from './requestText';

describe('the catalogue on a request line', () => {
  it('knows where a path is completed: after the method, or after {{baseUrl}} with a path begun or not', () => {
    assert.deepEqual(pathSiteOf('GET '), { method: 'GET', from: 4, afterBaseUrl: false });
    assert.deepEqual(pathSiteOf('post {{baseUrl}}'), { method: 'POST', from: 16, afterBaseUrl: true });
    assert.deepEqual(pathSiteOf('PUT {{ baseUrl }}/core/api/v1/ca'), { method: 'PUT', from: 17, afterBaseUrl: true });
    assert.equal(pathSiteOf('GET https://uat-api.thredd.com/'), undefined, 'a URL of its own is left alone');
    assert.equal(pathSiteOf('Accept: '), undefined);
    assert.equal(pathSiteOf('FETCH '), undefined, 'not a method');
  });

  it('offers the operations of the method under the API root, with path parameters as {{variable}} placeholders', () => {
    const gets = pathCompletions({ method: 'GET', from: 4, afterBaseUrl: false }, '/core/api/v1');
    assert.deepEqual(
      gets.map((path) => path.text),
      [
        '{{baseUrl}}/core/api/v1/products',
        '{{baseUrl}}/core/api/v1/products/{{productId}}',
        '{{baseUrl}}/core/api/v1/cards/{{publicToken}}',
        '{{baseUrl}}/core/api/v1/cards/{{publicToken}}/status',
        '{{baseUrl}}/core/api/v1/cards/{{publicToken}}/balance',
        '{{baseUrl}}/core/api/v1/cards/{{publicToken}}/transactions',
        '{{baseUrl}}/core/api/v1/portal/transactions/single/{{transactionId}}',
        '{{baseUrl}}/core/api/v1/groups',
      ],
    );
    const [status] = pathCompletions({ method: 'PUT', from: 15, afterBaseUrl: true }, '/api/v1');
    assert.equal(status.operation.id, 'cards.status.update');
    assert.deepEqual(status.parts, [{ text: '/api/v1' }, { text: '/cards/' }, { parameter: 'publicToken' }, { text: '/status' }]);
  });

  it("uses no root when the base URL ends with one, else the root the file uses most, else API Hub's", () => {
    const cardsApi = requestText([
      'GET {{baseUrl}}/api/v1/products',
      '###',
      'GET {{baseUrl}}/api/v1/groups',
      '###',
      'GET {{baseUrl}}/core/api/v1/groups',
    ]);
    assert.equal(apiRootFor(cardsApi.parsed), '/api/v1');
    assert.equal(apiRootFor(cardsApi.parsed, 'https://api.uat.threddpay.com/api/v1/'), '');
    assert.equal(apiRootFor(requestText(['GET https://example.test/']).parsed, 'https://127.0.0.1:8443'), '/core/api/v1');
  });

  it('tells which operation a request calls and which request a line belongs to, body lines below it included', () => {
    const lines = [
      'GET {{baseUrl}}/core/api/v1/cards/402718355/balance',
      '',
      '###',
      'PATCH {{baseUrl}}/api/v1/cards/1',
      '',
      '{',
      '',
      '',
      '###',
    ];
    const { parsed } = requestText(lines);
    assert.equal(operationOf(parsed.requests[0])?.id, 'cards.balance');
    assert.equal(operationOf(parsed.requests[1])?.id, 'cards.update');
    assert.equal(operationOf({ method: 'DELETE', url: '{{baseUrl}}/core/api/v1/cards/1' }), undefined);
    assert.equal(requestForLine(parsed, 1)?.index, 0);
    assert.equal(requestForLine(parsed, 7)?.index, 1);
    assert.equal(inBody(parsed.requests[1], 7), true);
    assert.equal(inBody(parsed.requests[1], 4), false);
    assert.equal(inBody(parsed.requests[0], 1), false, 'no body');
  });
});
