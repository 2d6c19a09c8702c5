import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../fs/safeWrite';

/** Runs git in `cwd`; undefined when git is missing or the folder is not in a repository. */
function git(cwd: string, args: string[]): Promise<{ code: number; stdout: string } | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 10_000 }, (error, stdout) => {
      if (error && typeof error.code !== 'number') return resolve(undefined); // ENOENT: no git
      resolve({ code: error ? (error.code as number) : 0, stdout });
    });
  });
}

export async function gitRoot(dir: string): Promise<string | undefined> {
  const result = await git(dir, ['rev-parse', '--show-toplevel']);
  return result?.code === 0 ? result.stdout.trim() : undefined;
}

export async function isIgnoredByGit(file: string): Promise<boolean> {
  const result = await git(path.dirname(file), ['check-ignore', '-q', '--', path.basename(file)]);
  return result?.code === 0;
}

/** Private key files git already tracks under `dir`: each one is a leaked key waiting to be pushed. */
export async function trackedKeyFiles(dir: string): Promise<string[]> {
  const result = await git(dir, ['ls-files', '--full-name', '--', '*.key', '*.pfx', '*.p12']);
  return result?.code === 0 ? result.stdout.split('\n').filter(Boolean) : [];
}

/** Adds one pattern line to the repository's .gitignore unless it is already there. */
export async function addGitignorePattern(root: string, pattern: string): Promise<boolean> {
  const file = path.join(root, '.gitignore');
  const existing = fs.existsSync(file) ? await fs.promises.readFile(file, 'utf8') : '';
  if (existing.split(/\r?\n/).some((line) => line.trim() === pattern)) return false;
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  await writeFileAtomic(file, `${existing}${separator}# Private keys never leave this machine (Thredd).\n${pattern}\n`);
  return true;
}

/** The pattern that ignores `*.key` files in `dir`, relative to the repository root, with forward slashes. */
export function keyPatternFor(root: string, dir: string): string {
  const relative = path.relative(root, dir).split(path.sep).join('/');
  return relative ? `${relative}/*.key` : '*.key';
}
