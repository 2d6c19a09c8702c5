import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseDotenvText } from 'dotenv';

export type Lookup = { value: string } | { problem: string };

/** `.env` files from the request file's folder up to the workspace root (or just the folder when outside it). */
export function dotenvCandidates(filePath: string, workspaceRoot?: string): string[] {
  let dir = path.dirname(path.resolve(filePath));
  const root = workspaceRoot ? path.resolve(workspaceRoot) : undefined;
  const inside = root !== undefined && (dir === root || dir.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  const candidates = [path.join(dir, '.env')];
  while (inside && dir !== root) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    candidates.push(path.join(dir, '.env'));
  }
  return candidates;
}

export function readTextFileOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The variables of a .env file (quotes, `export`, comments). The `dotenv` package rather than
 * Node's `util.parseEnv`, which only exists from Node 20.12 while VS Code 1.90's host runs 20.9.
 */
export function parseDotenv(text: string): Record<string, string> {
  return parseDotenvText(text);
}

/** `{{$dotenv NAME}}`: the nearest `.env` that defines NAME wins. */
export function lookupDotenv(
  name: string,
  filePath: string | undefined,
  workspaceRoot: string | undefined,
  readTextFile: (file: string) => string | undefined,
  cache: Map<string, Record<string, string | undefined> | null>,
): Lookup {
  if (!filePath) return { problem: `$dotenv ${name} needs a saved request file: .env is looked up from the file's folder.` };
  const candidates = dotenvCandidates(filePath, workspaceRoot);
  const found: string[] = [];
  for (const candidate of candidates) {
    let parsed = cache.get(candidate);
    if (parsed === undefined) {
      const text = readTextFile(candidate);
      parsed = text === undefined ? null : parseDotenv(text);
      cache.set(candidate, parsed);
    }
    if (!parsed) continue;
    found.push(candidate);
    const value = parsed[name];
    if (value !== undefined) return { value };
  }
  if (found.length === 0) return { problem: `No .env file found for $dotenv ${name} (looked for ${candidates.join(', ')}).` };
  return { problem: `${name} is not set in ${found.join(' or ')}: add a line "${name}=value".` };
}
