import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { csvRows, DataFileError, iterationRows, jsonRows, readIterationData } from '../../../src/core/session/data';

/** The error's message and fix, as the CLI prints them. */
function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof DataFileError, String(error));
    return error.userMessage();
  }
  return assert.fail('expected a DataFileError');
}

describe('CSV data files, read as newman reads them', () => {
  it('names columns by the header row and gives one row per line', () => {
    assert.deepEqual(csvRows('cardName,amount\nJane,10\nJoe,20\n', 'rows.csv'), [
      { cardName: 'Jane', amount: '10' },
      { cardName: 'Joe', amount: '20' },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const rows = csvRows('name,note\n"Doe, Jane","say ""hi"""\n"two\nlines",x\n', 'rows.csv');
    assert.deepEqual(rows, [
      { name: 'Doe, Jane', note: 'say "hi"' },
      { name: 'two\nlines', note: 'x' },
    ]);
  });

  it('drops a byte order mark, reads CRLF line ends, skips empty lines and trims blanks around delimiters but not inside quotes', () => {
    const rows = csvRows('\uFEFFa,b\r\n 1 , " 2 "\r\n\r\n3,4\r\n', 'rows.csv');
    assert.deepEqual(rows, [
      { a: '1', b: ' 2 ' },
      { a: '3', b: '4' },
    ]);
  });

  it('gives an empty cell as an empty value and keeps cells as written (007 stays 007)', () => {
    assert.deepEqual(csvRows('a,b,c\n007,,1.50\n', 'rows.csv'), [{ a: '007', b: '', c: '1.50' }]);
  });

  it('keeps a quote inside an unquoted field, as newman does', () => {
    assert.deepEqual(csvRows('size\n5" screen\n', 'rows.csv'), [{ size: '5" screen' }]);
  });

  it('refuses a row with a different number of cells, naming the line the row starts on', () => {
    const message = refusal(() => csvRows('a,b\n"multi\nline",2\n1,2,3\n', 'rows.csv'));
    assert.match(message, /^rows\.csv:4: this row has 3 cells, the header has 2 \(a, b\)\. Give every row one cell per column/);
    assert.match(
      refusal(() => csvRows('a,b\n1\n', 'rows.csv')),
      /^rows\.csv:2: this row has 1 cell, the header has 2/,
    );
  });

  it('refuses an unclosed quote and text after a closing quote, with the line and cell', () => {
    assert.match(
      refusal(() => csvRows('a,b\n1,"2\n3,4\n', 'rows.csv')),
      /^rows\.csv:\d+, cell 2: a quoted field opened before this line is never closed/,
    );
    assert.match(
      refusal(() => csvRows('a,b\n1,"2"x\n', 'rows.csv')),
      /^rows\.csv:2, cell 2: text follows the closing quote of a quoted field\. Put a field/,
    );
  });

  it('refuses an empty file, a header without rows, and an empty or repeated column name', () => {
    assert.match(
      refusal(() => csvRows('', 'rows.csv')),
      /rows\.csv is empty/,
    );
    assert.match(
      refusal(() => csvRows('a,b\n', 'rows.csv')),
      /rows\.csv has a header but no rows/,
    );
    assert.match(
      refusal(() => csvRows('a,,c\n1,2,3\n', 'rows.csv')),
      /rows\.csv:1: column 2 of the header has no name/,
    );
    assert.match(
      refusal(() => csvRows('a,b,a\n1,2,3\n', 'rows.csv')),
      /rows\.csv:1: the header names "a" twice/,
    );
  });
});

describe('JSON data files', () => {
  it('takes an array of objects; strings as they are, other values as their JSON text', () => {
    const rows = jsonRows('\uFEFF[{"name": "Jane", "amount": 10, "ok": true, "tags": ["a"], "none": null}]', 'rows.json');
    assert.deepEqual(rows, [{ name: 'Jane', amount: '10', ok: 'true', tags: '["a"]', none: 'null' }]);
  });

  it('refuses what is not an array of objects, and bad JSON with its line and column', () => {
    assert.match(
      refusal(() => jsonRows('{"name": "Jane"}', 'rows.json')),
      /^rows\.json holds an object, not an array of rows\. A JSON data file is an array/,
    );
    assert.match(
      refusal(() => jsonRows('[]', 'rows.json')),
      /rows\.json is an empty array/,
    );
    assert.match(
      refusal(() => jsonRows('[{"a": 1}, "b"]', 'rows.json')),
      /rows\.json: item 2 of the array is a string, not an object/,
    );
    assert.match(
      refusal(() => jsonRows('[\n  {"a": 1},\n  {"b": }\n]', 'rows.json')),
      /^rows\.json:3:\d+: this is not valid JSON \(value expected\)/,
    );
  });
});

describe('iterations from rows', () => {
  const rows = [{ n: '1' }, { n: '2' }];

  it('runs once per row without a count, and a count of iterations without rows', () => {
    assert.deepEqual(iterationRows(rows, undefined), rows);
    assert.deepEqual(iterationRows(undefined, 3), [{}, {}, {}]);
    assert.deepEqual(iterationRows(undefined, undefined), [{}]);
  });

  it('takes the first rows for a smaller count and reuses the last row past the end, as newman does', () => {
    assert.deepEqual(iterationRows(rows, 1), [{ n: '1' }]);
    assert.deepEqual(iterationRows(rows, 4), [{ n: '1' }, { n: '2' }, { n: '2' }, { n: '2' }]);
  });

  it('reads .json as JSON, other names as CSV unless they hold a JSON array, and names a missing file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-data-'));
    fs.writeFileSync(path.join(dir, 'rows.json'), '[{"a": "1"}]');
    fs.writeFileSync(path.join(dir, 'rows.txt'), '  [{"a": "2"}]');
    fs.writeFileSync(path.join(dir, 'rows.csv'), 'a\n3\n');
    assert.deepEqual(await readIterationData(path.join(dir, 'rows.json')), [{ a: '1' }]);
    assert.deepEqual(await readIterationData(path.join(dir, 'rows.txt')), [{ a: '2' }]);
    assert.deepEqual(await readIterationData(path.join(dir, 'rows.csv')), [{ a: '3' }]);
    await assert.rejects(readIterationData(path.join(dir, 'nope.csv'), 'nope.csv'), /The data file nope\.csv does not exist/);
    fs.rmSync(dir, { recursive: true });
  });
});
