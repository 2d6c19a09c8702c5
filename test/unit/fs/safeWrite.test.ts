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
    await assert.rejects(
      writeFileExclusive(file, 'secret-2'),
      (error: unknown) => error instanceof FileExistsError && /left untouched/.test((error as Error).message),
    );
    assert.equal(fs.readFileSync(file, 'utf8'), 'secret-1');
  });

  it('replaces a file atomically and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'thredd.json');
    fs.writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.deepEqual(
      fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  it('keeps the mode of the file it replaces unless told otherwise', async () => {
    const file = path.join(dir, 'private.json');
    fs.writeFileSync(file, 'old', { mode: 0o600 });
    await writeFileAtomic(file, 'new');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    await writeFileAtomic(file, 'newer', 0o644);
    assert.equal(fs.statSync(file).mode & 0o777, 0o644);
    const created = path.join(dir, 'created.json');
    await writeFileAtomic(created, 'x');
    assert.equal(fs.statSync(created).mode & 0o777, 0o644);
  });

  it('removes temp files a killed writer left, once they are stale, and nothing else', async () => {
    const file = path.join(dir, 'history.json');
    const stale = path.join(dir, '.history.json.0123456789ab.tmp');
    const fresh = path.join(dir, '.history.json.ba9876543210.tmp');
    const unrelated = path.join(dir, '.other.json.0123456789ab.tmp');
    for (const temp of [stale, fresh, unrelated]) fs.writeFileSync(temp, 'left over');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    fs.utimesSync(stale, hourAgo, hourAgo);
    fs.utimesSync(unrelated, hourAgo, hourAgo);
    await writeFileAtomic(file, '{}');
    assert.equal(fs.existsSync(stale), false, 'a stale temp of this file is removed');
    assert.equal(fs.existsSync(fresh), true, 'a temp that may belong to a running writer stays');
    assert.equal(fs.existsSync(unrelated), true, 'temps of other files are not touched');
  });

  it('leaves the old file when the atomic write fails', async () => {
    const file = path.join(dir, 'missing-folder', 'x.json');
    await assert.rejects(writeFileAtomic(file, 'new'), /ENOENT/);
  });
});
