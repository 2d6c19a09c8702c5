import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkVariables, parseRequestFile, resolveRequest, variablesInScope } from '../../../src/core/requestFile';
import type { ParsedRequestFile, TextRange } from '../../../src/core/requestFile';

/** Line lengths as VS Code counts lines: `\r\n`, `\n` and a lone `\r` each end one. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\n|\r/).map((line) => line.length);
}

/** Every `{start, end}` object anywhere in the parse. */
function* rangesIn(value: unknown): Generator<TextRange> {
  if (!value || typeof value !== 'object') return;
  const candidate = value as Partial<TextRange>;
  if (candidate.start && candidate.end && typeof candidate.start.line === 'number') yield candidate as TextRange;
  for (const child of Object.values(value)) yield* rangesIn(child);
}

const before = (a: TextRange['start'], b: TextRange['start']) => a.line < b.line || (a.line === b.line && a.column <= b.column);

function checkInvariants(text: string, file: ParsedRequestFile): void {
  const lengths = lineLengths(text);
  assert.equal(file.lineCount, lengths.length, "line count matches the editor's");
  for (const range of rangesIn(file)) {
    for (const position of [range.start, range.end]) {
      assert.ok(position.line >= 0 && position.line < lengths.length, `line ${position.line} is inside the document`);
      assert.ok(
        position.column >= 0 && position.column <= lengths[position.line],
        `column ${position.column} fits line ${position.line} (${lengths[position.line]} long)`,
      );
    }
    assert.ok(before(range.start, range.end), 'a range starts before it ends');
  }
  file.requests.forEach((request, index) => {
    assert.ok(
      before(request.range.start, request.requestLineRange.start) && before(request.requestLineRange.end, request.range.end),
      'the request line is inside its block',
    );
    const next = file.requests[index + 1];
    if (next) assert.ok(request.range.end.line < next.range.start.line, 'request blocks are ordered and do not overlap');
  });
  for (let index = 1; index < file.diagnostics.length; index++) {
    if (file.diagnostics[index].code === 'too-many-problems') continue;
    assert.ok(before(file.diagnostics[index - 1].range.start, file.diagnostics[index].range.start), 'diagnostics are in document order');
  }
}

/** Lines that look like the language, so random files exercise every parser path, mixed with noise. */
const syntaxLine = fc.oneof(
  fc.constantFrom(
    '###',
    '### A title',
    '####',
    '',
    '   ',
    '# comment',
    '// comment',
    '# @name login',
    '// @name other',
    '# @name login',
    '# @no-auth',
    '# @env uat',
    '# @timeout 5000',
    '# @timeout soon',
    '# @expect status 200',
    '# @expect body $.items[?(@.a == 1)].b exists',
    '# @expect header content-type contains json',
    '# @expect duration < 500',
    '# @expect stauts 2',
    '# @prompt otp Code',
    '# @bogus',
    '@host = https://a.test',
    '@a = {{b}}',
    '@b = {{a}}',
    '@bad',
    'GET {{host}}/x HTTP/1.1',
    'POST /cards',
    'https://a.test',
    'PSOT /x',
    'get /lower',
    '    ?page=1',
    '    &size={{size}}',
    'Content-Type: application/json',
    'X-Region: {{region}}',
    'Bad header',
    ': x',
    '{',
    '}',
    '  "a": "{{login.response.body.$.token}}",',
    '< ./body.json',
    '<@ ./t.json',
    '<@latin1 x',
    '<root/>',
    '{{',
    '}}',
    '{{{{a}}}}',
    '{{$guid}} {{$randomInt 1 9}} {{$processEnv HOME}} {{$dotenv X}} {{$timestamp -1 d}}',
    '{{x.response.headers.Y}}',
    '{{login.request.body.*}}',
    '\t#\t@name\tx',
    '@ = 1',
    'HTTP/1.1',
    'GET',
    'GET  ',
    '\u00a0GET /nbsp',
    'GET /a b',
    '{{$unknown}}',
    '{{ spaced name }}',
  ),
  fc.string({ maxLength: 30 }),
  fc.tuple(fc.constantFrom('GET ', '# @', '@', '{{', 'X-', '?', '< '), fc.string({ maxLength: 20 })).map(([head, tail]) => head + tail),
);

const syntaxFile = fc
  .tuple(fc.array(syntaxLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));

describe('request file parser under fuzzing', () => {
  it('never throws and keeps every range inside the document for syntax-like files', () => {
    fc.assert(
      fc.property(syntaxFile, (text) => {
        checkInvariants(text, parseRequestFile(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws and keeps every range inside the document for raw unicode and binary input', () => {
    const raw = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    );
    fc.assert(
      fc.property(raw, (text) => {
        checkInvariants(text, parseRequestFile(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('resolves, lists scope and checks variables of any parsed file without throwing', () => {
    fc.assert(
      fc.property(syntaxFile, (text) => {
        const file = parseRequestFile(text);
        const context = {
          allowEnv: false,
          environment: { name: 'uat', baseUrl: 'https://uat.test', region: '1', variables: { size: '10' } },
        };
        for (const request of file.requests) {
          const result = resolveRequest(file, request, {
            ...context,
            responseOf: () => ({ status: 200, headers: { 'x-trace': 't' }, bodyText: '{"token": "t", "items": [{"a": 1, "b": 2}]}' }),
          });
          for (const item of result.unresolved) if (item.range) assert.ok(item.range.start.line < file.lineCount);
        }
        variablesInScope(file, { line: 0, column: 0 }, context);
        checkVariables(file, ['baseUrl', 'region']);
      }),
      { numRuns: 500 },
    );
  });
});
