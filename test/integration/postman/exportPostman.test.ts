import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { runCli } from '../../../src/cli/main';
import { COLLECTION_SCHEMA_V21 } from '../../../src/core/postman/export';
import { COLLECTION_V21_SCHEMA } from '../../unit/postman/collectionV21Schema';

let dir: string;

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['export', 'postman', ...argv], {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    env,
    cwd: dir,
  });
  return { code, stdout, stderr };
}

function write(name: string, text: string): string {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const read = (name: string): Json => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const requestsOf = (items: Json[]): Json[] => items.flatMap((item) => (item.item ? requestsOf(item.item) : [item]));

const CARDS = [
  '@cardName = Jane Doe',
  '@apiKey = sk-live-123456',
  '@token = {{$processEnv THREDD_TOKEN}}',
  '',
  '# folder: Create',
  '### Create a card',
  '# @name create',
  '# @expect status 201',
  '# @expect body $.id exists',
  'POST {{baseUrl}}/cards?product=1&ref={{$guid}}',
  'Content-Type: application/json',
  'X-Api-Key: {{apiKey}}',
  '',
  '{"name": "{{cardName}}", "client_secret": "s3cr3t-literal"}',
  '',
  '# folder: Read',
  '###',
  '# @name read',
  'GET {{baseUrl}}/cards/{{create.response.body.$.id}}',
  'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.literal',
  '',
  '###',
  '# @no-auth',
  'GET https://status.example.test:8443/health',
].join('\n');

const FORMS = [
  'POST {{baseUrl}}/oauth/token',
  'Content-Type: application/x-www-form-urlencoded',
  '',
  'grant_type=client_credentials&client_id=abc&client_secret=plain-secret&scope=a%20b',
  '',
  '###',
  'POST {{baseUrl}}/upload',
  'Content-Type: multipart/form-data; boundary=XYZ',
  '',
  '--XYZ',
  'Content-Disposition: form-data; name="note"',
  '',
  'hello',
  '--XYZ',
  'Content-Disposition: form-data; name="doc"; filename="doc.pdf"',
  'Content-Type: application/pdf',
  '',
  '< ./doc.pdf',
  '--XYZ--',
  '',
  '###',
  'PUT {{baseUrl}}/raw',
  'Content-Type: application/xml',
  '',
  '<card id="1"/>',
  '',
  '###',
  'POST {{baseUrl}}/file',
  'Content-Type: application/octet-stream',
  '',
  '< ./payload.bin',
].join('\n');

describe('thredd export postman', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-export-'));
    write('requests/cards.thredd', CARDS);
    write('requests/forms.thredd', FORMS);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a v2.1 collection that the v2.1 schema accepts: one folder per file, sections as sub-folders, in file order', async () => {
    const { code, stdout, stderr } = await cli(['requests/cards.thredd', 'requests/forms.thredd', '--out', 'out/collection.json']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Wrote out\/collection\.json: 7 requests in 2 folder\(s\)\./);
    const collection = read('out/collection.json');
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const valid = ajv.validate(COLLECTION_V21_SCHEMA, collection);
    assert.ok(valid, JSON.stringify(ajv.errors, null, 2));
    assert.equal(collection.info.schema, COLLECTION_SCHEMA_V21);
    assert.equal(collection.info.name, 'collection');
    assert.deepEqual(
      collection.item.map((folder: Json) => [folder.name, folder.item.map((item: Json) => item.name)]),
      [
        ['cards', ['Create', 'Read']],
        ['forms', ['POST {{baseUrl}}/oauth/token', 'POST {{baseUrl}}/upload', 'PUT {{baseUrl}}/raw', 'POST {{baseUrl}}/file']],
      ],
    );
    assert.deepEqual(
      collection.item[0].item[1].item.map((item: Json) => item.name),
      ['read', 'GET https://status.example.test:8443/health'],
    );
  });

  it('keeps method, URL (raw and parsed), headers, @name, raw body language, and maps @expect status and @no-auth', () => {
    const [create, readCard, health] = requestsOf(read('out/collection.json').item[0].item);
    assert.equal(create.name, 'create');
    assert.equal(create.description, 'Create a card');
    assert.equal(create.request.method, 'POST');
    assert.deepEqual(create.request.url, {
      raw: '{{baseUrl}}/cards?product=1&ref={{$guid}}',
      host: ['{{baseUrl}}'],
      path: ['cards'],
      query: [
        { key: 'product', value: '1' },
        { key: 'ref', value: '{{$guid}}' },
      ],
    });
    assert.deepEqual(create.request.header, [
      { key: 'Content-Type', value: 'application/json', type: 'text' },
      { key: 'X-Api-Key', value: '{{apiKey}}', type: 'text' },
    ]);
    assert.deepEqual(create.request.body.options, { raw: { language: 'json' } });
    const test = create.event.find((event: Json) => event.listen === 'test').script.exec.join('\n');
    assert.match(test, /pm\.response\.to\.have\.status\(201\);/);
    assert.match(test, /\/\/ @expect body \$\.id exists \(not translated: check it by hand\)/);
    assert.match(test, /pm\.collectionVariables\.set\("create\.response\.body\.\$\.id", pm\.response\.json\(\)\.id\);/);
    assert.equal(readCard.request.url.raw, '{{baseUrl}}/cards/{{create.response.body.$.id}}');
    assert.deepEqual(health.request.auth, { type: 'noauth' });
    assert.deepEqual(health.request.url, {
      raw: 'https://status.example.test:8443/health',
      protocol: 'https',
      host: ['status', 'example', 'test'],
      port: '8443',
      path: ['health'],
    });
    const collection = read('out/collection.json');
    assert.deepEqual(collection.auth, { type: 'bearer', bearer: [{ key: 'token', value: '{{accessToken}}', type: 'string' }] });
  });

  it('writes urlencoded, formdata (files as src), raw XML and file bodies', () => {
    const [token, upload, raw, file] = requestsOf(read('out/collection.json').item[1].item);
    assert.equal(token.request.body.mode, 'urlencoded');
    assert.deepEqual(
      token.request.body.urlencoded.map((field: Json) => [field.key, field.value]),
      [
        ['grant_type', 'client_credentials'],
        ['client_id', 'abc'],
        ['client_secret', '{{client_secret}}'],
        ['scope', 'a b'],
      ],
    );
    assert.deepEqual(upload.request.body, {
      mode: 'formdata',
      formdata: [
        { key: 'note', value: 'hello', type: 'text' },
        { key: 'doc', type: 'file', src: './doc.pdf', contentType: 'application/pdf' },
      ],
    });
    assert.deepEqual(upload.request.header, [], 'Postman writes its own multipart Content-Type');
    assert.deepEqual(raw.request.body, { mode: 'raw', raw: '<card id="1"/>', options: { raw: { language: 'xml' } } });
    assert.deepEqual(file.request.body, { mode: 'file', file: { src: './payload.bin' } });
  });

  it('never writes a secret: secret-named values, literal credentials and environment reads become empty variables', () => {
    const text = fs.readFileSync(path.join(dir, 'out/collection.json'), 'utf8');
    for (const secret of ['sk-live-123456', 's3cr3t-literal', 'eyJhbGciOiJIUzI1NiJ9', 'plain-secret', 'processEnv'])
      assert.ok(!text.includes(secret), secret);
    const collection = read('out/collection.json');
    const variables = Object.fromEntries(collection.variable.map((variable: Json) => [variable.key, variable.value]));
    assert.equal(variables.cardName, 'Jane Doe');
    for (const name of ['apiKey', 'THREDD_TOKEN', 'client_secret', 'authorization', 'accessToken']) assert.equal(variables[name], '', name);
    assert.equal(variables.token, '{{THREDD_TOKEN}}', 'a value that only reads the environment is kept as the variable it reads');
    const [, readCard] = requestsOf(collection.item[0].item);
    assert.deepEqual(readCard.request.header, [{ key: 'Authorization', value: 'Bearer {{authorization}}', type: 'text' }]);
    assert.deepEqual(readCard.request.auth, { type: 'noauth' }, 'its own Authorization header is sent instead of the collection token');
  });

  it('never overwrites without --force, writes nothing for a bad file, and refuses what is not a request file', async () => {
    const before = fs.readFileSync(path.join(dir, 'out/collection.json'), 'utf8');
    const again = await cli(['requests/cards.thredd', '--out', 'out/collection.json']);
    assert.equal(again.code, 1);
    assert.equal(
      again.stderr,
      'thredd: out/collection.json already exists; it was left untouched. Choose another --out file, or pass --force to replace it.\n',
    );
    assert.equal(fs.readFileSync(path.join(dir, 'out/collection.json'), 'utf8'), before);
    const forced = await cli(['requests/cards.thredd', '--out', 'out/collection.json', '--force', '--json']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(JSON.parse(forced.stdout).requests, 3);
    assert.equal(read('out/collection.json').item.length, 1);

    write('requests/empty.thredd', '# nothing here\n');
    const empty = await cli(['requests/cards.thredd', 'requests/empty.thredd', '--out', 'out/none.json']);
    assert.match(empty.stderr, /requests\/empty\.thredd has no requests/);
    assert.equal(fs.existsSync(path.join(dir, 'out/none.json')), false);
    const other = await cli(['thredd.json', '--out', 'out/none.json']);
    assert.match(other.stderr, /thredd\.json is not a request file/);
    const noOut = await cli(['requests/cards.thredd']);
    assert.match(noOut.stderr, /--out/);
  });
});
