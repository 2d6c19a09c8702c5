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

async function refusal(file: string, name?: string): Promise<string> {
  const error = await readRequestFile(file, name).then(() => assert.fail('read'), (caught: unknown) => caught);
  assert.ok(error instanceof RequestFileError && isUserError(error), String(error));
  return error.message;
}

describe('readRequestFile', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses a request file', async () => {
    const parsed = await readRequestFile(write('ok.thredd', '# @name one\nGET https://a.test/1\n###\nGET https://a.test/2\n'));
    assert.deepEqual(parsed.requests.map((request) => request.url), ['https://a.test/1', 'https://a.test/2']);
  });

  it('says where a file stops being UTF-8, by the name the user gave', async () => {
    const file = write('latin1.thredd', Buffer.concat([Buffer.from('GET https://a.test/\nX-Name: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    assert.match(await refusal(file, 'requests/latin1.thredd'), /^requests\/latin1\.thredd:2:12: this file is not UTF-8 text/);
  });

  it('refuses binary content, a file without requests and a missing file', async () => {
    assert.match(await refusal(write('binary.thredd', Buffer.from('GET https://a.test/\n\n\0\0'))), /binary\.thredd: This file holds binary data \(a NUL byte at line 3, column 1\)/);
    assert.match(await refusal(write('empty.thredd', '# just a comment\n')), /empty\.thredd has no requests/);
    assert.match(await refusal(path.join(dir, 'none.thredd'), 'none.thredd'), /^none\.thredd does not exist \(looked in .*none\.thredd\)\.$/);
  });
});
