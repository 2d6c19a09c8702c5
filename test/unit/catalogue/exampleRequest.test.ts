import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleRequest, requestNameOf, successExample } from '../../../src/core/catalogue/exampleRequest';
import { matchOperation, OPERATIONS, operationById } from '../../../src/core/catalogue';
import { parseRequestFile, printRequestFile } from '../../../src/core/requestFile';
import { joinedPattern } from '../../support/joinedPattern';

function printed(draft: ReturnType<typeof exampleRequest>): string {
  return printRequestFile({ comments: [], variables: [], directives: [], requests: [draft] });
}

describe('an operation example as a .thredd request', () => {
  it('prints every example of every operation as a request that parses cleanly and matches its operation', () => {
    for (const operation of OPERATIONS) {
      for (const example of operation.examples) {
        const text = printed(exampleRequest(operation, { exampleId: example.id }));
        const parsed = parseRequestFile(text);
        const where = `${operation.id}/${example.id}:\n${text}`;
        assert.deepEqual(
          parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
          [],
          where,
        );
        const [request] = parsed.requests;
        const match = matchOperation(request.method, request.url);
        assert.equal(match.kind === 'found' && match.operation.id, operation.id, where);
        assert.deepEqual(
          request.metadata.expectations.map((expectation) => expectation.text),
          [`status ${example.response.status}`],
          where,
        );
        if (example.request.body === undefined) assert.equal(request.body, undefined, where);
        else assert.deepEqual(JSON.parse(request.body?.kind === 'text' ? request.body.text : ''), example.request.body, where);
        const idempotencyKey = request.headers.find((header) => header.name === 'idempotencyKey');
        assert.equal(idempotencyKey?.value, operation.idempotencyKey ? '{{$guid}}' : undefined, where);
      }
    }
  });

  it('writes a create-card request a newcomer can send as it is', () => {
    const text = printed(exampleRequest(operationById('cards.create')));
    assert.match(
      text,
      joinedPattern(
        /^### .+\n# POST \/cards: cards\.create, scope cards\.write\n# .+\n# @name cardsCreate\n# @expect status 200\n/,
        /POST \{\{baseUrl\}\}\/core\/api\/v1\/cards\n/,
      ),
    );
    assert.match(
      text,
      /\nContent-Type: application\/json\nAccept: application\/json\nidempotencyKey: \{\{\$guid\}\}\n\n\{\n {2}"cardType": /,
    );
  });

  it('leaves path parameters as variables and puts the example query on continuation lines', () => {
    const transactions = operationById('cards.transactions.list');
    const withQuery = transactions.examples.find((example) => example.request.query) ?? successExample(transactions);
    const request = parseRequestFile(printed(exampleRequest(transactions, { exampleId: withQuery.id }))).requests[0];
    assert.match(request.url, /^\{\{baseUrl\}\}\/core\/api\/v1\/cards\/\{\{publicToken\}\}\/transactions/);
    for (const [name, value] of Object.entries(withQuery.request.query ?? {}))
      assert.ok(request.url.includes(`${name}=${value}`), request.url);
    assert.equal(requestNameOf(transactions), 'cardsTransactionsList');
  });

  it('takes another API root, and refuses an example the operation does not have', () => {
    const draft = exampleRequest(operationById('products.list'), { apiRoot: '/api/v1' });
    assert.equal(draft.url, '{{baseUrl}}/api/v1/products');
    assert.throws(() => exampleRequest(operationById('products.list'), { exampleId: 'nope' }), /products\.list has no example "nope"/);
  });
});
