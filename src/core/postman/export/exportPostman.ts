import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../../errors/userError';
import { FileExistsError, writeFileAtomic, writeFileExclusive } from '../../fs/safeWrite';
import { readRequestFile } from '../../session/readRequestFile';
import { buildCollection, type ExportNote } from './buildCollection';
import { collectionJson } from './collectionJson';

export class ExportError extends UserError {
  static override readonly kind: string = 'ExportError';
}

export interface ExportPostmanOptions {
  /** Absolute paths of the .thredd / .http files, in the order their folders get. */
  files: readonly string[];
  /** Absolute path of the collection file to write. */
  out: string;
  /** Replace `out` when it exists. */
  force?: boolean;
  /** The collection's name; default the output file's name without extension. */
  name?: string;
  /** How messages name a file (the CLI: as typed); default its path. */
  shown?: (file: string) => string;
}

export interface ExportPostmanResult {
  out: string;
  requests: number;
  folders: number;
  notes: ExportNote[];
}

/**
 * Writes a v2.1 Postman collection of request files to `out`, all at once (never a partial file), and never over
 * an existing file unless `force`. Every file is read before anything is written, so a bad one writes nothing.
 */
export async function exportPostman(options: ExportPostmanOptions): Promise<ExportPostmanResult> {
  if (options.files.length === 0) throw new ExportError('Name at least one .thredd or .http file to export.');
  const shown = options.shown ?? ((file: string) => file);
  const exists = () =>
    new ExportError(
      `${shown(options.out)} already exists; it was left untouched.`,
      'Choose another --out file, or pass --force to replace it.',
    );
  // Checked first so nothing is read in vain; the exclusive write below holds if the file appears meanwhile.
  if (!options.force && fs.existsSync(options.out)) throw exists();
  const files = await Promise.all(options.files.map(async (file) => ({ path: file, parsed: await readRequestFile(file, shown(file)) })));
  const name = options.name ?? path.basename(options.out, path.extname(options.out));
  const { collection, notes } = buildCollection(name, files);
  const json = collectionJson(collection, randomUUID());
  await fs.promises.mkdir(path.dirname(options.out), { recursive: true });
  const text = JSON.stringify(json, null, 2) + '\n';
  try {
    await (options.force ? writeFileAtomic(options.out, text) : writeFileExclusive(options.out, text, 0o644));
  } catch (error) {
    throw error instanceof FileExistsError ? exists() : error;
  }
  const requests = files.reduce((sum, file) => sum + file.parsed.requests.length, 0);
  return { out: options.out, requests, folders: files.length, notes };
}
