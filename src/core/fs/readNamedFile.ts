import * as fs from 'node:fs';

/**
 * Reads a file the user named (a setting, a flag). A missing or unreadable file is thrown as `error(message)`, the
 * message worded "<name> <file> does not exist." or "<name> <file> cannot be read: <reason>." so every input file
 * is reported alike; the caller's error says what to do about it.
 */
export async function readNamedFile(file: string, name: string, error: (message: string) => Error): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw error(missing ? `${name} ${file} does not exist.` : `${name} ${file} cannot be read: ${(cause as Error).message}.`);
  }
}
