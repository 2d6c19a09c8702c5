import * as path from 'node:path';

const SOURCES = path.resolve(__dirname, '..', '..', 'src') + path.sep;

/**
 * Loads a source module the way a lazily loaded bundle has it: a fresh copy of it and of every source
 * file it imports (so its own UserError class too), as dist/lazy/pki.js or a CLI command bundle does.
 * The process's usual copies stay cached for everything else.
 */
export function otherBundleCopy<T>(file: string): T {
  const ours = Object.keys(require.cache).filter((key) => key.startsWith(SOURCES));
  const saved = ours.map((key) => [key, require.cache[key]] as const);
  for (const key of ours) delete require.cache[key];
  try {
    return require(path.resolve(SOURCES, file));
  } finally {
    for (const key of Object.keys(require.cache)) if (key.startsWith(SOURCES)) delete require.cache[key];
    for (const [key, module] of saved) require.cache[key] = module;
  }
}
