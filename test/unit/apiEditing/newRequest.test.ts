import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newRequestText, OPERATIONS, operationById, operationGroups } from '../../../src/core/apiEditing';
import { parseRequestFile } from '../../../src/core/requestFile';

describe('New Request from API', () => {
  it('groups every catalogue operation once by resource, in catalogue order, as method and path, id and summary', () => {
    const groups = operationGroups();
    assert.deepEqual(
      groups.map((group) => group.resource),
      ['Products', 'Cards', 'Transactions', 'Groups'],
    );
    assert.deepEqual(
      groups.flatMap((group) => group.picks.map((pick) => pick.operationId)).sort(),
      OPERATIONS.map((operation) => operation.id).sort(),
    );
    assert.deepEqual(groups[1].picks[0], {
      operationId: 'cards.create',
      label: 'POST /cards',
      description: 'cards.create',
      detail: operationById('cards.create').summary,
    });
  });

  it('appends the example request after a blank line, whatever the file ends with, so it parses as one more request', () => {
    const existing = '### Products\nGET {{baseUrl}}/core/api/v1/products';
    for (const ending of ['', '\n', '\n\n']) {
      const text = existing + ending + newRequestText(existing + ending, operationById('cards.create'));
      assert.match(text, /\/products\n\n### /);
      const parsed = parseRequestFile(text);
      assert.equal(parsed.requests.length, 2);
      const created = parsed.requests[1];
      assert.equal(created.url, '{{baseUrl}}/core/api/v1/cards');
      assert.deepEqual(
        created.metadata.expectations.map((expectation) => expectation.text),
        ['status 200'],
      );
      assert.deepEqual(
        JSON.parse(created.body?.kind === 'text' ? created.body.text : ''),
        operationById('cards.create').examples[0].request.body,
      );
    }
  });

  it('writes into an empty file from its first line, with the example and API root asked for', () => {
    const text = newRequestText('', operationById('cards.create'), { exampleId: 'virtual-card', apiRoot: '' });
    assert.match(text, /^### .+\n/);
    const [request] = parseRequestFile(text).requests;
    assert.equal(request.url, '{{baseUrl}}/cards');
    assert.match(request.body?.kind === 'text' ? request.body.text : '', /"cardType": "Virtual"/);
  });
});
