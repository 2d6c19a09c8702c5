import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DraftError, draftOf, parseRequestFile, printRequestFile } from '../../../src/core/requestFile';
import type { RequestDraft, RequestFileDraft } from '../../../src/core/requestFile';
import { isUserError } from '../../../src/core/errors/userError';
import { isHeaderName } from '../../../src/core/requestFile/checkDraft';
import { requestFileDraft } from './draftGenerators';

const EMPTY: RequestFileDraft = { comments: [], variables: [], directives: [], requests: [] };
const request = (fields: Partial<RequestDraft> = {}): RequestDraft => ({
  ...{ comments: [], directives: [], method: 'GET', url: '{{baseUrl}}/x', query: [], headers: [] },
  ...fields,
});
const LATIN1_FILE = { kind: 'file', path: 'a.bin', processVariables: true, encoding: 'latin1' } as const;
const file = (...requests: RequestDraft[]): RequestFileDraft => ({ ...EMPTY, requests });

describe('printRequestFile round trip', () => {
  it('reads back every draft it prints: draftOf(parseRequestFile(printRequestFile(draft))) equals the draft', () => {
    fc.assert(
      fc.property(requestFileDraft, (draft) => {
        assert.deepStrictEqual(draftOf(parseRequestFile(printRequestFile(draft))), draft);
      }),
      { numRuns: 1500 },
    );
  });

  it('prints a parsed file, once in the canonical layout, unchanged', () => {
    fc.assert(
      fc.property(requestFileDraft, (draft) => {
        const printed = printRequestFile(draft);
        assert.equal(printRequestFile(draftOf(parseRequestFile(printed))), printed);
      }),
      { numRuns: 300 },
    );
  });
});

describe('printRequestFile output', () => {
  it("writes the file's comments, variables and directives first, then each request from ### to its body", () => {
    const draft: RequestFileDraft = {
      comments: ['Imported from Postman'],
      variables: [
        { name: 'cardholder', value: 'Ada {{surname}}' },
        { name: 'empty', value: '' },
      ],
      directives: [
        { key: 'env', value: 'uat' },
        { key: 'expect', value: 'status < 500' },
      ],
      requests: [
        request({
          title: 'Create a card',
          comments: ['Creates a card for the cardholder.'],
          directives: [
            { key: 'name', value: 'createCard' },
            { key: 'no-auth', value: '' },
          ],
          method: 'POST',
          url: '{{baseUrl}}/core/api/v1/cards',
          query: ['?product=1', '&dry={{dry}}'],
          headers: [
            { name: 'Content-Type', value: 'application/json' },
            { name: 'X-Old', value: '1', disabled: true },
            { name: 'X-Empty', value: '' },
          ],
          body: { kind: 'text', text: '{\n  "name": "{{cardholder}}"\n}' },
        }),
        request({ httpVersion: '1.1', body: { kind: 'file', path: './bodies/card.json', processVariables: true } }),
        request({ body: { kind: 'mixed', parts: [{ kind: 'text', text: '--boundary' }, { ...LATIN1_FILE }] } }),
      ],
    };
    assert.equal(
      printRequestFile(draft),
      [
        '# Imported from Postman',
        '@cardholder = Ada {{surname}}',
        '@empty =',
        '# @env uat',
        '# @expect status < 500',
        '',
        '### Create a card',
        '# Creates a card for the cardholder.',
        '# @name createCard',
        '# @no-auth',
        'POST {{baseUrl}}/core/api/v1/cards',
        '    ?product=1',
        '    &dry={{dry}}',
        'Content-Type: application/json',
        '# X-Old: 1',
        'X-Empty:',
        '',
        '{',
        '  "name": "{{cardholder}}"',
        '}',
        '',
        '###',
        'GET {{baseUrl}}/x HTTP/1.1',
        '',
        '<@ ./bodies/card.json',
        '',
        '###',
        'GET {{baseUrl}}/x',
        '',
        '--boundary',
        '<@latin1 a.bin',
        '',
      ].join('\n'),
    );
  });

  it('writes a directive value that starts with "=" so that it reads back with it, and an empty file as nothing', () => {
    assert.equal(printRequestFile({ ...EMPTY, directives: [{ key: 'note', value: '=x' }] }), '# @note = =x\n');
    assert.equal(parseRequestFile('# @note = =x\n').metadata.entries[0].value, '=x');
    assert.equal(printRequestFile(EMPTY), '');
  });

  it("reads header-like comments under a request line as disabled headers, and other comments as the request's", () => {
    const draft = draftOf(parseRequestFile('# top\nGET /x\n# X-Old: 1\n# a note\nAccept: */*\n\n{}\n# trailing\n'));
    assert.deepEqual(draft.comments, []);
    assert.deepEqual(draft.requests[0].comments, ['top', 'a note', 'trailing']);
    assert.deepEqual(draft.requests[0].headers, [
      { name: 'X-Old', value: '1', disabled: true },
      { name: 'Accept', value: '*/*' },
    ]);
  });
});

describe('printRequestFile refuses drafts the language cannot hold', () => {
  const refused = (draft: RequestFileDraft, message: RegExp) => {
    assert.throws(
      () => printRequestFile(draft),
      (error: unknown) => {
        assert.ok(error instanceof DraftError && isUserError(error), 'a DraftError the user can act on');
        assert.match(error.message, message);
        assert.ok(error.fix, 'it says what to do');
        return true;
      },
    );
  };

  it('a text body with a line that would read as a comment, a separator or a file', () => {
    for (const line of ['# heading', '  ### not a separator', '// note', '< ./file.json', '<@latin1 x']) {
      const draft = file(request({ title: 'Upload', body: { kind: 'text', text: `first\n${line}\nlast` } }));
      refused(draft, /^Request 1 \("Upload"\): its body line ".*" would read as/);
    }
  });

  it('a body with blank edges, text parts in a row, or a mixed body without a file', () => {
    refused(file(request({ body: { kind: 'text', text: '\n{}' } })), /starts or ends with a blank line/);
    refused(file(request({ body: { kind: 'text', text: '' } })), /starts or ends with a blank line/);
    const text = { kind: 'text' as const, text: 'a' };
    const upload = { kind: 'file' as const, path: 'f', processVariables: false };
    refused(file(request({ body: { kind: 'mixed', parts: [text, text, upload] } })), /two text parts in a row/);
    refused(file(request({ body: { kind: 'mixed', parts: [text] } })), /at least one file part/);
  });

  it('comments that would read as directives, line breaks in one-line fields, and names the parser rejects', () => {
    refused({ ...EMPTY, comments: ['@name here'] }, /^The file: the comment "@name here" would read as a "# @directive"/);
    refused(file(request({ title: 'two\nlines' })), /the title "two\\nlines" holds a line break/);
    refused(file(request({ headers: [{ name: '#Hash', value: 'x' }] })), /"#Hash" is not a header name/);
    refused(file(request({ url: 'https://a.test/with space' })), /holds blanks/);
    refused(file(request({ query: ['page=1'] })), /does not start with \? or &/);
    refused({ ...EMPTY, variables: [{ name: 'a b', value: '1' }] }, /"a b" is not a variable name/);
  });

  it('spares only the very bodies a caller says it checked (checkedBodies), not equal copies of them', () => {
    const body = { kind: 'text' as const, text: '# read as a comment' };
    const checkedBodies = new Set([body]);
    assert.equal(printRequestFile(file(request({ body })), { checkedBodies }), '###\nGET {{baseUrl}}/x\n\n# read as a comment\n');
    assert.throws(
      () => printRequestFile(file(request({ body }), request({ body: { ...body } })), { checkedBodies }),
      /^DraftError: Request 2: its body line "# read as a comment" would read as a comment/,
    );
  });
});

describe('isHeaderName (the printer and the Postman importer share it)', () => {
  it('takes RFC 9110 tokens, except those that start with "#" (a comment) or "&" (a query line)', () => {
    for (const name of ['X-Region', 'content-type', "a!#$%&'*+-.^_`|~9", 'X#', 'X&Y']) assert.ok(isHeaderName(name), name);
    for (const name of ['', '#Hash', '&amp', 'bad name', 'X:Y', 'Ä', ' X-Region']) assert.equal(isHeaderName(name), false, name);
  });
});
