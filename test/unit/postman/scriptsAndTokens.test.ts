import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translateScript } from '../../../src/core/postman';
import { collection, generateTokenItem, header, importFixture, requestItem, testScript } from '../../support/postmanImport';

const test = (...lines: string[]) => translateScript({ listen: 'test', lines });

describe('Postman import: scripts', () => {
  it('pm.response.to.have.status(N) becomes # @expect status N', () => {
    assert.deepEqual(test('pm.test("ok", function () {', '  pm.response.to.have.status(201);', '});').statuses, [201]);
    assert.deepEqual(test('pm.response.to.have.status(200)').statuses, [200]);
  });

  it('pm.expect(pm.response.code).to.eql(N) becomes # @expect status N', () => {
    const result = test('pm.test("code", () => pm.expect(pm.response.code).to.eql(204));', 'pm.expect(pm.response.code).to.be.equal(200);');
    assert.deepEqual(result.statuses, [204, 200]);
    assert.deepEqual(result.keptLines, []);
  });

  it('legacy tests["…"] = responseCode.code === N becomes # @expect status N', () => {
    assert.deepEqual(test('tests["Status code is 200"] = responseCode.code === 200;').statuses, [200]);
    assert.deepEqual(test("tests['created'] = 201 == responseCode.code;").statuses, [201]);
  });

  it('pm.*.set("x", pm.response.json().a.b) and its jsonData and legacy forms become captures', () => {
    assert.deepEqual(test('pm.environment.set("cardId", pm.response.json().card.id);').captures, [
      { variable: 'cardId', path: '$.card.id' },
    ]);
    assert.deepEqual(
      test('var jsonData = pm.response.json();', 'pm.collectionVariables.set("t", jsonData.items[0]["public-token"]);').captures,
      [{ variable: 't', path: "$.items[0]['public-token']" }],
    );
    assert.deepEqual(test('postman.setEnvironmentVariable("x", JSON.parse(responseBody).a.b);').captures, [
      { variable: 'x', path: '$.a.b' },
    ]);
    assert.deepEqual(test("pm.globals.set('g', pm.response.json().g); pm.variables.set('v', pm.response.json().v)").captures.length, 2);
  });

  it('keeps every other script line, visibly, as a comment marked as not run', () => {
    const result = test(
      'var jsonData = pm.response.json();',
      'pm.response.to.have.status(200);',
      'if (jsonData.ok) {',
      '  postman.setNextRequest("Next");',
      '}',
      '// a comment',
    );
    assert.deepEqual(result.statuses, [200]);
    assert.deepEqual(result.keptLines, [
      'var jsonData = pm.response.json();',
      'if (jsonData.ok) {',
      '  postman.setNextRequest("Next");',
      '}',
      '// a comment',
    ]);
    assert.equal(result.translated, 1);
    assert.equal(result.kept, 1);
  });

  it('does not recognise look-alikes inside conditions or strings', () => {
    const result = test('if (x) { pm.response.to.have.status(200); }', 'console.log("pm.response.to.have.status(500)");');
    assert.deepEqual(result.statuses, []);
    assert.equal(result.keptLines.length, 2);
  });

  it('keeps a script that does not parse whole, as comments', () => {
    const result = test('pm.test("broken", function () {');
    assert.deepEqual(result.keptLines, ['pm.test("broken", function () {']);
    assert.equal(result.kept, 1);
  });

  it('writes translated scripts as # @expect and chained references where the variable is used later', async () => {
    const result = await importFixture(
      collection([
        requestItem(
          'Create card',
          { method: 'POST', url: 'https://x.test/cards' },
          {
            event: [
              testScript(
                'pm.test("ok", function () { pm.response.to.have.status(200); });',
                'var jsonData = pm.response.json();',
                'pm.environment.set("cardId", jsonData.publicToken);',
                'console.log(jsonData);',
              ),
            ],
          },
        ),
        requestItem(
          'Read card',
          { url: 'https://x.test/cards/{{cardId}}' },
          { event: [testScript('tests["ok"] = responseCode.code === 200;')] },
        ),
      ]),
    );
    const text = result.texts.get('Test API.thredd')!;
    assert.match(text, /^# @expect status 200$/m);
    assert.match(text, /^GET https:\/\/x.test\/cards\/\{\{Create_card\.response\.body\.\$\.publicToken\}\}$/m);
    assert.match(
      text,
      /^# Postman test script, NOT RUN by Thredd:\n# {3}var jsonData = pm\.response\.json\(\);\n# {3}console\.log\(jsonData\);$/m,
    );
    assert.deepEqual(result.byTitle('Read card').needs, ['Create_card']);
    assert.deepEqual(
      result.byTitle('Create card').parsed.metadata.expectations.map((item) => item.text),
      ['status 200'],
    );
    assert.equal(result.report.translated, 3);
    assert.equal(result.report.keptAsComments, 1);
  });
});

/** Thredd's legacy collections: Generate Token, then card requests with its Bearer token (thredd-api-facts). */
function threddStyle(fields: Record<string, string>) {
  return collection(
    [
      generateTokenItem(fields),
      {
        name: 'Cards',
        item: [
          requestItem('Get card', {
            url: '{{baseUrl}}/core/api/v1/cards/123',
            header: [{ key: 'Authorization', value: 'Bearer {{access_token}}' }],
          }),
        ],
      },
    ],
    {
      variable: [
        { key: 'baseUrl', value: 'https://uat.example.com' },
        { key: 'tokenUrl', value: 'https://id.example.com/oauth2/token' },
        { key: 'client_id', value: 'client-42' },
      ],
    },
  );
}

describe("Postman import: Thredd's Generate Token pattern", () => {
  it('becomes the environment tokenUrl and a client_secret application; the request is dropped with a note', async () => {
    const result = await importFixture(
      threddStyle({
        grant_type: 'client_credentials',
        client_id: '{{client_id}}',
        client_secret: '{{client_secret}}',
        scope: 'cards.read',
      }),
      { env: { CLIENT_SECRET: 'shh' } },
    );
    const environment = result.config.environments['Test API'];
    assert.equal(environment.tokenUrl, 'https://id.example.com/oauth2/token');
    assert.deepEqual(result.config.applications[environment.application!].auth, { method: 'client_secret_post', secret: 'shh' });
    assert.equal(result.config.applications[environment.application!].clientId, 'client-42');
    assert.deepEqual(
      result.requests.map((request) => request.title),
      ['Get card'],
    );
    assert.equal(header(result.byTitle('Get card'), 'Authorization'), undefined, 'the built-in authentication adds the token');
    assert.equal(result.byTitle('Get card').parsed.metadata.noAuth, false);
    assert.match(result.texts.get('Cards.thredd')!, /^@tokenUrl = https:\/\/id\.example\.com\/oauth2\/token$/m, 'a URL is no secret');
    assert.match(result.report.dropped.find((item) => item.name === 'Generate Token')!.reason, /tokenUrl/);
  });

  it('stays a request, its token a chained value, when its URL has no value thredd.json could hold', async () => {
    const fixture = threddStyle({ grant_type: 'client_credentials', client_id: '{{client_id}}', client_secret: '{{client_secret}}' }) as {
      variable: { key: string }[];
    };
    fixture.variable = fixture.variable.filter((variable) => variable.key !== 'tokenUrl');
    const result = await importFixture(fixture);
    assert.deepEqual(
      result.requests.map((request) => request.title),
      ['Generate Token', 'Get card'],
    );
    assert.equal(result.config.environments['Test API'].tokenUrl, undefined);
  });

  it('with a client assertion, becomes a private_key_jwt application', async () => {
    const result = await importFixture(
      threddStyle({
        grant_type: 'client_credentials',
        client_id: '{{client_id}}',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: '{{assertion}}',
      }),
      { dir: undefined },
    );
    const environment = result.config.environments['Test API'];
    assert.equal(result.config.applications[environment.application!].auth.method, 'private_key_jwt');
  });
});

describe('Postman import: guarded captures', () => {
  it('if (jsonData.id) postman.setEnvironmentVariable("id", jsonData.id) is a capture; another condition is not', () => {
    const guarded = test(
      'var jsonData = JSON.parse(responseBody);',
      'if (jsonData.id) postman.setEnvironmentVariable("quote", jsonData.id);',
    );
    assert.deepEqual(guarded.captures, [{ variable: 'quote', path: '$.id' }]);
    assert.deepEqual(guarded.keptLines, []);
    const other = test(
      'var jsonData = JSON.parse(responseBody);',
      'if (jsonData.ok) postman.setEnvironmentVariable("quote", jsonData.id);',
    );
    assert.deepEqual(other.captures, []);
    assert.equal(other.keptLines.length, 2);
  });
});
