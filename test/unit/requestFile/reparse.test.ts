import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument, parseRequestFile, reparseDocument, type DocumentParse } from '../../../src/core/requestFile';

/** The whole result as plain data: ranges, diagnostics and all. */
const plain = (document: DocumentParse) => JSON.stringify(document.parsed);

const root = path.join(__dirname, '../../..');
const SAMPLES = ['samples/requests', 'test/fixtures/restclient', 'test/fixtures/grammar', 'test/fixtures/workspace/requests'].flatMap(
  (folder) =>
    fs
      .readdirSync(path.join(root, folder))
      .filter((name) => /\.(thredd|http)$/.test(name))
      .map((name) => fs.readFileSync(path.join(root, folder, name), 'utf8')),
);

/** Pieces an edit inserts: request syntax that moves block boundaries, names, chains and diagnostics around. */
const piece = fc.oneof(
  fc.constantFrom(
    '\n',
    '\r\n',
    '###',
    '\n### New\nGET /new\n',
    '# @name login\n',
    '# @name ',
    '# @env uat\n',
    '# @expect status 200\n',
    '@host = https://a.test\n',
    '@host',
    '{{login.response.body.$.id}}',
    '{{missing.response.body.$.x}}',
    '{{',
    'PSOT ',
    'Bad header\n',
    'X-Region: {{region}}\n',
    '{\n  "a": 1\n}\n',
    '< ./body.json\n',
    '#',
    ' ',
  ),
  fc.string({ maxLength: 8 }),
);

/** One edit: replace `remove` characters at a relative position with `insert`. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: piece });

function apply(text: string, change: { at: number; remove: number; insert: string }): string {
  const offset = Math.floor(change.at * text.length);
  return text.slice(0, offset) + change.insert + text.slice(offset + change.remove);
}

describe('re-parsing an edited document', () => {
  it('gives what a full parse gives, ranges and diagnostics included, after any series of edits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SAMPLES),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(undefined, 2, 5),
        (sample, edits, maxDiagnostics) => {
          const options = { maxDiagnostics };
          let document = parseDocument(sample, options);
          const versions: DocumentParse[] = [document];
          for (const change of edits) {
            const text = apply(document.text, change);
            document = reparseDocument(document, text, options);
            assert.equal(
              plain(document),
              JSON.stringify(parseRequestFile(text, options)),
              `after inserting ${JSON.stringify(change.insert)}`,
            );
            versions.push(document);
          }
          // Reused blocks are shared between versions: none may have been changed by a later one.
          for (const version of versions) assert.equal(plain(version), JSON.stringify(parseRequestFile(version.text, options)));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('gives what a full parse gives after typing within lines of a long file with names, chains and problems', () => {
    // Typing keeps the line count, so the blocks below are kept and most edits take the shortest way (spliceParse).
    const requests = Array.from({ length: 40 }, (_, index) =>
      [
        `### Request ${index}`,
        index % 7 === 3 ? '# a comment' : `# @name r${index % 13 === 5 ? 1 : index}`,
        index % 9 === 4 ? '# @bogus' : '# @expect status 200',
        `${index % 11 === 6 ? 'PSOT' : 'POST'} {{host}}/items/${index}`,
        'Content-Type: application/json',
        '',
        `{ "id": "{{r${Math.max(0, index - 1)}.response.body.$.id}}", "x": "{{${index % 5 === 0 ? 'missing' : 'r2'}.response.body.$.x}}" }`,
        '',
      ].join('\n'),
    );
    const base = ['@host = https://a.test', '', ...requests].join('\n');
    const typed = fc.record({
      at: fc.double({ min: 0.05, max: 1, noNaN: true }),
      remove: fc.nat({ max: 3 }),
      insert: fc.oneof(fc.constantFrom('x', '{{', '}}', '#', '@', ' ', 'r1', '.', '$'), fc.string({ maxLength: 3 })),
    });
    fc.assert(
      fc.property(fc.array(typed, { minLength: 1, maxLength: 8 }), (edits) => {
        let document = parseDocument(base);
        for (const change of edits) {
          const offset = Math.floor(change.at * document.text.length);
          const removed = document.text.slice(offset, offset + change.remove);
          if (/[\r\n]/.test(removed + change.insert)) continue;
          const text = apply(document.text, change);
          document = reparseDocument(document, text);
          assert.equal(plain(document), JSON.stringify(parseRequestFile(text)));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('re-reads only the edited block when typing within a line, keeping the other requests as they were', () => {
    const text = Array.from({ length: 50 }, (_, index) => `### ${index}\n# @name r${index}\nGET /items/${index}\n`).join('\n');
    const before = parseDocument(text);
    const after = reparseDocument(before, text.replace('GET /items/25', 'GET /items/25?x=1'));
    assert.equal(after.parsed.requests[25].url, '/items/25?x=1');
    const kept = after.parsed.requests.filter((request, index) => request === before.parsed.requests[index]);
    assert.equal(kept.length, 49);
  });

  it('parses again below an edit that adds a line, since the requests there moved', () => {
    const text = Array.from({ length: 10 }, (_, index) => `### ${index}\nGET /items/${index}\n`).join('\n');
    const before = parseDocument(text);
    const after = reparseDocument(before, text.replace('GET /items/5\n', 'GET /items/5\nAccept: */*\n'));
    assert.equal(after.parsed.requests[4], before.parsed.requests[4]);
    assert.equal(after.parsed.requests[6].requestLineRange.start.line, before.parsed.requests[6].requestLineRange.start.line + 1);
  });
});
