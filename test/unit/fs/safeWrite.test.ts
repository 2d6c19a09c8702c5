import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FileExistsError, writeFileAtomic, writeFileExclusive } from '../../../src/core/fs/safeWrite';

describe('safe file writes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-write-'));

  it('creates a private file with mode 0600 and refuses to overwrite it', async () => {
    const file = path.join(dir, 'a.key');
    await writeFileExclusive(file, 'secret-1');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    await assert.rejects(writeFileExclusive(file, 'secret-2'), (error: unknown) => error instanceof FileExistsError && /left untouched/.test((error as Error).message));
    assert.equal(fs.readFileSync(file, 'utf8'), 'secret-1');
  });

  it('replaces a file atomically and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'thredd.json');
    fs.writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')), []);
  });

  it('leaves the old file when the atomic write fails', async () => {
    const file = path.join(dir, 'missing-folder', 'x.json');
    await assert.rejects(writeFileAtomic(file, 'new'), /ENOENT/);
  });
});
