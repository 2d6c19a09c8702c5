import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkVariables, findReferenceAt, parseRequestFile } from '../../../src/core/requestFile';
import type { ParsedRequestFile } from '../../../src/core/requestFile';

const codes = (file: ParsedRequestFile) => file.diagnostics.map((diagnostic) => diagnostic.code);
const expectations = (file: ParsedRequestFile, index: number) => file.requests[index].metadata.expectations.map((expectation) => expectation.text);

describe('file-level directives (metadata above the first request)', () => {
  it('pins every request to the file\'s @env, @timeout and @no-auth, unless a request sets its own', () => {
    const file = parseRequestFile('# @env uat\n# @timeout 5000\n# @no-auth\n\n### one\nGET /1\n\n### two\n# @env sandbox\n# @timeout 200\nGET /2\n');
    assert.deepEqual(codes(file), []);
    const [one, two] = file.requests;
    assert.deepEqual([one.metadata.env, one.metadata.timeout, one.metadata.noAuth], ['uat', 5000, true]);
    assert.deepEqual([two.metadata.env, two.metadata.timeout, two.metadata.noAuth], ['sandbox', 200, true]);
  });

  it('adds the file\'s @expect lines before each request\'s own, keeping their lines for reports', () => {
    const file = parseRequestFile('# @expect status < 500\n# @expect duration < 200\n###\n# @expect status 201\nPOST /cards\n###\nGET /cards\n');
    assert.deepEqual(expectations(file, 0), ['status < 500', 'duration < 200', 'status 201']);
    assert.deepEqual(expectations(file, 1), ['status < 500', 'duration < 200']);
    assert.deepEqual(file.requests[0].metadata.expectations.map((expectation) => expectation.range.start.line), [0, 1, 3]);
  });

  it('leaves a request\'s own metadata lines (entries) as written, without the file\'s', () => {
    const file = parseRequestFile('# @env uat\n###\n# @name one\nGET /1\n');
    assert.deepEqual(file.requests[0].metadata.entries.map((entry) => entry.key), ['name']);
    assert.deepEqual(file.metadata.entries.map((entry) => [entry.key, entry.value]), [['env', 'uat']]);
    assert.equal(file.metadata.env, 'uat');
  });

  it('declares a file-level @prompt variable for every request', () => {
    const file = parseRequestFile('# @prompt otp One-time code\n###\nGET /a?otp={{otp}}\n###\n# @prompt otp Another code\nGET /b?otp={{otp}}\n');
    assert.deepEqual(checkVariables(file, new Set()), []);
    assert.deepEqual(file.requests[0].metadata.prompts.map((prompt) => prompt.description), ['One-time code']);
    assert.deepEqual(file.requests[1].metadata.prompts.map((prompt) => prompt.description), ['Another code'], 'the request\'s own prompt wins');
  });

  it('reads every block above the first request, a later block winning over an earlier one', () => {
    const file = parseRequestFile('# @env uat\n# @expect status 200\n### settings\n# @env sandbox\n# @expect duration < 100\n### first\nGET /x\n');
    assert.deepEqual(codes(file), []);
    assert.equal(file.requests[0].metadata.env, 'sandbox');
    assert.deepEqual(expectations(file, 0), ['status 200', 'duration < 100']);
  });

  it('warns about a directive that cannot apply to a whole file, naming those that can', () => {
    const file = parseRequestFile('# @name lost\n# @note\n# @env uat\n###\nGET /x\n');
    assert.deepEqual(codes(file), ['metadata-without-request', 'metadata-without-request']);
    assert.match(file.diagnostics[0].message, /^"@name" does not apply to a whole file.*only @no-auth, @env, @timeout, @expect, @prompt apply to every request\.$/);
    assert.match(file.diagnostics[1].message, /^"@note" does not apply to a whole file/);
    assert.equal(file.requests[0].name, undefined);
    assert.equal(file.requests[0].metadata.env, 'uat');
  });

  it('refuses every request while a file-level directive has an error, pointing at its line', () => {
    const file = parseRequestFile('# @timeout soon\n###\nGET /1\n###\nGET /2\n');
    assert.deepEqual(codes(file), ['bad-metadata-value']);
    for (const request of file.requests) {
      assert.deepEqual(request.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), [['bad-metadata-value', 0]]);
      assert.equal(request.metadata.timeout, undefined);
    }
  });

  it('keeps warning about metadata in a block without a request below the first request, suggesting to move file-wide ones up', () => {
    const file = parseRequestFile('GET /x\n###\n# @env uat\n###\nGET /y\n');
    assert.deepEqual(codes(file), ['metadata-without-request']);
    assert.match(file.diagnostics[0].message, /^"@env" applies to no request: .* To apply it to every request, move it above the first request\.$/);
    assert.equal(file.requests[1].metadata.env, undefined);
  });

  it('checks the variables and chained references of file-level directives, and finds them for hover', () => {
    const file = parseRequestFile('# @expect body $.total >= {{minimum}}\n# @expect body $.id == {{missing.response.body.$.id}}\n###\nGET /x\n');
    assert.deepEqual(codes(file), ['unknown-request-reference']);
    assert.deepEqual(checkVariables(file, ['other']).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), [['unknown-variable', 0]]);
    assert.deepEqual(checkVariables(file, ['minimum']), []);
    assert.equal(findReferenceAt(file, { line: 0, column: 30 })?.reference.name, 'minimum');
  });

  it('changes nothing for a file without file-level metadata', () => {
    const file = parseRequestFile('@host = https://a.test\n### one\nGET {{host}}/x\n');
    assert.deepEqual(file.metadata.entries, []);
    assert.deepEqual([file.requests[0].metadata.env, file.requests[0].metadata.noAuth, file.requests[0].metadata.expectations], [undefined, false, []]);
  });
});

describe('comment lines', () => {
  it('keeps each comment\'s text after its markers and one space, in document order, and not metadata', () => {
    const file = parseRequestFile('# top\n//  indented\n###\n# @name a\n#\nGET /x\n# X-Old: 1\n\n{\n# in the body\n}\n');
    assert.deepEqual(file.comments.map((comment) => [comment.text, comment.range.start.line]), [['top', 0], [' indented', 1], ['', 4], ['X-Old: 1', 6], ['in the body', 9]]);
  });
});
