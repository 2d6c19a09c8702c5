import * as fs from 'node:fs';
import { writeFileAtomic } from '../core/fs/safeWrite';
import { readIfExists } from './stateFiles';

export type FileAction = 'created' | 'updated' | 'unchanged' | 'kept' | 'replaced';

/**
 * Sets NAME=value in a .env file (0600), keeping its other lines. `{{$dotenv NAME}}` in .thredd files and
 * `node --env-file` read it; thredd.json's ${env:NAME} reads the process environment, so export it
 * (`set -a; . ./.env; set +a`) or let the editor load it.
 */
export async function setDotenvValue(file: string, name: string, value: string): Promise<FileAction> {
  const existing = await readIfExists(file);
  const line = `${name}=${value}`;
  if (existing === undefined) {
    await writeFileAtomic(file, `# Local secrets: never commit this file.\n${line}\n`, 0o600);
    return 'created';
  }
  const lines = existing.split(/\r?\n/);
  const index = lines.findIndex((item) => new RegExp(`^\\s*(export\\s+)?${name}\\s*=`).test(item));
  if (index >= 0 && lines[index] === line) return 'unchanged';
  if (index >= 0) lines[index] = line;
  else lines.splice(lines.at(-1) === '' ? lines.length - 1 : lines.length, 0, line);
  await writeFileAtomic(file, lines.join('\n').replace(/\n?$/, '\n'), 0o600);
  return 'updated';
}

/** Adds the lines .gitignore lacks, so private keys, the sandbox state and .env are never committed. */
export async function ensureGitignored(file: string, patterns: readonly string[]): Promise<FileAction> {
  const existing = await readIfExists(file);
  const present = new Set((existing ?? '').split(/\r?\n/).map((line) => line.trim()));
  const missing = patterns.filter((pattern) => !present.has(pattern));
  if (missing.length === 0) return 'unchanged';
  const block = `# Thredd sandbox: keys, certificates, CA state and secrets (thredd sandbox init)\n${missing.join('\n')}\n`;
  if (existing === undefined) {
    await writeFileAtomic(file, block, 0o644);
    return 'created';
  }
  await fs.promises.appendFile(file, `${existing.endsWith('\n') || existing === '' ? '' : '\n'}\n${block}`);
  return 'updated';
}
