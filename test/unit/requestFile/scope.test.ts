import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MASK,
  RequestFileCache,
  checkVariables,
  describeReference,
  environmentVariableNames,
  findReferenceAt,
  parseDocument,
  parseRequestFile,
  reparseDocument,
  redactSecrets,
  requestAt,
  variablesInScope,
} from '../../../src/core/requestFile';
import type { ResolveContext } from '../../../src/core/requestFile';

/** Deep equality on the JSON shape: parse results hold compact range objects that serialise to {start, end}. */
const plain = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const same = (actual: unknown, expected: unknown, message?: string) => assert.deepEqual(plain(actual), plain(expected), message);

const TEXT = [
  '@host = {{baseUrl}}/api', //                        0
  '@apiToken = {{$processEnv THREDD_TOKEN}}', //      1
  '@auth = Bearer {{apiToken}}', //                   2
  '@dotenvValue = {{$dotenv PLAIN}}', //              3
  '', //                                              4
  '### Login', //                                     5
  '# @name login', //                                 6
  'POST {{host}}/token', //                           7
  '', //                                              8
  '### Cards', //                                     9
  '# @prompt otp One-time code', //                  10
  'GET {{host}}/cards/{{productId}}?otp={{otp}}', // 11
  'Authorization: {{auth}}', //                      12
  'X-Secret: {{clientSecret}}', //                   13
  'X-Trace: {{login.response.headers.X-Trace}}', //  14
  'X-Id: {{$guid}} {{unknownThing}}', //             15
].join('\n');

const context: ResolveContext = {
  allowEnv: true,
  processEnv: { THREDD_TOKEN: 'live-token-value' },
  readTextFile: () => 'PLAIN=not-a-secret-name\n',
  filePath: '/project/cards.thredd',
  environment: { name: 'uat', baseUrl: 'https://uat.test', region: '1', variables: { productId: '1234', clientSecret: 'hunter2-secret' } },
};

describe('variables in scope, hover values and masking', () => {
  const file = parseRequestFile(TEXT);

  it("lists file variables, environment variables, the request's prompts, system variables and other named requests", () => {
    const scope = variablesInScope(file, { line: 11, column: 0 }, context);
    const byName = new Map(scope.map((variable) => [variable.name, variable]));
    same(
      scope.filter((variable) => variable.source !== 'system').map((variable) => [variable.name, variable.source]),
      [
        ['host', 'file'],
        ['apiToken', 'file'],
        ['auth', 'file'],
        ['dotenvValue', 'file'],
        ['baseUrl', 'environment'],
        ['region', 'environment'],
        ['productId', 'environment'],
        ['clientSecret', 'environment'],
        ['otp', 'prompt'],
        ['login', 'request'],
      ],
    );
    assert.equal(byName.get('host')?.display, 'https://uat.test/api');
    same(byName.get('host')?.declaration, { start: { line: 0, column: 0 }, end: { line: 0, column: 23 } });
    assert.equal(byName.get('productId')?.display, '1234');
    assert.equal(byName.get('$randomInt')?.source, 'system');
    assert.match(byName.get('login')?.display ?? '', /POST \{\{host\}\}\/token/);
  });

  it('masks secrets: secret-looking names, anything from $processEnv or $dotenv, and values built from them', () => {
    const scope = variablesInScope(file, { line: 11, column: 0 }, context);
    const masked = scope
      .filter((variable) => variable.secret && variable.source !== 'system')
      .map((variable) => [variable.name, variable.display]);
    same(masked, [
      ['apiToken', MASK],
      ['auth', MASK],
      ['dotenvValue', MASK],
      ['clientSecret', MASK],
    ]);
    assert.ok(!JSON.stringify(scope).includes('live-token-value'), 'no secret value is in the listing');
    assert.ok(!JSON.stringify(scope).includes('hunter2-secret'));
    assert.ok(!JSON.stringify(scope).includes('not-a-secret-name'));
  });

  it('only lists prompts of the request at the position', () => {
    assert.ok(!variablesInScope(file, { line: 7, column: 0 }, context).some((variable) => variable.source === 'prompt'));
    assert.ok(
      !variablesInScope(file, { line: 7, column: 0 }, context).some((variable) => variable.name === 'login'),
      'a request does not list itself',
    );
  });

  it('describes the reference under the cursor for hover: value, masked value, system value, or why not', () => {
    const hover = (line: number, column: number) => {
      const found = findReferenceAt(file, { line, column });
      assert.ok(found, `a reference at ${line}:${column}`);
      return describeReference(file, found.reference, context);
    };
    same([hover(11, 6).display, hover(11, 6).source], ['https://uat.test/api', 'file']);
    same(hover(11, 6).declaration, { start: { line: 0, column: 0 }, end: { line: 0, column: 23 } });
    assert.equal(hover(12, 18).display, MASK);
    assert.equal(hover(13, 12).display, MASK);
    assert.match(hover(15, 8).display, /^[0-9a-f-]{36} \(A new random UUID/);
    assert.match(hover(14, 12).problem ?? '', /"login" has not been sent yet/);
    assert.match(hover(15, 20).problem ?? '', /\{\{unknownThing\}\} is not defined/);
    assert.match(hover(11, 40).problem ?? '', /# @prompt variable/);
    const inDeclaration = findReferenceAt(file, { line: 2, column: 17 });
    assert.equal(inDeclaration?.fileVariable?.name, 'auth');
  });

  it('finds the request at a line and nothing between blocks', () => {
    assert.equal(requestAt(file, 9)?.title, 'Cards');
    assert.equal(requestAt(file, 7)?.name, 'login');
    assert.equal(requestAt(file, 8), undefined);
    assert.equal(findReferenceAt(file, { line: 8, column: 0 }), undefined);
  });

  it('reports unknown variables with a suggestion, knowing file variables, prompts and the environment', () => {
    const diagnostics = checkVariables(file, environmentVariableNames(context.environment));
    same(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.column]),
      [['unknown-variable', 15, 18]],
    );
    assert.match(diagnostics[0].message, /Unknown variable "unknownThing"/);
    const withoutEnvironment = checkVariables(file, []);
    same(
      withoutEnvironment.map((diagnostic) => diagnostic.message.match(/"(\w+)"/)?.[1]),
      ['baseUrl', 'productId', 'clientSecret', 'unknownThing'],
    );
    assert.match(withoutEnvironment[2].message, /"clientSecret": expected one of/);
  });

  it('redacts secret values from text, longest first', () => {
    assert.equal(
      redactSecrets('Authorization: Bearer abc123; again abc123', [{ value: 'abc123' }, { value: 'Bearer abc123' }]),
      `Authorization: ${MASK}; again ${MASK}`,
    );
  });
});

describe('RequestFileCache', () => {
  it('parses once per document version, re-parses a new version and forgets closed documents', () => {
    let parses = 0;
    const cache = new RequestFileCache(
      {},
      {
        parse: (text, options) => (parses++, parseDocument(text, options)),
        reparse: (previous, text, options) => (parses++, reparseDocument(previous, text, options)),
      },
    );
    const first = cache.get('file:///a.thredd', 1, 'GET /a');
    assert.equal(
      cache.get('file:///a.thredd', 1, () => assert.fail('the text is not read on a hit')),
      first,
    );
    assert.equal(parses, 1);
    const second = cache.get('file:///a.thredd', 2, () => 'GET /b');
    assert.equal(second.requests[0].url, '/b');
    assert.equal(parses, 2);
    cache.get('file:///b.thredd', 1, 'GET /c');
    assert.equal(cache.size, 2);
    assert.equal(cache.delete('file:///a.thredd'), true);
    assert.equal(cache.peek('file:///a.thredd'), undefined);
    assert.equal(cache.size, 1);
  });

  it('parses a new version from the previous one, keeping the requests an edit did not touch', () => {
    const cache = new RequestFileCache();
    const text = ['### one', 'GET /a', '', '### two', 'GET /b', '', '### three', 'GET /c'].join('\n');
    const first = cache.get('file:///c.thredd', 1, text);
    const second = cache.get('file:///c.thredd', 2, text.replace('GET /b', 'GET /bb'));
    assert.equal(second.requests[1].url, '/bb');
    assert.equal(second.requests[0], first.requests[0], 'the block above the edit is reused');
    assert.equal(second.requests[2], first.requests[2], 'the block below the edit is reused');
  });
});
