import * as fs from 'node:fs';
import * as path from 'node:path';
import { csvRows } from './csvRows';
import { DataFileError, type DataRow } from './dataFileError';
import { jsonRows } from './jsonRows';

/**
 * Reads a `--data` file: `.json` as a JSON array of objects, anything else as CSV, unless its first
 * character opens a JSON array (newman tries JSON first whatever the name). `shown` is how messages name it.
 */
export async function readIterationData(absolute: string, shown = absolute): Promise<DataRow[]> {
  let text: string;
  try {
    text = await fs.promises.readFile(absolute, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DataFileError(
      `The data file ${shown} ${missing ? `does not exist (looked in ${absolute})` : `cannot be read: ${(error as Error).message}`}.`,
      'Pass a .csv or .json file with --data.',
    );
  }
  const json = path.extname(absolute).toLowerCase() === '.json' || /^\uFEFF?\s*\[/.test(text);
  return json ? jsonRows(text, shown) : csvRows(text, shown);
}

/**
 * The variables of each iteration, as newman runs them: without rows, `iterations` (default 1) empty ones;
 * with rows and no count, one iteration per row; with a count, that many, the first rows in order and the
 * last row again for iterations past the end (what newman does: its runner keeps the last row).
 */
export function iterationRows(rows: readonly DataRow[] | undefined, iterations: number | undefined): DataRow[] {
  if (!rows || rows.length === 0) return Array.from({ length: iterations ?? 1 }, () => ({}));
  const count = iterations ?? rows.length;
  return Array.from({ length: count }, (_, index) => rows[Math.min(index, rows.length - 1)]);
}
