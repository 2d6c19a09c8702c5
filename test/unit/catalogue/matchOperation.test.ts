import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchOperation, type CatalogueOperation, type OperationMatch } from '../../../src/core/catalogue';

/** The operation id and parameters of a match, or its kind. */
function summary(match: OperationMatch): unknown {
  if (match.kind === 'found') return { id: match.operation.id, params: match.params, apiRoot: match.apiRoot };
  return match;
}

describe('matching a request to a catalogue operation', () => {
  it('strips either API root, on a path or a full URL', () => {
    assert.deepEqual(summary(matchOperation('GET', '/core/api/v1/products')), { id: 'products.list', params: {}, apiRoot: '/core/api/v1' });
    assert.deepEqual(summary(matchOperation('GET', '/api/v1/products')), { id: 'products.list', params: {}, apiRoot: '/api/v1' });
    assert.deepEqual(summary(matchOperation('POST', 'https://uat-mtls.thredd.com/core/api/v1/cards')), {
      id: 'cards.create',
      params: {},
      apiRoot: '/core/api/v1',
    });
    assert.deepEqual(summary(matchOperation('GET', 'https://api.uat.threddpay.com/api/v1/cards/123456789')), {
      id: 'cards.get',
      params: { publicToken: '123456789' },
      apiRoot: '/api/v1',
    });
    assert.deepEqual(summary(matchOperation('GET', 'https://127.0.0.1:8444/core/api/v1/cards/42')), {
      id: 'cards.get',
      params: { publicToken: '42' },
      apiRoot: '/core/api/v1',
    });
  });

  it('takes a request file URL that still starts with its {{baseUrl}}, with or without the root after it', () => {
    assert.deepEqual(summary(matchOperation('PATCH', '{{baseUrl}}/core/api/v1/cards/{{createCard.response.body.$.id}}')), {
      id: 'cards.update',
      params: { publicToken: '{{createCard.response.body.$.id}}' },
      apiRoot: '/core/api/v1',
    });
    // The Cards API's base URL ends in /api/v1, so the path after the variable may be root-relative.
    assert.deepEqual(summary(matchOperation('GET', '{{baseUrl}}/products')), { id: 'products.list', params: {}, apiRoot: undefined });
  });

  it('ignores trailing slashes, query strings and fragments, and decodes percent-escapes', () => {
    assert.deepEqual(summary(matchOperation('GET', '/core/api/v1/products/')), {
      id: 'products.list',
      params: {},
      apiRoot: '/core/api/v1',
    });
    assert.deepEqual(summary(matchOperation('GET', 'https://uat-api.thredd.com/core/api/v1/products?page=2&size=10#top')), {
      id: 'products.list',
      params: {},
      apiRoot: '/core/api/v1',
    });
    assert.deepEqual(summary(matchOperation('GET', '/core/api/v1/cards/12%2034?expand=all')), {
      id: 'cards.get',
      params: { publicToken: '12 34' },
      apiRoot: '/core/api/v1',
    });
    assert.deepEqual(
      summary(matchOperation('get', '/core/api/v1/cards/1/')),
      { id: 'cards.get', params: { publicToken: '1' }, apiRoot: '/core/api/v1' },
      'the method in any case',
    );
  });

  it('tells a path with another method (and which it allows) from an unknown path', () => {
    assert.deepEqual(matchOperation('DELETE', '/core/api/v1/cards/1'), { kind: 'wrong-method', allowed: ['GET', 'PATCH'] });
    assert.deepEqual(matchOperation('PUT', 'https://uat-mtls.thredd.com/api/v1/cards'), { kind: 'wrong-method', allowed: ['POST'] });
    assert.deepEqual(matchOperation('GET', '/core/api/v1/cards/1/balance-of-nothing'), { kind: 'none' });
    assert.deepEqual(matchOperation('GET', '/core/api/v2/products'), { kind: 'none' }, 'another version is not the API root');
    assert.deepEqual(matchOperation('GET', '/products'), { kind: 'none' }, 'a host path without a root is not an operation');
    assert.deepEqual(matchOperation('GET', 'https://uat-api.thredd.com/products'), { kind: 'none' });
    assert.deepEqual(matchOperation('GET', '/core/api/v1x/products'), { kind: 'none' }, 'roots match whole segments');
    assert.deepEqual(matchOperation('GET', '/core/api/v1/cards/%E0%A4%A'), { kind: 'none' }, 'a malformed escape matches nothing');
    assert.deepEqual(matchOperation('GET', 'https://[bad'), { kind: 'none' }, 'an unparsable URL matches nothing');
  });

  it("finds each of the catalogue's operations, card sub-resources and the single transaction included", () => {
    const found = (method: string, target: string) => summary(matchOperation(method, target));
    const product = { id: 'products.get', params: { productId: '1001' }, apiRoot: '/core/api/v1' };
    assert.deepEqual(found('GET', '/core/api/v1/products/1001'), product);
    const status = { id: 'cards.status.update', params: { publicToken: '402718355' }, apiRoot: '/api/v1' };
    assert.deepEqual(found('PUT', '/api/v1/cards/402718355/status'), status);
    assert.deepEqual(found('GET', '{{baseUrl}}/cards/{{token}}/transactions?fromDate=20250301'), {
      id: 'cards.transactions.list',
      params: { publicToken: '{{token}}' },
      apiRoot: undefined,
    });
    assert.deepEqual(found('GET', '/api/v1/portal/transactions/single/7100000001'), {
      id: 'transactions.get',
      params: { transactionId: '7100000001' },
      apiRoot: '/api/v1',
    });
    assert.deepEqual(matchOperation('PATCH', '/core/api/v1/cards/1/status'), { kind: 'wrong-method', allowed: ['GET', 'PUT'] });
  });

  it('matches against the operations it is given', () => {
    const balance: CatalogueOperation = {
      id: 'cards.balance',
      method: 'GET',
      path: '/cards/{publicToken}/balance',
      summary: "A card's balance.",
      scope: 'cards.read',
      idempotencyKey: false,
      sources: [],
      responses: {},
      examples: [],
    };
    assert.deepEqual(summary(matchOperation('GET', '/api/v1/cards/7/balance', [balance])), {
      id: 'cards.balance',
      params: { publicToken: '7' },
      apiRoot: '/api/v1',
    });
    assert.deepEqual(matchOperation('GET', '/api/v1/cards/7', [balance]), { kind: 'none' });
  });
});
