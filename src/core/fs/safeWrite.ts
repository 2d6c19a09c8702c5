import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../errors/userError';

/** Thrown when a file that must never be overwritten (a private key, a user's config) already exists. */
export class FileExistsError extends UserError {
  static override readonly kind: string = 'FileExistsError';

  constructor(readonly file: string) {
    super(`${file} already exists; it was left untouched. Choose another name or folder, or move the existing file away first.`);
  }
}

/**
 * Creates a file that must not replace anything: fails if the path exists (O_EXCL), so a second
 * key generation can never destroy a key. The mode applies from creation, never after.
 */
export async function writeFileExclusive(file: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'wx', mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(file);
    throw error;
  }
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.promises.rm(file, { force: true }); // no partial key or config left behind
    throw error;
  }
  await handle.close();
}

/**
 * Replaces a file all at once (temp file in the same folder, then rename): readers see the old or the
 * new file. Without `mode`, a file that exists keeps its mode (a 0600 thredd.json stays 0600) and a
 * new one gets 0644. Temp files left by a killed writer are removed once they are stale.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const prefix = `.${path.basename(file)}.`;
  const temp = path.join(path.dirname(file), `${prefix}${randomBytes(6).toString('hex')}.tmp`);
  const fileMode = mode ?? ((await fs.promises.stat(file).catch(() => undefined))?.mode ?? 0o644) & 0o777;
  try {
    await fs.promises.writeFile(temp, data, { mode: fileMode, flag: 'wx' });
    const handle = await fs.promises.open(temp, 'r');
    await handle.sync();
    await handle.close();
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  // Best effort: the write has succeeded, and a temp file held open elsewhere (Windows) must not undo that.
  await removeStaleTemps(path.dirname(file), prefix).catch(() => undefined);
}

/** A writer's temp file lives for milliseconds; one older than this was left by a killed process. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** Folders and names already swept: leftovers come from earlier processes, so once per process is enough. */
const swept = new Set<string>();

async function removeStaleTemps(dir: string, prefix: string): Promise<void> {
  // history.json is rewritten after every request; listing its folder each time would be wasted I/O.
  const key = path.join(dir, prefix);
  if (swept.has(key)) return;
  swept.add(key);
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  const stale = Date.now() - STALE_TEMP_MS;
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\.[^/]+\.[0-9a-f]{12}\.tmp$/.test(name)) continue;
    const temp = path.join(dir, name);
    const modified = (await fs.promises.stat(temp).catch(() => undefined))?.mtimeMs;
    if (modified !== undefined && modified < stale) await fs.promises.rm(temp, { force: true }).catch(() => undefined);
  }
}
