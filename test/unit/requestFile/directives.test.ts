import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIRECTIVES, directiveAt, parseRequestFile } from '../../../src/core/requestFile';

describe('the directive table', () => {
  it('drives the parser: every example of every directive parses without a problem and is recorded under its key', () => {
    for (const directive of DIRECTIVES) {
      for (const example of directive.examples) {
        const file = parseRequestFile(`${example}\nGET https://a.test/\n`);
        assert.deepEqual(file.diagnostics, [], example);
        assert.deepEqual(
          file.requests[0].metadata.entries.map((entry) => entry.key),
          [directive.key],
          example,
        );
      }
    }
  });

  it('says how a request inherits each directive that may apply to a whole file, and only those', () => {
    for (const directive of DIRECTIVES) assert.equal(directive.inherit !== undefined, directive.fileLevel, `@${directive.key}`);
  });

  it("offers every directive's key first in its completion snippet", () => {
    for (const directive of DIRECTIVES) assert.ok(directive.completion.snippet.startsWith(directive.key), `@${directive.key}`);
  });

  it("suggests the unknown key's closest directive from the table", () => {
    const file = parseRequestFile('# @no-cookiejar\nGET /x\n');
    assert.match(file.diagnostics[0].message, /did you mean "@no-cookie-jar"\?/);
  });
});

describe('directiveAt (hover on # @key)', () => {
  it("finds the directive whose key is under the position, with the key's range", () => {
    const found = directiveAt('  # @expect status 200', 4, 6);
    assert.equal(found?.directive.key, 'expect');
    assert.deepEqual(
      [found?.range.start, found?.range.end],
      [
        { line: 4, column: 4 },
        { line: 4, column: 11 },
      ],
    );
    assert.equal(directiveAt('// @no-auth', 0, 11)?.directive.key, 'no-auth', 'the end of the key counts, as the cursor sits after it');
  });

  it('finds nothing on the value, on an unknown key, or outside a comment', () => {
    assert.equal(directiveAt('# @expect status 200', 0, 14), undefined);
    assert.equal(directiveAt('# @bogus value', 0, 4), undefined);
    assert.equal(directiveAt('@name = value', 0, 2), undefined);
    assert.equal(directiveAt('# name', 0, 3), undefined);
  });
});
