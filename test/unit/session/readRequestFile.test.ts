import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { isUserError } from '../../../src/core/errors/userError';
import { readRequestFile, RequestFileError } from '../../../src/core/session';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-read-'));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** What the user reads (message, then the fix) when the file is refused. */
async function refusal(file: string, name?: string): Promise<string> {
  const error = await readRequestFile(file, name).then(
    () => assert.fail('read'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof RequestFileError && isUserError(error), String(error));
  return error.userMessage();
}

describe('readRequestFile', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses a request file', async () => {
    const parsed = await readRequestFile(write('ok.thredd', '# @name one\nGET https://a.test/1\n###\nGET https://a.test/2\n'));
    assert.deepEqual(
      parsed.requests.map((request) => request.url),
      ['https://a.test/1', 'https://a.test/2'],
    );
  });

  it('says where a file stops being UTF-8, by the name the user gave', async () => {
    const file = write('latin1.thredd', Buffer.from('GET https://a.test/\nX-Name: Café\n', 'latin1'));
    const refused = await refusal(file, 'requests/latin1.thredd');
    assert.match(
      refused,
      /^requests\/latin1\.thredd:2:12: this file is not UTF-8 text \(the bytes there are not UTF-8\)\. Save it as UTF-8;/,
    );
  });

  it('refuses binary content, a file without requests and a missing file', async () => {
    const binary = write('binary.thredd', Buffer.from('GET https://a.test/\n\n\0\0'));
    assert.match(await refusal(binary), /binary\.thredd: This file holds binary data \(a NUL byte at line 3, column 1\)/);
    assert.match(await refusal(write('empty.thredd', '# just a comment\n')), /empty\.thredd has no requests/);
    const missing = await refusal(path.join(dir, 'none.thredd'), 'none.thredd');
    assert.match(missing, /^none\.thredd does not exist \(looked in .*none\.thredd\)\.$/);
  });
});
