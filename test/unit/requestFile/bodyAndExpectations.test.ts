import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  BodyFileError,
  evaluateExpectation,
  parseRequestFile,
  readBodyFile,
  readResolvedBody,
  resolveRequest,
} from '../../../src/core/requestFile';
import type { ObservedResponse } from '../../../src/core/requestFile';

describe('body files', () => {
  let dir: string;
  let requestFile: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-body-'));
    fs.mkdirSync(path.join(dir, 'data'));
    requestFile = path.join(dir, 'cards.thredd');
    fs.writeFileSync(path.join(dir, 'data', 'raw.bin'), Buffer.from([0, 1, 2, 255]));
    fs.writeFileSync(path.join(dir, 'data', 'card.json'), '{"productId": "{{productId}}", "ref": "{{missing}}"}');
    fs.writeFileSync(path.join(dir, 'data', 'latin1.txt'), Buffer.from('caf\u00e9 {{productId}}', 'latin1'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a body file relative to the request file, as bytes', async () => {
    assert.deepEqual(await readBodyFile(requestFile, { path: './data/raw.bin' }), Buffer.from([0, 1, 2, 255]));
  });

  it('throws a BodyFileError naming the written and the absolute path when the file is missing', async () => {
    await assert.rejects(readBodyFile(requestFile, { path: './data/nope.json' }), (error: unknown) => {
      assert.ok(error instanceof BodyFileError);
      assert.equal(
        error.message,
        `Body file not found: ./data/nope.json (looked for ${path.join(dir, 'data', 'nope.json')}, relative to cards.thredd). ` +
          'Check the path after "<", or create the file.',
      );
      assert.equal(error.writtenPath, './data/nope.json');
      return true;
    });
    await assert.rejects(readBodyFile(requestFile, { path: './data' }), /is a folder/);
  });

  it('sends < files as they are and substitutes variables in <@ files (with their encoding)', async () => {
    const file = parseRequestFile(
      'POST /a\n\n< ./data/card.json\n###\nPOST /b\n\n<@ ./data/card.json\n###\nPOST /c\n\n<@latin1 ./data/latin1.txt\n',
    );
    const context = { allowEnv: false, filePath: requestFile, environment: { variables: { productId: '1234' } } };
    const load = async (index: number) => {
      const request = file.requests[index];
      const resolved = resolveRequest(file, request, context);
      assert.ok(resolved.request.body);
      return readResolvedBody(file, request, resolved.request.body, context);
    };
    const raw = await load(0);
    assert.equal(raw.data.toString(), '{"productId": "{{productId}}", "ref": "{{missing}}"}');
    const processed = await load(1);
    assert.equal(processed.data.toString(), '{"productId": "1234", "ref": "{{missing}}"}');
    assert.deepEqual(
      processed.unresolved.map((item) => [item.name, item.range]),
      [['missing', undefined]],
    );
    assert.equal((await load(2)).data.toString('utf8'), 'caf\u00e9 1234');
  });

  it('builds a multipart body from its text parts and files with CRLF between them', async () => {
    const file = parseRequestFile(
      'POST /upload\nContent-Type: multipart/form-data; boundary=B\n\n--B\nContent-Disposition: ' +
        'form-data; name="f"\n\n< ./data/raw.bin\n--B--\n',
    );
    const context = { allowEnv: false, filePath: requestFile };
    const resolved = resolveRequest(file, file.requests[0], context);
    assert.ok(resolved.request.body);
    const { data } = await readResolvedBody(file, file.requests[0], resolved.request.body, context);
    assert.deepEqual(
      data,
      Buffer.concat([
        Buffer.from('--B\r\nContent-Disposition: form-data; name="f"\r\n\r\n'),
        Buffer.from([0, 1, 2, 255]),
        Buffer.from('\r\n--B--'),
      ]),
    );
  });
});

describe('@expect evaluation', () => {
  const response: ObservedResponse = {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'x-ids': ['a', 'b'] },
    bodyText: JSON.stringify({
      items: [
        { id: 1, name: 'Card-7' },
        { id: 2, name: 'Card-8' },
      ],
      total: 2,
      ok: true,
    }),
    durationMs: 123.4,
  };
  const check = (text: string, observed: ObservedResponse = response) => {
    const file = parseRequestFile(`# @expect ${text}\nGET /x\n`);
    assert.deepEqual(file.diagnostics, [], `@expect ${text} parses`);
    return evaluateExpectation(file.requests[0].metadata.expectations[0], observed);
  };

  it('passes and fails status, header, body and duration checks with a readable message', () => {
    const passing = [
      'status 200',
      'status < 300',
      'header content-type contains json',
      'header X-IDS == a, b',
      'header x-ids exists',
      'body $.items.length > 0',
      'body $.total == 2',
      'body $.ok == true',
      'body $.items[0].name matches ^Card-\\d+$',
      'body $.items[?(@.id == 2)].name == Card-8',
      'body contains "Card-7"',
      'duration < 500',
      'body $.items[*].id == [1,2]',
    ];
    for (const text of passing) assert.equal(check(text).passed, true, `@expect ${text} passes: ${check(text).message}`);
    const failing: [string, RegExp][] = [
      ['status 201', /^expected status == 201, got "200"$/],
      ['header x-missing exists', /^expected header x-missing exists, but the response has no x-missing header$/],
      ['body $.nothing == 1', /but the JSONPath matched nothing/],
      ['duration < 100', /^expected duration < 100, got "123"$/],
      ['body $.items[0].name matches ^Visa', /got "Card-7"/],
    ];
    for (const [text, message] of failing) {
      const result = check(text);
      assert.equal(result.passed, false, `@expect ${text} fails`);
      assert.match(result.message, message);
    }
    assert.equal(check('status 200').message, 'status == 200');
  });

  it('fails a body JSONPath check on a body that is not JSON, saying so', () => {
    const result = check('body $.a exists', { ...response, bodyText: '<html/>' });
    assert.equal(result.passed, false);
    assert.match(result.message, /the body is not JSON/);
  });

  it('compares with a substituted value when the caller resolved {{variables}} in it', () => {
    const file = parseRequestFile('# @expect body $.total >= {{minimum}}\nGET /x\n');
    const expectation = file.requests[0].metadata.expectations[0];
    assert.equal(evaluateExpectation(expectation, response, '2').passed, true);
    assert.equal(evaluateExpectation(expectation, response, '3').passed, false);
  });
});
