import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isSecretName, parseRequestFile, resolveRequest, resolveText } from '../../../src/core/requestFile';
import type { ResolveContext, ResolvedRequest, StoredExchange } from '../../../src/core/requestFile';
import { joinedPattern } from '../../support/joinedPattern';

/** Deep equality on the JSON shape: parse results hold compact range objects that serialise to {start, end}. */
const plain = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const same = (actual: unknown, expected: unknown, message?: string) => assert.deepEqual(plain(actual), plain(expected), message);

const uat = {
  name: 'uat',
  baseUrl: 'https://uat-mtls.thredd.com',
  region: '1',
  clientId: 'client-1',
  variables: { productId: '1234', clientSecret: 's3cr3t-value' },
};
const context = (extra: Partial<ResolveContext> = {}): ResolveContext => ({ allowEnv: false, environment: uat, ...extra });

function resolveFirst(text: string, extra: Partial<ResolveContext> = {}) {
  const file = parseRequestFile(text);
  return resolveRequest(file, file.requests[file.requests.length - 1], context(extra));
}

const bodyText = (request: ResolvedRequest) => (request.body?.kind === 'text' ? request.body.text : undefined);

describe('resolver: file and environment variables', () => {
  it('substitutes file variables recursively, then the environment (variables, baseUrl, region, clientId)', () => {
    const { request, unresolved, needs } = resolveFirst(
      '@api = {{baseUrl}}/core/api/v1\n@path = {{api}}/products/{{productId}}\nGET {{path}}?client={{clientId}}\nX-Region: {{region}}\n',
    );
    same(unresolved, []);
    same(needs, []);
    assert.equal(request.url, 'https://uat-mtls.thredd.com/core/api/v1/products/1234?client=client-1');
    same(request.headers, [{ name: 'X-Region', value: '1' }]);
  });

  it('lets a file variable win over an environment variable of the same name, and environment variables over baseUrl', () => {
    const fromFile = resolveFirst('@productId = 99\nGET /p/{{productId}}\n');
    assert.equal(fromFile.request.url, '/p/99');
    const shadowed = resolveFirst('GET {{baseUrl}}/x\n', { environment: { ...uat, variables: { baseUrl: 'https://override.test' } } });
    assert.equal(shadowed.request.url, 'https://override.test/x');
  });

  it('lets run variables (--var, a data row) win over file and environment variables, also inside file variables', () => {
    const text = '@productId = 99\n@path = /p/{{productId}}\nGET {{baseUrl}}{{path}}?region={{region}}\n';
    const { request, unresolved } = resolveFirst(text, { runVariables: { productId: '7', region: '2' } });
    same(unresolved, []);
    assert.equal(request.url, 'https://uat-mtls.thredd.com/p/7?region=2');
    const empty = resolveFirst('GET /p/{{productId}}\n', { runVariables: { productId: '' } });
    assert.equal(empty.request.url, '/p/', 'an empty cell is a value, as in newman');
  });

  it('keeps a # @prompt value above run variables, and masks secret-named run variables', () => {
    const prompted = resolveFirst('# @prompt productId\nGET /p/{{productId}}\n', {
      promptValues: { productId: 'typed' },
      runVariables: { productId: 'row' },
    });
    assert.equal(prompted.request.url, '/p/typed');
    const secret = resolveFirst('GET /p\nX-Key: {{apiKey}}\n', { runVariables: { apiKey: 'k-123' } });
    same(secret.secretsUsed, [{ name: 'apiKey', value: 'k-123' }]);
  });

  it('reports an undefined variable at its range, keeps it as written and suggests a close name', () => {
    const { request, unresolved } = resolveFirst('GET {{baseUrl}}/p/{{productID}}\n');
    assert.equal(request.url, 'https://uat-mtls.thredd.com/p/{{productID}}');
    assert.equal(unresolved.length, 1);
    assert.equal(unresolved[0].name, 'productID');
    same(unresolved[0].range, { start: { line: 0, column: 18 }, end: { line: 0, column: 31 } });
    assert.match(
      unresolved[0].reason,
      joinedPattern(
        /\{\{productID\}\} is not defined: declare "@productID = value" in this file /,
        /or add it to the "variables" of environment "uat" in thredd.json; did you mean "productId"\?/,
      ),
    );
  });

  it('says when no environment is active', () => {
    const { unresolved } = resolveFirst('GET {{baseUrl}}/x\n', { environment: undefined });
    assert.match(unresolved[0].reason, /none is active/);
  });

  it('reports a cycle of file variables once, with the chain, instead of looping', () => {
    const { unresolved, request } = resolveFirst('@a = {{b}}/x\n@b = {{c}}\n@c = {{a}}\nGET {{a}}\n');
    assert.equal(unresolved.length, 1);
    assert.match(unresolved[0].reason, /cycle \(@a → @b → @c → @a\)/);
    assert.equal(unresolved[0].range?.start.line, 2, 'points at the reference that closes the loop');
    assert.equal(request.url, '{{a}}/x');
    const self = resolveFirst('@me = {{me}}\nGET /{{me}}\n');
    assert.match(self.unresolved[0].reason, /cycle \(@me → @me\)/);
  });

  it('resolves a file variable once per request, so @id = {{$guid}} is the same everywhere while {{$guid}} differs each time', () => {
    const { request } = resolveFirst(
      '@id = {{$guid}}\nPOST /cards/{{id}}\nX-Id: {{id}}\n\n{"id": "{{id}}", "a": "{{$guid}}", "b": "{{$guid}}"}\n',
    );
    const id = request.url.slice('/cards/'.length);
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(request.headers[0].value, id);
    const body = JSON.parse(bodyText(request) ?? '');
    assert.equal(body.id, id);
    assert.notEqual(body.a, body.b);
  });

  it('resolves prompt variables from the values the user typed, and explains them when there are none', () => {
    const text = '# @prompt otp\nPOST /verify\n\n{"otp": "{{otp}}"}\n';
    assert.match(resolveFirst(text).unresolved[0].reason, /# @prompt variable/);
    assert.equal(bodyText(resolveFirst(text, { promptValues: { otp: '123456' } }).request), '{"otp": "123456"}');
  });

  it('places unresolved references in bodies by their document range even after dropped comment lines', () => {
    const { unresolved } = resolveFirst('POST /x\n\n{\n# dropped\n  "a": "{{missing}}"\n}\n');
    same(unresolved[0].range, { start: { line: 4, column: 8 }, end: { line: 4, column: 19 } });
  });
});

describe('resolver: system variables', () => {
  const now = () => new Date('2026-05-01T12:00:00.000Z');

  it('evaluates $timestamp (seconds), offsets, $isoTimestamp and $datetime formats', () => {
    const { request, unresolved } = resolveFirst(
      'GET /t?a={{$timestamp}}&b={{$timestamp -1 d}}&c={{$isoTimestamp}}&d={{$isoTimestamp 2 h}}\n' +
        'Date: {{$datetime rfc1123}}\nX-Iso: {{$datetime iso8601 -30 m}}\n',
      { now },
    );
    same(unresolved, []);
    assert.equal(request.url, '/t?a=1777636800&b=1777550400&c=2026-05-01T12:00:00.000Z&d=2026-05-01T14:00:00.000Z');
    same(
      request.headers.map((header) => header.value),
      ['Fri, 01 May 2026 12:00:00 GMT', '2026-05-01T11:30:00.000Z'],
    );
  });

  it('gives $localDatetime with the local offset', () => {
    const { request } = resolveFirst('GET /\nX: {{$localDatetime iso8601}}\n', { now });
    assert.match(request.headers[0].value, /^2026-05-0\dT\d\d:\d\d:00\.000[+-]\d\d:\d\d$/);
    assert.equal(new Date(request.headers[0].value).getTime(), now().getTime());
  });

  it('draws $randomInt from MIN included to MAX excluded', () => {
    const seen = new Set<string>();
    for (let round = 0; round < 200; round++) seen.add(resolveFirst('GET /{{$randomInt 3 6}}\n').request.url);
    same([...seen].sort(), ['/3', '/4', '/5']);
  });

  it('reads $processEnv only when the workspace is trusted, and says why otherwise', () => {
    const text = 'GET /x\nAuthorization: Bearer {{$processEnv THREDD_TOKEN}}\n';
    const trusted = resolveFirst(text, { allowEnv: true, processEnv: { THREDD_TOKEN: 'env-token' } });
    assert.equal(trusted.request.headers[0].value, 'Bearer env-token');
    same(trusted.secretsUsed, [{ name: '$processEnv THREDD_TOKEN', value: 'env-token' }]);
    const untrusted = resolveFirst(text, { allowEnv: false, processEnv: { THREDD_TOKEN: 'env-token' } });
    assert.equal(untrusted.request.headers[0].value, 'Bearer {{$processEnv THREDD_TOKEN}}');
    assert.match(untrusted.unresolved[0].reason, /not expanded in an untrusted workspace.*trust the workspace/);
    const missing = resolveFirst(text, { allowEnv: true, processEnv: {} });
    assert.match(missing.unresolved[0].reason, /Environment variable THREDD_TOKEN is not set/);
  });

  it("follows REST Client's %NAME indirection through the environment", () => {
    const { request } = resolveFirst('GET /{{$processEnv %tokenVariable}}\n', {
      allowEnv: true,
      processEnv: { UAT_TOKEN: 'abc' },
      environment: { ...uat, variables: { tokenVariable: 'UAT_TOKEN' } },
    });
    assert.equal(request.url, '/abc');
  });

  describe('$dotenv', () => {
    let workspace: string;
    before(() => {
      workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-dotenv-'));
      fs.mkdirSync(path.join(workspace, 'api', 'cards'), { recursive: true });
      fs.writeFileSync(path.join(workspace, '.env'), 'ROOT_ONLY=root\nSHARED=from-root\n');
      fs.writeFileSync(path.join(workspace, 'api', '.env'), '# nearer file\nexport SHARED="from api"\n');
    });
    after(() => fs.rmSync(workspace, { recursive: true, force: true }));

    it("reads the nearest .env that defines the name, from the request file's folder up to the workspace", () => {
      const filePath = path.join(workspace, 'api', 'cards', 'cards.thredd');
      const { request, unresolved } = resolveFirst('GET /{{$dotenv SHARED}}/{{$dotenv ROOT_ONLY}}\n', {
        allowEnv: true,
        filePath,
        workspaceRoot: workspace,
      });
      same(unresolved, []);
      assert.equal(request.url, '/from api/root');
    });

    it('names the files it read when the name is in none of them', () => {
      const filePath = path.join(workspace, 'api', 'cards', 'cards.thredd');
      const { unresolved } = resolveFirst('GET /{{$dotenv NOPE}}\n', { allowEnv: true, filePath, workspaceRoot: workspace });
      assert.match(unresolved[0].reason, /NOPE is not set in .*api\/\.env or .*\.env: add a line "NOPE=value"/);
    });

    it("looks only in the file's own folder outside the workspace, and not at all when untrusted", () => {
      const filePath = path.join(workspace, 'api', 'cards', 'cards.thredd');
      const outside = resolveFirst('GET /{{$dotenv ROOT_ONLY}}\n', { allowEnv: true, filePath });
      assert.match(outside.unresolved[0].reason, /No \.env file found for \$dotenv ROOT_ONLY \(looked for .*cards\/\.env\)/);
      const untrusted = resolveFirst('GET /{{$dotenv ROOT_ONLY}}\n', { allowEnv: false, filePath, workspaceRoot: workspace });
      assert.match(untrusted.unresolved[0].reason, /untrusted workspace/);
    });
  });
});

describe('resolver: chained requests', () => {
  const login: StoredExchange = {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-trace-id': 'trace-1', 'set-cookie': ['a=1', 'b=2'] },
    bodyText: JSON.stringify({
      access_token: 'tok-123',
      items: [
        { id: 7, status: 'ACTIVE' },
        { id: 8, status: 'CLOSED' },
      ],
      nested: { n: 1 },
    }),
    request: { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, bodyText: 'grant_type=client_credentials' },
  };
  const file = '# @name login\nPOST /token\n\n###\n';

  it('asks for the named request to run first when it has no stored response', () => {
    const result = resolveFirst(file + 'GET /x\nAuthorization: Bearer {{login.response.body.$.access_token}}\n', {
      responseOf: () => undefined,
    });
    same(result.needs, ['login']);
    same(result.unresolved, []);
    const noCallback = resolveFirst(file + 'GET /{{login.response.body.*}}\n');
    same(noCallback.needs, ['login']);
  });

  it('reads JSONPath values, headers (any case, lists joined), whole bodies and the request side', () => {
    const asked: string[] = [];
    const responseOf = (name: string) => (asked.push(name), name === 'login' ? login : undefined);
    const text =
      file +
      [
        'GET /c/{{login.response.body.$.items[?(@.status == "ACTIVE")].id}}' +
          '?all={{login.response.body.$.items[*].id}}&n={{login.response.body.$.nested}}',
        'X-Trace: {{login.response.headers.X-Trace-Id}}',
        'X-Cookies: {{login.response.headers.Set-Cookie}}',
        'X-Sent: {{login.request.headers.content-type}} {{login.request.body.*}}',
        'Authorization: Bearer {{login.response.body.$.access_token}}',
        '',
      ].join('\n');
    const { request, unresolved, needs, secretsUsed } = resolveFirst(text, { responseOf });
    same([unresolved, needs], [[], []]);
    assert.equal(request.url, '/c/7?all=[7,8]&n={"n":1}');
    same(
      request.headers.map((header) => header.value),
      ['trace-1', 'a=1, b=2', 'application/x-www-form-urlencoded grant_type=client_credentials', 'Bearer tok-123'],
    );
    assert.ok(asked.every((name) => name === 'login'));
    same(secretsUsed, [{ name: 'login.response.body.$.access_token', value: 'tok-123' }], 'a value whose path names a token is a secret');
  });

  it("does not mask Thredd's public token or idempotency key, which are ids, but still masks real tokens", () => {
    const card = { status: 200, headers: {}, bodyText: '{"publicToken":"402718355","access_token":"tok-9"}' };
    const text =
      file +
      '@idempotencyKey = 3196f682-62ea-4122-830e-b4a21a4d832f\n' +
      'GET /cards/{{login.response.body.$.publicToken}}?t={{login.response.body.$.access_token}}\n' +
      'idempotencyKey: {{idempotencyKey}}\n';
    const { request, secretsUsed } = resolveFirst(text, { responseOf: () => card });
    assert.equal(request.url, '/cards/402718355?t=tok-9');
    same(secretsUsed, [{ name: 'login.response.body.$.access_token', value: 'tok-9' }]);
    assert.equal(isSecretName('publicTokenSecret'), true, 'a name that also says secret stays masked');
    assert.equal(isSecretName('apiKey'), true);
  });

  it('explains JSONPaths that match nothing, bodies that are not JSON and missing headers', () => {
    const text = file + 'GET /{{login.response.body.$.missing}}/{{login.response.headers.X-None}}\n';
    const { unresolved } = resolveFirst(text, { responseOf: () => login });
    assert.match(unresolved[0].reason, /The JSONPath \$.missing matches nothing in the login.response body/);
    assert.match(unresolved[1].reason, /The login.response has no header "X-None" \(it has content-type, x-trace-id, set-cookie\)/);
    const html = resolveFirst(file + 'GET /{{login.response.body.$.a}}\n', {
      responseOf: () => ({ status: 500, headers: {}, bodyText: '<html>oops</html>' }),
    });
    assert.match(html.unresolved[0].reason, /body is not JSON.*<html>oops/);
  });

  it('refuses a request that reads its own response, and a name no request has', () => {
    const own = resolveFirst('# @name me\nGET /{{me.response.body.$.id}}\n', { responseOf: () => login });
    assert.match(own.unresolved[0].reason, /refers to its own response/);
    const unknown = resolveFirst('GET /{{ghost.response.body.$.id}}\n', { responseOf: () => login });
    assert.match(unknown.unresolved[0].reason, /No request in this file is named "ghost"/);
  });

  it("resolves a file variable that chains to a request (REST Client's @authToken = {{login.response…}})", () => {
    const text = '@auth = Bearer {{login.response.body.$.access_token}}\n' + file + 'GET /x\nAuthorization: {{auth}}\n';
    same(resolveFirst(text).needs, ['login']);
    const { request, secretsUsed } = resolveFirst(text, { responseOf: () => login });
    assert.equal(request.headers[0].value, 'Bearer tok-123');
    same(secretsUsed.map((secret) => secret.value).sort(), ['Bearer tok-123', 'tok-123'], 'the token and the value built from it');
  });
});

describe('resolver: bodies and free text', () => {
  it('turns a < path body into an absolute path next to the request file, variables in the path included', () => {
    const { request } = resolveFirst('@dir = data\nPOST /x\n\n<@ ./{{dir}}/card.json\n', {
      filePath: '/work/project/requests/cards.thredd',
    });
    same(request.body, { kind: 'file', path: '/work/project/requests/data/card.json', processVariables: true, encoding: undefined });
  });

  it('resolves free text such as an @expect value in the scope of a request', () => {
    const file = parseRequestFile('@min = 3\n# @expect body $.count >= {{min}}\nGET /x\n');
    const expectation = file.requests[0].metadata.expectations[0];
    assert.equal(resolveText(file, expectation.value ?? '', context(), file.requests[0]).value, '3');
  });

  it('records secrets by name and by source, including values derived from them', () => {
    const text = '@auth = Basic {{clientSecret}}\nGET /x\nAuthorization: {{auth}}\nX-Plain: {{productId}}\n';
    const { secretsUsed } = resolveFirst(text);
    same(secretsUsed, [
      { name: 'clientSecret', value: 's3cr3t-value' },
      { name: 'auth', value: 'Basic s3cr3t-value' },
    ]);
  });
});
