import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkVariables, findReferenceAt, parseRequestFile } from '../../../src/core/requestFile';
import type { ParsedRequestFile, RequestFileDiagnostic } from '../../../src/core/requestFile';

/** Parses the lines of a file. */
const parse = (...lines: string[]) => parseRequestFile(lines.join('\n') + '\n');
const codes = (file: ParsedRequestFile) => file.diagnostics.map((diagnostic) => diagnostic.code);
const located = (diagnostics: readonly RequestFileDiagnostic[]) => diagnostics.map(({ code, range }) => [code, range.start.line]);
const expectations = (file: ParsedRequestFile, index: number) => file.requests[index].metadata.expectations.map(({ text }) => text);

describe('file-level directives (metadata above the first request)', () => {
  it("pins every request to the file's @env, @timeout and @no-auth, unless a request sets its own", () => {
    const header = ['# @env uat', '# @timeout 5000', '# @no-auth', ''];
    const file = parse(...header, '### one', 'GET /1', '', '### two', '# @env sandbox', '# @timeout 200', 'GET /2');
    assert.deepEqual(codes(file), []);
    const [one, two] = file.requests;
    assert.deepEqual([one.metadata.env, one.metadata.timeout, one.metadata.noAuth], ['uat', 5000, true]);
    assert.deepEqual([two.metadata.env, two.metadata.timeout, two.metadata.noAuth], ['sandbox', 200, true]);
  });

  it("adds the file's @expect lines before each request's own, keeping their lines for reports", () => {
    const header = ['# @expect status < 500', '# @expect duration < 200'];
    const file = parse(...header, '###', '# @expect status 201', 'POST /cards', '###', 'GET /cards');
    assert.deepEqual(expectations(file, 0), ['status < 500', 'duration < 200', 'status 201']);
    assert.deepEqual(expectations(file, 1), ['status < 500', 'duration < 200']);
    assert.deepEqual(
      file.requests[0].metadata.expectations.map((expectation) => expectation.range.start.line),
      [0, 1, 3],
    );
  });

  it("leaves a request's own metadata lines (entries) as written, without the file's", () => {
    const file = parse('# @env uat', '###', '# @name one', 'GET /1');
    assert.deepEqual(
      file.requests[0].metadata.entries.map((entry) => entry.key),
      ['name'],
    );
    assert.deepEqual(
      file.metadata.entries.map((entry) => [entry.key, entry.value]),
      [['env', 'uat']],
    );
    assert.equal(file.metadata.env, 'uat');
  });

  it('declares a file-level @prompt variable for every request', () => {
    const file = parse('# @prompt otp One-time code', '###', 'GET /a?otp={{otp}}', '###', '# @prompt otp Another', 'GET /b?otp={{otp}}');
    assert.deepEqual(checkVariables(file, new Set()), []);
    const descriptions = file.requests.map((request) => request.metadata.prompts.map((prompt) => prompt.description));
    assert.deepEqual(descriptions, [['One-time code'], ['Another']], "the request's own prompt wins");
  });

  it('reads every block above the first request, a later block winning over an earlier one', () => {
    const settings = ['### settings', '# @env sandbox', '# @expect duration < 100'];
    const file = parse('# @env uat', '# @expect status 200', ...settings, '### first', 'GET /x');
    assert.deepEqual(codes(file), []);
    assert.equal(file.requests[0].metadata.env, 'sandbox');
    assert.deepEqual(expectations(file, 0), ['status 200', 'duration < 100']);
  });

  it('warns about a directive that cannot apply to a whole file, naming those that can', () => {
    const file = parse('# @name lost', '# @note', '# @env uat', '###', 'GET /x');
    assert.deepEqual(codes(file), ['metadata-without-request', 'metadata-without-request']);
    assert.match(file.diagnostics[0].message, /^"@name" does not apply to a whole file/);
    assert.match(file.diagnostics[0].message, /only @no-auth, @ehi-sign, @env, @timeout, @expect, @prompt apply to every request\.$/);
    assert.match(file.diagnostics[1].message, /^"@note" does not apply to a whole file/);
    assert.equal(file.requests[0].name, undefined);
    assert.equal(file.requests[0].metadata.env, 'uat');
  });

  it('refuses every request while a file-level directive has an error, pointing at its line', () => {
    const file = parse('# @timeout soon', '###', 'GET /1', '###', 'GET /2');
    assert.deepEqual(codes(file), ['bad-metadata-value']);
    for (const request of file.requests) {
      assert.deepEqual(located(request.diagnostics), [['bad-metadata-value', 0]]);
      assert.equal(request.metadata.timeout, undefined);
    }
  });

  it('keeps warning about metadata in a block without a request below the first request, suggesting to move file-wide ones up', () => {
    const file = parse('GET /x', '###', '# @env uat', '###', 'GET /y');
    assert.deepEqual(codes(file), ['metadata-without-request']);
    assert.match(file.diagnostics[0].message, /^"@env" applies to no request: .* move it above the first request\.$/);
    assert.equal(file.requests[1].metadata.env, undefined);
  });

  it('checks the variables and chained references of file-level directives, and finds them for hover', () => {
    const file = parse('# @expect body $.total >= {{minimum}}', '# @expect body $.id == {{missing.response.body.$.id}}', '###', 'GET /x');
    assert.deepEqual(codes(file), ['unknown-request-reference']);
    assert.deepEqual(located(checkVariables(file, ['other'])), [['unknown-variable', 0]]);
    assert.deepEqual(checkVariables(file, ['minimum']), []);
    assert.equal(findReferenceAt(file, { line: 0, column: 30 })?.reference.name, 'minimum');
  });

  it('changes nothing for a file without file-level metadata', () => {
    const file = parse('@host = https://a.test', '### one', 'GET {{host}}/x');
    const { metadata } = file.requests[0];
    assert.deepEqual(file.metadata.entries, []);
    assert.deepEqual([metadata.env, metadata.noAuth, metadata.expectations], [undefined, false, []]);
  });
});

describe('comment lines', () => {
  it("keeps each comment's text after its markers and one space, in document order, and not metadata", () => {
    const file = parse('# top', '//  indented', '###', '# @name a', '#', 'GET /x', '# X-Old: 1', '', '{', '# in the body', '}');
    const comments = file.comments.map((comment) => [comment.text, comment.range.start.line]);
    assert.deepEqual(comments, [
      ['top', 0],
      [' indented', 1],
      ['', 4],
      ['X-Old: 1', 6],
      ['in the body', 9],
    ]);
  });
});
