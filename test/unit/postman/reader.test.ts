import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCollection, readEnvironment, type PostmanRequest } from '../../../src/core/postman';
import { isUserError } from '../../../src/core/errors/userError';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const V21_NEW = 'https://schema.postman.com/collection/json/v2.1.0/draft-07/collection.json';
const V20 = 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json';

const read = (value: unknown) => readCollection(JSON.stringify(value), 'c.json').collection;
const firstRequest = (value: unknown) => read(value).items[0] as PostmanRequest;
const withRequest = (request: unknown, schema = V21) => ({ info: { name: 'C', schema }, item: [{ name: 'R', request }] });

function refuses(text: string, message: RegExp): void {
  assert.throws(
    () => readCollection(text, 'bad.json'),
    (error) => isUserError(error) && message.test(error.message) && error.message.includes('bad.json'),
  );
}

describe('Postman reader', () => {
  it('reads v2.0 and v2.1 with either schema URL form', () => {
    assert.equal(read(withRequest('https://x.test', V20)).schemaVersion, '2.0.0');
    assert.equal(read(withRequest('https://x.test', V21)).schemaVersion, '2.1.0');
    assert.equal(read(withRequest('https://x.test', V21_NEW)).schemaVersion, '2.1.0');
  });

  it('reads a collection inside the {collection: …} envelope', () => {
    assert.equal(read({ collection: withRequest('https://x.test') }).name, 'C');
  });

  it('reads URLs as strings, and as objects with or without raw', () => {
    assert.equal(firstRequest(withRequest({ url: 'https://x.test/a' })).url.raw, 'https://x.test/a');
    assert.equal(firstRequest(withRequest({ url: { raw: 'https://x.test/b?q=1' } })).url.raw, 'https://x.test/b?q=1');
    const rebuilt = {
      protocol: 'https',
      host: ['api', 'x', 'test'],
      port: '8443',
      path: ['v1', ':id'],
      query: [
        { key: 'a', value: '1' },
        { key: 'b', value: '2', disabled: true },
      ],
    };
    assert.equal(firstRequest(withRequest({ url: rebuilt })).url.raw, 'https://api.x.test:8443/v1/:id?a=1');
    assert.equal(firstRequest(withRequest('https://x.test/c')).url.raw, 'https://x.test/c', 'v2 lets request be just its URL');
  });

  it('reads descriptions as strings or objects, headers given as a string, and variables keyed by id', () => {
    const value = {
      info: { name: 'C', schema: V20, description: { content: 'Object description', type: 'text/markdown' } },
      variable: [{ id: 'baseUrl', value: 'https://x.test' }],
      item: [
        {
          name: 'R',
          request: { url: 'https://x.test', header: 'Accept: application/json\nX-Two: 2\n//X-Off: 3', description: 'String description' },
        },
      ],
    };
    const collection = read(value);
    assert.equal(collection.description, 'Object description');
    assert.deepEqual(
      collection.variables.map((variable) => [variable.key, variable.value]),
      [['baseUrl', 'https://x.test']],
    );
    const request = collection.items[0] as PostmanRequest;
    assert.equal(request.description, 'String description');
    assert.deepEqual(
      request.headers.map((item) => [item.key, item.value, item.disabled]),
      [
        ['Accept', 'application/json', false],
        ['X-Two', '2', false],
        ['X-Off', '3', true],
      ],
    );
  });

  it('reads Postman environment files, secrets and disabled values included', () => {
    const environment = readEnvironment(
      JSON.stringify({
        name: 'UAT',
        values: [
          { key: 'a', value: '1', enabled: true },
          { key: 's', value: 'x', type: 'secret', enabled: true },
          { key: 'off', value: '0', enabled: false },
        ],
      }),
      'e.json',
    );
    assert.equal(environment.name, 'UAT');
    assert.deepEqual(
      environment.values.map((item) => [item.key, item.secret, item.disabled]),
      [
        ['a', false, false],
        ['s', true, false],
        ['off', false, true],
      ],
    );
  });

  it('refuses v1 collections', () =>
    refuses(JSON.stringify({ id: 'x', name: 'Old', order: [], requests: [{ id: 'r' }] }), /v1 collection/));
  it('refuses Postman v3 YAML', () => refuses('$kind: collection\nname: New\n', /YAML/));
  it('refuses text that is not JSON', () => refuses('hello world', /not JSON/));
  it('refuses truncated files, naming the line and column', () =>
    refuses('{\n  "info": {\n    "name": "C"', /bad\.json:3:\d+: ends before its JSON is complete/));
  it('refuses JSON syntax errors with their line and column', () =>
    refuses('{\n  "info": {,\n  "item": []\n}', /bad\.json:2:12: is not valid JSON/));
  it('refuses JSON that is not a collection', () => refuses('{"hello": 1}', /not a Postman collection/));
  it('refuses an environment given as the collection', () => refuses('{"name": "e", "values": []}', /environment, not a collection/));
});
