import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bareReference, isOnlyReference } from '../../../src/core/postman/references';
import { collection, header, importFixture, requestItem } from '../../support/postmanImport';

const get = (name: string, url: string, extra: Record<string, unknown> = {}) => requestItem(name, { url, ...extra });

describe('Postman import: files and names', () => {
  it('folders become files and deep folders keep their path in the file name', async () => {
    const result = await importFixture(
      collection([
        get('Root request', 'https://api.example.com/root'),
        {
          name: 'Cards',
          item: [
            get('List cards', 'https://api.example.com/cards'),
            { name: 'Blocks', item: [{ name: 'Deep', item: [get('Block', 'https://api.example.com/block')] }] },
          ],
        },
      ]),
    );
    assert.deepEqual(result.report.files, ['Test API.thredd', 'Cards.thredd', 'Cards - Blocks - Deep.thredd']);
    assert.equal(result.byTitle('Block').file, 'Cards - Blocks - Deep.thredd');
    assert.equal(result.byTitle('List cards').resolved.url, 'https://api.example.com/cards');
  });

  it('keeps request names, handling duplicates and unsafe characters', async () => {
    const result = await importFixture(
      collection([
        {
          name: 'A/B: <weird>?',
          item: [get('Get #1 card?', 'https://x.test/1'), get('Get #1 card?', 'https://x.test/2'), get('Ünïcode name', 'https://x.test/3')],
        },
        { name: 'a-b_ _weird_', item: [get('other', 'https://x.test/4')] },
        { name: 'a_b_ _weird__', item: [get('clash', 'https://x.test/5')] },
      ]),
    );
    assert.deepEqual(result.report.files, ['A_B_ _weird__.thredd', 'a-b_ _weird_.thredd', 'a_b_ _weird__ (2).thredd']);
    const titles = result.requests.map((request) => request.title);
    assert.deepEqual(titles.slice(0, 3), ['Get #1 card?', 'Get #1 card?', 'Ünïcode name']);
    const names = result.requests.slice(0, 3).map((request) => request.parsed.name);
    assert.deepEqual(names, ['Get_1_card', 'Get_1_card_2', 'n_code_name']);
  });

  it('preserves request order within each file', async () => {
    const names = ['Zeta', 'Alpha', 'Mid', 'Beta'];
    const result = await importFixture(collection(names.map((name) => get(name, `https://x.test/${name}`))));
    assert.deepEqual(
      result.requests.map((request) => request.title),
      names,
    );
  });
});

describe('Postman import: variables', () => {
  it('collection, folder and request variables become file variables', async () => {
    const result = await importFixture(
      collection(
        [
          {
            name: 'Folder',
            variable: [{ key: 'folderVar', value: 'f' }],
            item: [get('One', '{{baseUrl}}/{{folderVar}}/{{requestVar}}', {}), get('Two', '{{baseUrl}}/{{requestVar}}')],
          },
        ],
        { variable: [{ key: 'baseUrl', value: 'https://api.example.com' }] },
      ),
    );
    const text = result.texts.get('Folder.thredd')!;
    assert.match(text, /^@baseUrl = https:\/\/api.example.com$/m);
    assert.match(text, /^@folderVar = f$/m);
    // request-level variables are in the item's `variable` (v2.1)
    const withRequestVariables = await importFixture(
      collection([
        { ...get('One', 'https://x.test/{{requestVar}}'), variable: [{ key: 'requestVar', value: 'r1' }] },
        { ...get('Two', 'https://x.test/{{requestVar}}'), variable: [{ key: 'requestVar', value: 'r2' }] },
      ]),
    );
    assert.equal(withRequestVariables.byTitle('One').resolved.url, 'https://x.test/r1');
    assert.equal(withRequestVariables.byTitle('Two').resolved.url, 'https://x.test/r2');
  });

  it('environment values go into thredd.json variables, where they win over collection variables as in Postman', async () => {
    const result = await importFixture(
      collection([get('One', '{{host}}/{{region}}/{{onlyCollection}}')], {
        variable: [
          { key: 'region', value: 'collection' },
          { key: 'onlyCollection', value: 'c' },
        ],
      }),
      {
        environments: [
          {
            name: 'UAT',
            values: [
              { key: 'host', value: 'https://uat.example.com', enabled: true },
              { key: 'region', value: 'env', enabled: true },
            ],
          },
        ],
      },
    );
    assert.deepEqual(result.config.environments.UAT.variables, { host: 'https://uat.example.com', region: 'env' });
    assert.equal(result.byTitle('One').resolved.url, 'https://uat.example.com/env/c');
  });

  it('Postman secret values become ${env:NAME} references and are never written in plain text', async () => {
    const secret = 'S3cr3t-value-never-written';
    const result = await importFixture(
      collection([get('One', 'https://x.test/?k={{apiSecret}}&c={{collectionSecret}}')], {
        variable: [{ key: 'collectionSecret', value: secret + 'c', type: 'secret' }],
      }),
      {
        environments: [{ name: 'UAT', values: [{ key: 'apiSecret', value: secret, type: 'secret', enabled: true }] }],
        env: { API_SECRET: secret, COLLECTION_SECRET: secret + 'c' },
      },
    );
    for (const [file, text] of result.texts) assert.ok(!text.includes(secret), `${file} holds the secret`);
    assert.ok(!JSON.stringify(result.report).includes(secret));
    assert.match(result.texts.get('thredd.json')!, /"apiSecret": "\$\{env:API_SECRET\}"/);
    assert.deepEqual(result.report.secretVariables, ['API_SECRET', 'COLLECTION_SECRET']);
    assert.equal(result.byTitle('One').resolved.url, `https://x.test/?k=${secret}&c=${secret}c`);
  });

  it('reports a variable whose value spans several lines, which a file variable cannot hold as it is', async () => {
    const result = await importFixture(
      collection([get('One', 'https://x.test/{{multi}}')], { variable: [{ key: 'multi', value: 'a\nb' }] }),
    );
    assert.match(result.texts.get('Test API.thredd')!, /^@multi = a b$/m);
    assert.ok(result.report.notes.some((note) => /"multi" spans several lines/.test(note.message)));
  });

  it('unresolved runtime variables stay as {{name}}', async () => {
    const result = await importFixture(collection([get('One', 'https://x.test/{{setAtRunTime}}')]));
    assert.match(result.texts.get('Test API.thredd')!, /GET https:\/\/x.test\/\{\{setAtRunTime\}\}/);
    assert.deepEqual(result.byTitle('One').unresolved, ['setAtRunTime']);
  });

  it('path variables (:id) become {{id}} with their values as file variables', async () => {
    const result = await importFixture(
      collection([
        get('Card', {
          raw: 'https://x.test/cards/:id/limits/:kind',
          variable: [
            { key: 'id', value: '123' },
            { key: 'kind', value: 'daily' },
          ],
        } as never),
        get('Other card', { raw: 'https://x.test/cards/:id', variable: [{ key: 'id', value: '456' }] } as never),
      ]),
    );
    assert.match(result.texts.get('Test API.thredd')!, /GET https:\/\/x.test\/cards\/\{\{id\}\}\/limits\/\{\{kind\}\}/);
    assert.equal(result.byTitle('Card').resolved.url, 'https://x.test/cards/123/limits/daily');
    assert.equal(result.byTitle('Other card').resolved.url, 'https://x.test/cards/456');
  });

  it('dynamic variables map to system variables and none becomes empty', async () => {
    const names = [
      '$guid',
      '$timestamp',
      '$isoTimestamp',
      '$randomInt',
      '$randomUUID',
      '$randomEmail',
      '$randomFirstName',
      '$randomAlphaNumeric',
      '$randomBoolean',
      '$randomPrice',
    ];
    const result = await importFixture(
      collection([get('One', `https://x.test/?${names.map((name, index) => `v${index}={{${name}}}`).join('&')}`)]),
    );
    const url = new URL(result.byTitle('One').resolved.url);
    assert.deepEqual(result.byTitle('One').unresolved, []);
    names.forEach((name, index) => assert.ok(url.searchParams.get(`v${index}`), `${name} is empty`));
    assert.match(url.searchParams.get('v0')!, /^[0-9a-f-]{36}$/);
    assert.match(url.searchParams.get('v1')!, /^\d{10}$/);
    assert.ok(Number(url.searchParams.get('v3')) >= 0 && Number(url.searchParams.get('v3')) <= 1000);
    assert.match(url.searchParams.get('v5')!, /@example\.com$/);
  });

  it('keeps header values of runtime variables intact', async () => {
    const result = await importFixture(collection([get('One', 'https://x.test/', { header: [{ key: 'X-Trace', value: '{{$guid}}' }] })]));
    assert.match(header(result.byTitle('One'), 'X-Trace')!, /^[0-9a-f-]{36}$/);
  });
});

describe('Postman references: a value that is only {{…}}', () => {
  it('isOnlyReference takes one {{…}} with anything inside, blank too, and nothing around it', () => {
    for (const text of ['{{a}}', '{{ a b }}', '{{}}', '{{$processEnv X}}']) assert.ok(isOnlyReference(text), text);
    for (const text of [' {{a}}', '{{a}} ', 'x{{a}}', '{{a}}{{b}}', '{{a}', '{{{a}}}', 'Bearer {{a}}', '']) {
      assert.equal(isOnlyReference(text), false, text);
    }
  });

  it('bareReference gives the trimmed name, for text trimmed first, and nothing for a blank name', () => {
    assert.equal(bareReference('  {{ token }}\n'), 'token');
    assert.equal(bareReference('{{a b}}'), 'a b');
    assert.equal(bareReference('{{}}'), undefined);
    assert.equal(bareReference('{{a}}{{b}}'), undefined);
    assert.equal(bareReference('x {{a}}'), undefined);
  });
});
