import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { EHI_MESSAGE_TYPES, seededRandom } from '../../../src/core/ehi/messages';
import { parseRequestFile } from '../../../src/core/requestFile';

interface Snippet {
  prefix: string;
  body: string[];
}

const snippets = Object.values(JSON.parse(fs.readFileSync('snippets/ehi.json', 'utf8')) as Record<string, Snippet>);

/** The text VS Code inserts: placeholders replaced by their defaults, escapes removed. */
function inserted(snippet: Snippet): string {
  return snippet.body
    .join('\n')
    .replace(/\$0/g, '')
    .replace(/\$\{\d+:((?:\\\}|[^}])*)\}/g, '$1')
    .replace(/\\([$}])/g, '$1');
}

describe('EHI snippets', () => {
  it('insert each message type the simulator sends, as a signed request checked against the 200 ms timeout', () => {
    assert.deepEqual(
      snippets.map((snippet) => snippet.prefix),
      EHI_MESSAGE_TYPES.map(({ type }) => `thredd-ehi-${type}`),
    );
    for (const snippet of snippets) {
      const file = parseRequestFile(inserted(snippet));
      assert.deepEqual(file.diagnostics, [], snippet.prefix);
      const [request] = file.requests;
      assert.equal(request.metadata.ehiSign, true, snippet.prefix);
      assert.ok(
        request.metadata.expectations.some((expectation) => expectation.text === 'duration < 200'),
        snippet.prefix,
      );
      assert.equal(request.method, 'POST');
    }
  });

  it("send the builders' fields, with MTID and Txn_Type of their type, and fresh ids from system variables", () => {
    for (const [index, type] of EHI_MESSAGE_TYPES.entries()) {
      const text = inserted(snippets[index]);
      const body = text.slice(text.indexOf('{\n'));
      assert.match(body, /"TXn_ID": \{\{\$randomInt \d+ \d+\}\}/);
      const json = JSON.parse(body.replace(/\{\{\$randomInt (\d+) \d+\}\}/g, '$1')) as Record<string, unknown>;
      const built = type.build({ random: seededRandom(1), now: new Date() });
      assert.deepEqual(Object.keys(json), Object.keys(built), type.type);
      assert.deepEqual([json.MTID, json.Txn_Type], [type.mtid, type.txnType], type.type);
    }
  });
});
