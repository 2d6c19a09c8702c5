import { parseFileOnce } from './documentParse';
import type { ParsedRequestFile, ParseOptions } from './types';

/**
 * Parses a `.thredd` / REST Client `.http` file in one pass over its lines, block by block (blockParser.ts), then
 * puts the file together (fileAssembler.ts). Never throws: anything it cannot use becomes a diagnostic with a
 * zero-based range. To parse the next version of a document reusing its unchanged blocks, see reparseDocument.
 */
export function parseRequestFile(text: string, options: ParseOptions = {}): ParsedRequestFile {
  return parseFileOnce(text, options);
}
