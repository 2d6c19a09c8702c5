import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import { UserError } from '../errors/userError';
import { parseRequestFile } from '../requestFile/parser';
import type { ParsedRequestFile } from '../requestFile/types';

/** A request file that cannot be run as it is: missing, unreadable, binary, not UTF-8 or without requests. */
export class RequestFileError extends UserError {
  static override readonly kind: string = 'RequestFileError';
}

/**
 * Reads and parses a request file for a run, refusing what would only fail request by request with
 * odd errors. `name` is how messages call the file (as the user wrote it); default its path.
 */
export async function readRequestFile(absolute: string, name = absolute): Promise<ParsedRequestFile> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(absolute);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const why = missing ? `does not exist (looked in ${absolute})` : `cannot be read: ${(error as Error).message}`;
    throw new RequestFileError(`${name} ${why}.`);
  }
  const parsed = parseRequestFile(bytes.toString('utf8'));
  // The parser's diagnostic says where the binary data starts and how to send binary content instead.
  if (parsed.binary) {
    throw new RequestFileError(`${name}: ${parsed.diagnostics[0]?.message ?? 'this file holds binary data, not requests.'}`);
  }
  if (!isUtf8(bytes)) throw notUtf8(bytes, name);
  if (parsed.requests.length === 0) {
    throw new RequestFileError(`${name} has no requests (a request is a line such as "GET https://…", requests separated by "###").`);
  }
  return parsed;
}

/**
 * Bytes that are not UTF-8 (a Latin-1 export, binary data without NUL bytes) reach the parser as
 * replacement characters and would fail as an odd "invalid URL": say where they are instead.
 */
function notUtf8(bytes: Buffer, name: string): RequestFileError {
  const { line, column } = firstNonUtf8(bytes);
  const fix = 'Save it as UTF-8; to send binary content, write "< ./file.bin" as the body.';
  return new RequestFileError(`${name}:${line}:${column}: this file is not UTF-8 text (the bytes there are not UTF-8).`, fix);
}

/** Line and column (in characters) of the first byte that is not UTF-8. */
export function firstNonUtf8(bytes: Buffer): { line: number; column: number } {
  let start = 0;
  for (let line = 1; start <= bytes.length; line += 1) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    const text = bytes.subarray(start, end);
    if (!isUtf8(text)) {
      // A byte at a time, so the decoder stops exactly where the text stops being UTF-8.
      const decoder = new TextDecoder('utf-8', { fatal: true });
      let decoded = '';
      for (let index = 0; index < text.length; index += 1) {
        try {
          decoded += decoder.decode(text.subarray(index, index + 1), { stream: true });
        } catch {
          break;
        }
      }
      return { line, column: decoded.length + 1 };
    }
    start = end + 1;
  }
  return { line: 1, column: 1 };
}
