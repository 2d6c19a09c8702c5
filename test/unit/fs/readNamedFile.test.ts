import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readNamedFile } from '../../../src/core/fs/readNamedFile';

class NamedFileError extends Error {}

describe('reading a file the user named', () => {
  let dir: string;
  const read = (file: string) => readNamedFile(file, 'The CA file', (message) => new NamedFileError(message));
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-named-file-'));
    fs.writeFileSync(path.join(dir, 'ca.pem'), 'bytes\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('returns the bytes as they are', async () => {
    assert.deepEqual(await read(path.join(dir, 'ca.pem')), Buffer.from('bytes\n'));
  });

  it("throws the caller's error, saying the file does not exist", async () => {
    const missing = path.join(dir, 'missing.pem');
    await assert.rejects(read(missing), (error: Error) => {
      assert.ok(error instanceof NamedFileError);
      assert.equal(error.message, `The CA file ${missing} does not exist.`);
      return true;
    });
  });

  it('says why a file that exists cannot be read', async () => {
    // A folder: readFile fails with EISDIR on every platform.
    await assert.rejects(read(dir), (error: Error) => {
      assert.ok(error instanceof NamedFileError);
      assert.match(error.message, new RegExp(`^The CA file ${dir.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} cannot be read: EISDIR.*\\.$`));
      return true;
    });
  });
});
