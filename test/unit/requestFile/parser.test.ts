import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequestFile } from '../../../src/core/requestFile';
import type { ParsedRequestFile, TextRange } from '../../../src/core/requestFile';

/** Deep equality on the JSON shape: parse results hold compact range objects that serialise to {start, end}. */
const plain = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const same = (actual: unknown, expected: unknown, message?: string) => assert.deepEqual(plain(actual), plain(expected), message);

const at = (line: number, column: number, endLine: number, endColumn: number): TextRange => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});
const codes = (file: ParsedRequestFile) => file.diagnostics.map((diagnostic) => diagnostic.code);
const only = (text: string) => {
  const file = parseRequestFile(text);
  assert.equal(file.requests.length, 1, `one request in ${JSON.stringify(text)}`);
  return { file, request: file.requests[0] };
};

describe('request file parsing: blocks and request lines', () => {
  it('splits requests on ### lines, takes the text after ### as the title, and skips comment-only blocks', () => {
    const file = parseRequestFile(
      '### First\nGET https://a.test/1\n\n#### \n# just a comment\n// and another\n###Second one\nPOST https://a.test/2\n',
    );
    same(
      file.requests.map((request) => [request.title, request.method, request.url]),
      [
        ['First', 'GET', 'https://a.test/1'],
        ['Second one', 'POST', 'https://a.test/2'],
      ],
    );
    same(file.diagnostics, []);
    same(
      file.requests.map((request) => request.index),
      [0, 1],
    );
  });

  it('gives each request its block range (from ###) and its request line range', () => {
    const file = parseRequestFile('@a = 1\n\n### one\n# @name one\nGET /x\nAccept: */*\n\n\n### two\n\n  PUT /y HTTP/1.1  \n');
    const [one, two] = file.requests;
    same(one.range, at(2, 0, 5, 11), 'block ends at its last non-blank line');
    same(one.requestLineRange, at(4, 0, 4, 6));
    same(two.range, at(8, 0, 10, 19));
    same(two.requestLineRange, at(10, 2, 10, 17));
    same(two.methodRange, at(10, 2, 10, 5));
    same(two.urlRange, at(10, 6, 10, 8));
  });

  it('starts the first block at its first non-blank line when the file has no leading ###', () => {
    const { request } = only('\n\n# note\nGET /x\n');
    same(request.range, at(2, 0, 3, 6));
    assert.equal(request.title, undefined);
  });

  it('reads METHOD URL HTTP/1.1, a URL alone (GET), lower-case methods and every listed method', () => {
    same(pick(only('GET https://a.test/x HTTP/1.1').request), ['GET', 'https://a.test/x', '1.1']);
    same(pick(only('https://a.test/x').request), ['GET', 'https://a.test/x', undefined]);
    same(pick(only('https://a.test/x HTTP/2').request), ['GET', 'https://a.test/x', '2']);
    same(pick(only('post /x').request), ['POST', '/x', undefined]);
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']) {
      const { file, request } = only(`${method} /x`);
      assert.equal(request.method, method);
      same(file.diagnostics, []);
    }
    assert.equal(only('GET /x').request.methodRange?.end.column, 3);
    assert.equal(only('/x').request.methodRange, undefined, 'no method range when the method is implied');
  });

  it('reports an unknown method with the closest real one, and still returns the request', () => {
    const { file, request } = only('PSOT /cards');
    assert.equal(request.method, 'PSOT');
    assert.equal(file.diagnostics.length, 1);
    assert.equal(file.diagnostics[0].code, 'unknown-method');
    assert.match(file.diagnostics[0].message, /Unknown HTTP method "PSOT": did you mean "POST"\?/);
    same(file.diagnostics[0].range, at(0, 0, 0, 4));
    same(request.diagnostics, file.diagnostics, 'the request carries its own diagnostics');
  });

  it('reports a request line without a URL and a URL with a space', () => {
    const empty = parseRequestFile('GET HTTP/1.1 x y');
    assert.ok(empty.diagnostics.some((diagnostic) => diagnostic.code === 'malformed-request-line'));
    const spaced = parseRequestFile('GET /a b/c');
    assert.equal(spaced.diagnostics[0].code, 'malformed-request-line');
    assert.match(spaced.diagnostics[0].message, /contains a space.*%20/);
    same(spaced.diagnostics[0].range, at(0, 4, 0, 10));
  });

  it("joins query continuation lines (? and &) into the URL, with each piece's range, skipping comments between them", () => {
    const { request } = only('GET https://a.test/comments\n    ?page=2\n    # not now: &x=1\n    &pageSize={{size}}\nAccept: text/plain\n');
    assert.equal(request.url, 'https://a.test/comments?page=2&pageSize={{size}}');
    same(
      request.urlLines.map((piece) => piece.range),
      [at(0, 4, 0, 27), at(1, 4, 1, 11), at(3, 4, 3, 22)],
    );
    same(request.urlRange, at(0, 4, 3, 22));
    same(
      request.headers.map((header) => header.name),
      ['Accept'],
    );
    same(request.variables[0].range, at(3, 14, 3, 22));
  });
});

describe('request file parsing: headers and bodies', () => {
  it('reads headers with the ranges of name and value, up to the first blank line', () => {
    const { request } = only('POST /x\nContent-Type:  application/json \nX-Region: 1\n\n{"a": 1}\n');
    same(request.headers, [
      { name: 'Content-Type', value: 'application/json', range: at(1, 0, 1, 31), nameRange: at(1, 0, 1, 12), valueRange: at(1, 15, 1, 31) },
      { name: 'X-Region', value: '1', range: at(2, 0, 2, 11), nameRange: at(2, 0, 2, 8), valueRange: at(2, 10, 2, 11) },
    ]);
    same(request.body, { kind: 'text', text: '{"a": 1}', range: at(4, 0, 4, 8) });
  });

  it('keeps a header value that contains colons and allows an empty value', () => {
    const { request } = only('GET /x\nReferer: https://a.test:8443/p\nX-Empty:\n');
    same(
      request.headers.map((header) => [header.name, header.value]),
      [
        ['Referer', 'https://a.test:8443/p'],
        ['X-Empty', ''],
      ],
    );
  });

  it('reports invalid header lines specifically', () => {
    const file = parseRequestFile('GET /x\nAuthorization Bearer abc\nBad Name: v\n: nothing\nX-Spaced : v\n');
    same(codes(file), ['invalid-header', 'invalid-header', 'invalid-header', 'invalid-header']);
    assert.match(file.diagnostics[0].message, /"Authorization Bearer abc" is not a header: write "Name: value"/);
    assert.match(file.diagnostics[1].message, /"Bad Name" is not a valid header name.*RFC 9110/);
    assert.match(file.diagnostics[2].message, /no name before the colon/);
    assert.match(file.diagnostics[3].message, /space before the colon.*RFC 9112/);
    assert.equal(file.diagnostics[3].severity, 'warning');
    same(
      file.requests[0].headers.map((header) => header.name),
      ['X-Spaced'],
      'a space before the colon is kept with a warning',
    );
  });

  it('starts the body at a { line that follows the headers directly, with a warning', () => {
    const { file, request } = only('POST /x\nContent-Type: application/json\n{"a": 1}\n');
    same(codes(file), ['missing-blank-line']);
    assert.equal(request.body?.kind === 'text' && request.body.text, '{"a": 1}');
  });

  it('drops comment lines and surrounding blank lines from bodies (as REST Client does) but keeps inner blank lines', () => {
    const { request } = only('POST /x\n\n\nline one\n# a comment\n\n  // another\nline two\n\n\n# trailing comment\n');
    same(request.body, { kind: 'text', text: 'line one\n\nline two', range: at(3, 0, 7, 8) });
  });

  it("keeps the document's line endings in bodies and counts lines as VS Code does (CRLF and lone CR)", () => {
    const crlf = only('POST /x\r\nA: 1\r\n\r\none\r\ntwo\r\n').request;
    assert.equal(crlf.body?.kind === 'text' && crlf.body.text, 'one\r\ntwo');
    same(crlf.body?.range, at(3, 0, 4, 3));
    const cr = only('POST /x\rA: 1\r\rone\r').request;
    same(cr.headers[0].range, at(1, 0, 1, 4));
    same(cr.body?.range, at(3, 0, 3, 3));
  });

  it('reads < path, <@ path and <@latin1 path as file bodies, and <tag> as XML text', () => {
    same(only('POST /x\n\n< ./data/card.json\n').request.body, {
      kind: 'file',
      path: './data/card.json',
      processVariables: false,
      encoding: undefined,
      range: at(2, 0, 2, 18),
      pathRange: at(2, 2, 2, 18),
    });
    const processed = only('POST /x\n\n<@ ./t.json\n').request.body;
    assert.equal(processed?.kind === 'file' && processed.processVariables, true);
    const latin = only('POST /x\n\n<@latin1   ./t.txt  \n').request.body;
    same(latin?.kind === 'file' && [latin.encoding, latin.path, latin.pathRange], ['latin1', './t.txt', at(2, 11, 2, 18)]);
    same(only('POST /x\n\n<root><a/></root>\n').request.body?.kind, 'text');
  });

  it('reads a multipart body mixing text and < file lines as parts', () => {
    const text =
      'POST /upload\nContent-Type: multipart/form-data; boundary=B\n\n--B\nContent-Disposition: ' +
      'form-data; name="f"; filename="a.png"\n\n< ./a.png\n--B--\n';
    const body = only(text).request.body;
    assert.equal(body?.kind, 'mixed');
    same(body?.kind === 'mixed' && body.parts.map((part) => (part.kind === 'text' ? part.text : '<' + part.path)), [
      '--B\nContent-Disposition: form-data; name="f"; filename="a.png"\n',
      '<./a.png',
      '--B--',
    ]);
  });

  it('has no body when nothing follows the headers', () => {
    assert.equal(only('GET /x\nAccept: */*\n\n\n').request.body, undefined);
  });
});

describe('request file parsing: metadata', () => {
  it('reads @name, @no-auth, @env, @timeout and @prompt in # and // comments', () => {
    const { file, request } = only(
      '# @name login\n// @no-auth\n#  @env uat-mtls\n# @timeout 5000\n# @prompt otp One-time code\n# @note\n# @no-redirect\nPOST /token\n',
    );
    same(file.diagnostics, []);
    const { metadata } = request;
    assert.equal(request.name, 'login');
    same([metadata.name, metadata.noAuth, metadata.env, metadata.timeout], ['login', true, 'uat-mtls', 5000]);
    same(metadata.nameRange, at(0, 8, 0, 13));
    same(metadata.prompts, [{ name: 'otp', description: 'One-time code', range: at(4, 2, 4, 27) }]);
    same(
      metadata.entries.map((entry) => entry.key),
      ['name', 'no-auth', 'env', 'timeout', 'prompt', 'note', 'no-redirect'],
    );
    same(metadata.unknown, []);
  });

  it('accepts @name=value (httpyac style), timeouts in seconds and metadata below the request line (REST Client)', () => {
    const { request } = only('# @name=orders\n# @timeout 2s\nGET /orders\n# @no-auth\n');
    same([request.name, request.metadata.timeout, request.metadata.noAuth], ['orders', 2000, true]);
  });

  it('reports unknown metadata with the closest known key', () => {
    const { file, request } = only('# @nmae login\n# @see https://docs\nGET /x\n');
    same(codes(file), ['unknown-metadata', 'unknown-metadata']);
    assert.match(file.diagnostics[0].message, /Unknown metadata "@nmae": did you mean "@name"\?/);
    same(file.diagnostics[0].range, at(0, 2, 0, 7));
    assert.match(file.diagnostics[1].message, /Unknown metadata "@see": expected one of: @name, @no-auth/);
    same(
      request.metadata.unknown.map((entry) => [entry.key, entry.value]),
      [
        ['nmae', 'login'],
        ['see', 'https://docs'],
      ],
    );
  });

  it('reports bad metadata values', () => {
    const file = parseRequestFile('# @timeout soon\n# @env\n# @name has space\n# @no-auth please\nGET /x\n');
    same(codes(file), ['bad-metadata-value', 'bad-metadata-value', 'bad-metadata-value', 'bad-metadata-value']);
    assert.match(file.diagnostics[0].message, /@timeout needs a positive number of milliseconds.*not "soon"/);
    assert.match(file.diagnostics[1].message, /@env needs one environment name/);
    assert.match(file.diagnostics[2].message, /"has space" is not a valid request name/);
    assert.match(file.diagnostics[3].message, /@no-auth takes no value/);
  });

  it('reports a duplicate @name on the second use, pointing at the first', () => {
    const file = parseRequestFile('# @name a\nGET /1\n###\n# @name a\nGET /2\n');
    same(codes(file), ['duplicate-name']);
    assert.match(file.diagnostics[0].message, /already named "a" \(line 1\)/);
    same(file.diagnostics[0].range, at(3, 8, 3, 9));
    same(
      file.requests[1].diagnostics.map((diagnostic) => diagnostic.code),
      ['duplicate-name'],
    );
  });

  it('warns about metadata in a block without a request line', () => {
    const file = parseRequestFile('# @name lost\n###\nGET /x\n');
    same(codes(file), ['metadata-without-request']);
    assert.equal(file.requests.length, 1);
    assert.equal(file.requests[0].name, undefined);
  });
});

describe('request file parsing: @expect', () => {
  const expectation = (text: string) => {
    const { file, request } = only(`# @expect ${text}\nGET /x\n`);
    same(file.diagnostics, [], `no diagnostics for @expect ${text}`);
    const [parsed] = request.metadata.expectations;
    return { subject: parsed.subject, operator: parsed.operator, value: parsed.value };
  };

  it('parses status, header, body JSONPath and duration expectations into a typed form', () => {
    same(expectation('status 200'), { subject: { kind: 'status' }, operator: '==', value: '200' });
    same(expectation('status != 500'), { subject: { kind: 'status' }, operator: '!=', value: '500' });
    same(expectation('header content-type contains json'), {
      subject: { kind: 'header', name: 'content-type' },
      operator: 'contains',
      value: 'json',
    });
    same(expectation('header x-request-id exists'), {
      subject: { kind: 'header', name: 'x-request-id' },
      operator: 'exists',
      value: undefined,
    });
    same(expectation('body $.items.length > 0'), { subject: { kind: 'body', path: '$.items.length' }, operator: '>', value: '0' });
    same(expectation('body $.items[?(@.status == "ACTIVE")].id exists'), {
      subject: { kind: 'body', path: '$.items[?(@.status == "ACTIVE")].id' },
      operator: 'exists',
      value: undefined,
    });
    same(expectation('body contains "card created"'), { subject: { kind: 'body' }, operator: 'contains', value: 'card created' });
    same(expectation('body $.name matches ^Card-\\d+$'), {
      subject: { kind: 'body', path: '$.name' },
      operator: 'matches',
      value: '^Card-\\d+$',
    });
    same(expectation('duration < 500'), { subject: { kind: 'duration' }, operator: '<', value: '500' });
    same(expectation('duration <= 1500ms'), { subject: { kind: 'duration' }, operator: '<=', value: '1500' });
    same(expectation('body $.total >= {{minimum}}'), { subject: { kind: 'body', path: '$.total' }, operator: '>=', value: '{{minimum}}' });
  });

  it('keeps the written text and the line range of each expectation', () => {
    const { request } = only('# @expect status 201\nPOST /x\n');
    assert.equal(request.metadata.expectations[0].text, 'status 201');
    same(request.metadata.expectations[0].range, at(0, 2, 0, 20));
  });

  it('reports each kind of bad @expect with a specific message', () => {
    const cases: [string, RegExp][] = [
      ['', /@expect needs a subject/],
      ['stauts 200', /"stauts" is not something @expect can check: did you mean "status"\?/],
      ['status = 200', /"=" is not an @expect operator: did you mean "=="\?/],
      ['status ok', /three-digit HTTP status/],
      ['header', /needs a header name/],
      ['header x contain json', /"contain" is not an @expect operator: did you mean "contains"\?/],
      ['body $.count > many', /">" compares numbers, but "many" is not a number/],
      ['body $.name matches [a-', /not a valid regular expression/],
      ['header x exists yes', /"exists" takes no value/],
      ['duration contains 5', /duration is a number of milliseconds/],
      ['duration < soon', /number of milliseconds, not "soon"/],
      ['status exists', /status always exists/],
      ['body $.a ==', /needs a value/],
    ];
    for (const [text, message] of cases) {
      const file = parseRequestFile(`# @expect ${text}\nGET /x\n`);
      same(codes(file), ['bad-expect'], `one bad-expect for "${text}"`);
      assert.match(file.diagnostics[0].message, message, `message for "${text}"`);
    }
  });
});

describe('request file parsing: variables', () => {
  it('reads file variables with their ranges and the references in their values', () => {
    const file = parseRequestFile('@host = https://{{sub}}.a.test\n@empty =\n  @spaced   =   v  \nGET {{host}}/x\n');
    same(file.diagnostics, []);
    same(
      file.fileVariables.map((variable) => [variable.name, variable.value]),
      [
        ['host', 'https://{{sub}}.a.test'],
        ['empty', ''],
        ['spaced', 'v'],
      ],
    );
    const [host, , spaced] = file.fileVariables;
    same([host.range, host.nameRange, host.valueRange], [at(0, 0, 0, 30), at(0, 1, 0, 5), at(0, 8, 0, 30)]);
    same(
      host.references.map((reference) => [reference.name, reference.location, reference.range]),
      [['sub', 'fileVariable', at(0, 16, 0, 23)]],
    );
    same(spaced.valueRange, at(2, 16, 2, 17));
  });

  it('reports malformed and duplicate file variables', () => {
    const file = parseRequestFile('@token\n@a = 1\n@a = 2\n@b$ = 3\nGET /x\n');
    same(codes(file), ['malformed-file-variable', 'duplicate-file-variable', 'malformed-file-variable']);
    assert.match(file.diagnostics[0].message, /"@token" is neither a file variable nor metadata: write "@name = value"/);
    assert.match(file.diagnostics[1].message, /@a is already declared on line 2; this later value wins/);
  });

  it('records every reference with its kind, exact range and name range', () => {
    const text =
      'POST {{baseUrl}}/cards?id={{ $guid }}\nX-Token: {{login.response.body.$.access_token}}\nX-Trace: ' +
      '{{login.response.headers.X-Trace-Id}}\n\n{"n": {{$randomInt 1 10}}, "e": "{{$processEnv HOME}}", ' +
      '"d": "{{$dotenv KEY}}", "t": {{$timestamp -1 d}}}\n###\n# @name login\nPOST /token\n';
    const file = parseRequestFile(text);
    same(file.diagnostics, []);
    const references = file.requests[0].variables;
    same(
      references.map((reference) => [reference.kind, reference.name, reference.args, reference.location]),
      [
        ['variable', 'baseUrl', [], 'url'],
        ['system', '$guid', [], 'url'],
        ['chained', 'login', [], 'header'],
        ['chained', 'login', [], 'header'],
        ['system', '$randomInt', ['1', '10'], 'body'],
        ['system', '$processEnv', ['HOME'], 'body'],
        ['system', '$dotenv', ['KEY'], 'body'],
        ['system', '$timestamp', ['-1', 'd'], 'body'],
      ],
    );
    same([references[0].range, references[0].nameRange], [at(0, 5, 0, 16), at(0, 7, 0, 14)]);
    same([references[1].range, references[1].nameRange, references[1].expression], [at(0, 26, 0, 37), at(0, 29, 0, 34), '$guid']);
    same(references[2].chain, { request: 'login', source: 'response', section: 'body', path: '$.access_token' });
    same(references[2].nameRange, at(1, 11, 1, 16));
    same(references[3].chain, { request: 'login', source: 'response', section: 'headers', path: 'X-Trace-Id' });
    same(references[4].range, at(4, 6, 4, 25));
  });

  it('reads {{name.request.body.*}} and {{name.request.headers.X}} like REST Client', () => {
    const file = parseRequestFile('# @name a\nGET /a\n###\nPOST /b\n\n{{a.request.body.*}} {{a.request.headers.Accept}}\n');
    same(file.diagnostics, []);
    same(
      file.requests[1].variables.map((reference) => reference.chain),
      [
        { request: 'a', source: 'request', section: 'body', path: '*' },
        { request: 'a', source: 'request', section: 'headers', path: 'Accept' },
      ],
    );
  });

  it('reports a chained reference to a request that nobody named, with the closest name', () => {
    const file = parseRequestFile('# @name login\nPOST /token\n###\nGET /x\nAuthorization: Bearer {{logn.response.body.$.token}}\n');
    same(codes(file), ['unknown-request-reference']);
    assert.match(file.diagnostics[0].message, /No request is named "logn": did you mean "login"\? Add "# @name logn"/);
    same(file.diagnostics[0].range, at(4, 24, 4, 28));
    same(
      file.requests[1].diagnostics.map((diagnostic) => diagnostic.code),
      ['unknown-request-reference'],
    );
  });

  it('reports malformed references: unknown system variable, bad arguments, incomplete chains, unclosed braces', () => {
    const file = parseRequestFile(
      'GET /{{$gid}}/{{$randomInt 5}}/{{$randomInt 9 ' +
        '1}}/{{$processEnv}}/{{a.response.status}}/{{a.response.body}}/{{a.response.body.token}}/{{}}/{{ ' +
        'x y }}/{{open\n###\n# @name a\nGET /a\n',
    );
    same(codes(file), [
      'unknown-system-variable',
      'bad-system-variable-arguments',
      'bad-system-variable-arguments',
      'bad-system-variable-arguments',
      'malformed-chained-reference',
      'malformed-chained-reference',
      'malformed-chained-reference',
      'malformed-variable',
      'malformed-variable',
      'unclosed-variable',
    ]);
    const messages = file.diagnostics.map((diagnostic) => diagnostic.message);
    assert.match(messages[0], /Unknown system variable "\$gid": did you mean "\$guid"\?/);
    assert.match(messages[1], /\$randomInt needs two integers/);
    assert.match(messages[2], /MIN below MAX, not 9 and 1/);
    assert.match(messages[3], /\$processEnv takes exactly one variable name/);
    assert.match(messages[4], /After "a.response" write .body or .headers/);
    assert.match(messages[5], /"a.response.body" needs .\* for the whole body or a JSONPath/);
    assert.match(messages[6], /"token" is not a JSONPath: start it with \$/);
    assert.match(messages[9], /no closing }}/);
  });

  it('does not read references inside comments', () => {
    const { request } = only('# {{ignored}}\nGET /x\n// {{ignored}} too\n');
    same(request.variables, []);
  });
});

describe('request file parsing: robustness', () => {
  it('refuses binary content with one diagnostic at the first NUL byte', () => {
    const file = parseRequestFile('GET /x\nab\u0000cd\n');
    assert.equal(file.binary, true);
    same(file.requests, []);
    same(codes(file), ['binary-content']);
    same(file.diagnostics[0].range, at(1, 2, 1, 3));
    assert.match(file.diagnostics[0].message, /binary data \(a NUL byte at line 2, column 3\)/);
  });

  it('parses a 1 MB line quickly and without throwing', () => {
    const huge = 'GET /' + '{{'.repeat(250_000) + 'a}}'.repeat(100_000) + '\nX: ' + '{'.repeat(1_000_000) + '\n';
    const started = performance.now();
    const file = parseRequestFile(huge);
    assert.equal(file.requests.length, 1);
    assert.ok(performance.now() - started < 1000, 'linear scanning keeps this well under a second');
  });

  it('caps diagnostics and says how many more there are', () => {
    const file = parseRequestFile(Array.from({ length: 50 }, () => 'GET /x\nnot a header').join('\n###\n'), { maxDiagnostics: 10 });
    assert.equal(file.diagnostics.length, 11);
    assert.equal(file.diagnostics[10].code, 'too-many-problems');
    assert.match(file.diagnostics[10].message, /40 more problems are not shown/);
  });

  it('returns an empty result for an empty file', () => {
    const metadata = { noAuth: false, ehiSign: false, expectations: [], prompts: [], entries: [], unknown: [] };
    const nothing = { requests: [], fileVariables: [], metadata, metadataVariables: [], comments: [], diagnostics: [] };
    same(parseRequestFile(''), { ...nothing, lineCount: 1, binary: false });
  });
});

function pick(request: { method: string; url: string; httpVersion?: string }) {
  return [request.method, request.url, request.httpVersion];
}
