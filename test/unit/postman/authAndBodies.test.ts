import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyText, collection, header, importFixture, requestItem } from '../../support/postmanImport';

const get = (name: string, extra: Record<string, unknown> = {}) => requestItem(name, { url: 'https://api.example.com/x', ...extra });
const post = (name: string, body: unknown, extra: Record<string, unknown> = {}) =>
  requestItem(name, { method: 'POST', url: 'https://api.example.com/x', body, ...extra });
const auth = (type: string, params: Record<string, string>) => ({
  type,
  [type]: Object.entries(params).map(([key, value]) => ({ key, value, type: 'string' })),
});

describe('Postman import: auth', () => {
  it('resolves the auth chain collection → folder → request (inherit vs noauth)', async () => {
    const result = await importFixture(
      collection(
        [
          get('Inherits collection'),
          {
            name: 'Folder',
            auth: auth('bearer', { token: 'folder-{{t}}' }),
            item: [
              get('Inherits folder'),
              get('Own noauth', { auth: { type: 'noauth' } }),
              get('Explicit inherit', { auth: { type: 'inherit' } }),
            ],
          },
          { name: 'Open', auth: { type: 'noauth' }, item: [get('Inherits noauth')] },
        ],
        { auth: auth('bearer', { token: 'collection-{{t}}' }), variable: [{ key: 't', value: 'x' }] },
      ),
    );
    assert.equal(header(result.byTitle('Inherits collection'), 'Authorization'), 'Bearer collection-x');
    assert.equal(header(result.byTitle('Inherits folder'), 'Authorization'), 'Bearer folder-x');
    assert.equal(header(result.byTitle('Explicit inherit'), 'Authorization'), 'Bearer folder-x');
    assert.equal(header(result.byTitle('Own noauth'), 'Authorization'), undefined);
    assert.equal(result.byTitle('Own noauth').parsed.metadata.noAuth, true);
    assert.equal(result.byTitle('Inherits noauth').parsed.metadata.noAuth, true);
  });

  it('bearer, basic and API key (header or query) become headers over variables', async () => {
    const result = await importFixture(
      collection(
        [
          get('Bearer', { auth: auth('bearer', { token: '{{token}}' }) }),
          get('Basic', { auth: auth('basic', { username: '{{user}}', password: '{{pass}}' }) }),
          get('Key header', { auth: auth('apikey', { key: 'X-Api-Key', value: '{{key}}', in: 'header' }) }),
          get('Key query', { auth: auth('apikey', { key: 'api_key', value: '{{key}}', in: 'query' }) }),
        ],
        { variable: ['token', 'user', 'pass', 'key'].map((key) => ({ key, value: `${key}-value` })) },
      ),
      { env: { TOKEN: 'token-value', PASS: 'pass-value', KEY: 'key-value' } },
    );
    assert.equal(header(result.byTitle('Bearer'), 'Authorization'), 'Bearer token-value');
    assert.equal(header(result.byTitle('Basic'), 'Authorization'), `Basic ${Buffer.from('user-value:pass-value').toString('base64')}`);
    assert.equal(header(result.byTitle('Key header'), 'X-Api-Key'), 'key-value');
    assert.equal(result.byTitle('Key query').resolved.url, 'https://api.example.com/x?api_key=key-value');
  });

  it('keeps a credential written in the auth itself out of the file, read from the environment', async () => {
    const result = await importFixture(collection([get('Literal', { auth: auth('bearer', { token: 'literal-token-123' }) })]), {
      env: { POSTMAN_BEARER_TOKEN: 'literal-token-123' },
    });
    assert.ok(![...result.texts.values()].some((text) => text.includes('literal-token-123')));
    assert.equal(header(result.byTitle('Literal'), 'Authorization'), 'Bearer literal-token-123');
    assert.deepEqual(result.report.secretVariables, ['POSTMAN_BEARER_TOKEN']);
  });

  it('OAuth2 client credentials becomes an application with a token URL', async () => {
    const oauth = auth('oauth2', {
      grant_type: 'client_credentials',
      accessTokenUrl: '{{authUrl}}/oauth2/token',
      clientId: 'client-1',
      clientSecret: '{{clientSecret}}',
      scope: 'cards.read cards.write',
      client_authentication: 'body',
    });
    const result = await importFixture(
      collection([get('Card')], { auth: oauth, variable: [{ key: 'authUrl', value: 'https://auth.example.com' }] }),
      { env: { CLIENT_SECRET: 's' } },
    );
    const environment = result.config.environments['Test API'];
    assert.equal(environment.tokenUrl, 'https://auth.example.com/oauth2/token');
    const application = result.config.applications[environment.application!];
    assert.equal(application.clientId, 'client-1');
    assert.deepEqual(application.auth, { method: 'client_secret_post', secret: 's' });
    assert.deepEqual(application.scopes, ['cards.read', 'cards.write']);
    assert.equal(header(result.byTitle('Card'), 'Authorization'), undefined, 'the built-in token is added when sent');
    assert.equal(result.byTitle('Card').parsed.metadata.noAuth, false);
  });

  it('writes an environment named after the collection, with the base URL, even without an environment file', async () => {
    const result = await importFixture(
      collection([get('One', { url: '{{baseUrl}}/cards' })], { variable: [{ key: 'baseUrl', value: 'https://api.example.com/v1' }] }),
    );
    assert.deepEqual(Object.keys(result.config.environments), ['Test API']);
    assert.equal(result.config.environments['Test API'].baseUrl, 'https://api.example.com/v1');
    assert.equal(result.config.defaultEnvironment, 'Test API');
  });
});

describe('Postman import: bodies', () => {
  it('raw JSON, XML and text bodies are sent as written, with the Content-Type Postman adds', async () => {
    const json = '{\n  "name": "{{name}}",\n  "n": 1\n}';
    const result = await importFixture(
      collection(
        [
          post('JSON', { mode: 'raw', raw: json, options: { raw: { language: 'json' } } }),
          post('XML', { mode: 'raw', raw: '<a>{{name}}</a>', options: { raw: { language: 'xml' } } }),
          post('Text', { mode: 'raw', raw: 'plain {{name}}' }),
          post('Comment-like', { mode: 'raw', raw: '# not a comment\n// nor this' }),
        ],
        { variable: [{ key: 'name', value: 'Ada' }] },
      ),
    );
    assert.equal(bodyText(result.byTitle('JSON')), json.replace('{{name}}', 'Ada'));
    assert.equal(header(result.byTitle('JSON'), 'Content-Type'), 'application/json');
    assert.equal(bodyText(result.byTitle('XML')), '<a>Ada</a>');
    assert.equal(header(result.byTitle('XML'), 'Content-Type'), 'application/xml');
    assert.equal(header(result.byTitle('Text'), 'Content-Type'), 'text/plain');
    const sideFile = result.byTitle('Comment-like').resolved.body;
    assert.equal(sideFile?.kind, 'file');
    assert.ok(result.texts.get('Test API.bodies/Comment-like.txt')!.startsWith('# not a comment'));
  });

  it('urlencoded bodies are form-encoded, and disabled fields are kept as commented lines', async () => {
    const result = await importFixture(
      collection(
        [
          post('Form', {
            mode: 'urlencoded',
            urlencoded: [
              { key: 'a b', value: 'x&y' },
              { key: 'v', value: '{{v}}' },
              { key: 'off', value: '1', disabled: true },
            ],
          }),
        ],
        { variable: [{ key: 'v', value: 'V' }] },
      ),
    );
    assert.equal(bodyText(result.byTitle('Form')), 'a+b=x%26y&v=V');
    assert.equal(header(result.byTitle('Form'), 'Content-Type'), 'application/x-www-form-urlencoded');
    assert.match(result.texts.get('Test API.thredd')!, /^# disabled body field \(not sent\): off=1$/m);
  });

  it('formdata bodies are multipart, with files sent as "< path"', async () => {
    const result = await importFixture(
      collection([
        post('Upload', {
          mode: 'formdata',
          formdata: [
            { key: 'note', value: 'hello', type: 'text' },
            { key: 'doc', src: './doc.pdf', type: 'file' },
            { key: 'gone', value: 'x', type: 'text', disabled: true },
          ],
        }),
      ]),
    );
    const text = result.texts.get('Test API.thredd')!;
    assert.match(text, /^< \.\/doc\.pdf$/m);
    assert.match(text, /name="note"\n\nhello/);
    assert.match(text, /^# disabled body field \(not sent\): gone=x$/m);
    assert.match(header(result.byTitle('Upload'), 'Content-Type')!, /^multipart\/form-data; boundary=/);
    const body = result.byTitle('Upload').resolved.body;
    assert.equal(body?.kind, 'mixed');
  });

  it('file and graphql bodies', async () => {
    const result = await importFixture(
      collection(
        [
          post('File', { mode: 'file', file: { src: '/data/card.json' } }),
          post('GraphQL', { mode: 'graphql', graphql: { query: 'query { card(id: "{{id}}") { id } }', variables: '{"a": 1}' } }),
        ],
        { variable: [{ key: 'id', value: '7' }] },
      ),
    );
    assert.deepEqual(result.byTitle('File').resolved.body, {
      kind: 'file',
      path: '/data/card.json',
      processVariables: false,
      encoding: undefined,
    });
    assert.deepEqual(JSON.parse(bodyText(result.byTitle('GraphQL'))!), { query: 'query { card(id: "7") { id } }', variables: { a: 1 } });
    assert.equal(header(result.byTitle('GraphQL'), 'Content-Type'), 'application/json');
  });

  it('disabled headers and query parameters are kept as commented lines', async () => {
    const result = await importFixture(
      collection([
        get('One', {
          url: {
            raw: 'https://x.test/a?on=1',
            query: [
              { key: 'on', value: '1' },
              { key: 'off', value: '2', disabled: true },
            ],
          },
          header: [
            { key: 'X-On', value: '1' },
            { key: 'X-Off', value: '2', disabled: true },
          ],
        }),
      ]),
    );
    const text = result.texts.get('Test API.thredd')!;
    assert.match(text, /^# X-Off: 2$/m);
    assert.match(text, /^# disabled query parameter \(not sent\): off=2$/m);
    assert.equal(header(result.byTitle('One'), 'X-Off'), undefined);
    assert.equal(result.byTitle('One').resolved.url, 'https://x.test/a?on=1');
  });
});
