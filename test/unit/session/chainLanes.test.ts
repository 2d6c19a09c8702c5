import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequestFile } from '../../../src/core/requestFile';
import { chainLanes } from '../../../src/core/session';

/** Requests grouped by lane, each lane as the request indexes it holds. */
function lanesOf(text: string): number[][] {
  const lanes = new Map<number, number[]>();
  chainLanes(parseRequestFile(text)).forEach((lane, index) => lanes.set(lane, [...(lanes.get(lane) ?? []), index]));
  return [...lanes.values()];
}

describe('chainLanes', () => {
  it('gives requests that chain nothing a lane each', () => {
    assert.deepEqual(lanesOf('GET https://a.test/1\n###\n# @name two\nGET https://a.test/2\n###\nGET https://a.test/3\n'), [[0], [1], [2]]);
  });

  it('puts a request in the lane of each request it reads, and readers of one response together', () => {
    const text = [
      '# @name create',
      'POST https://a.test/cards',
      '###',
      'GET https://a.test/free',
      '###',
      'GET https://a.test/cards/{{create.response.body.$.id}}',
      '###',
      '# @name token',
      'POST https://a.test/token',
      '###',
      '# @expect header x-card == {{create.response.body.$.id}}',
      'GET https://a.test/check',
      'Authorization: Bearer {{token.response.body.$.access}}',
    ].join('\n');
    assert.deepEqual(lanesOf(text), [[0, 2, 3, 4], [1]]);
  });

  it('follows file variables, also through other file variables, to the requests they read', () => {
    const variables = ['@id = {{create.response.body.$.id}}', '@url = https://a.test/cards/{{id}}', ''];
    const text = [...variables, '# @name create\nPOST https://a.test/cards', 'GET {{url}}', 'GET https://a.test/free'].join('\n###\n');
    assert.deepEqual(lanesOf(text), [[0, 1], [2]]);
  });

  it('puts a request whose body file is templated (<@) in the lane of every named request', () => {
    const requests = [
      '# @name one\nGET https://a.test/1',
      '# @name two\nGET https://a.test/2',
      'POST https://a.test/3\n\n<@ ./body.json',
      'GET https://a.test/4',
      'POST https://a.test/5\n\n< ./raw.bin',
    ];
    const text = requests.join('\n###\n');
    assert.deepEqual(lanesOf(text), [[0, 1, 2], [3], [4]]);
  });

  it('ends the walk at file variables that refer to each other in a cycle', () => {
    const variables = ['@a = {{b}}', '@b = {{a}}{{create.response.body.$.id}}', ''];
    const text = [...variables, '# @name create', 'POST https://a.test/cards', '###', 'GET https://a.test/{{a}}'].join('\n');
    assert.deepEqual(lanesOf(text), [[0, 1]]);
  });
});
