import { suggestionText } from '../text/suggest';
import { DIRECTIVE_BY_KEY, DIRECTIVES, FILE_LEVEL_DIRECTIVES, type Directive, type MetadataContext } from './directives';
import { commentTextStart } from './lineParsers';
import { skipSpaces, trimmedEnd } from './lines';
import { ParsedMetadataEntry } from './parsedItems';
import { scanReferences, truncate } from './references';
import { NONE, append } from './sharedLists';
import type { MetadataEntry, RequestMetadata, TextRange } from './types';

export type { MetadataContext };
export { NONE };

/** Known keys map to themselves, so every line's key is one shared string rather than a copy per line. */
const KNOWN_KEYS: ReadonlyMap<string, string> = new Map(DIRECTIVES.map(({ key }) => [key, key]));
const SUGGESTIONS = DIRECTIVES.map(({ key }) => '@' + key);

export function emptyMetadata(entries: MetadataEntry[] = []): RequestMetadata {
  // Every field present from the start, so all metadata objects share one shape.
  return {
    name: undefined,
    nameRange: undefined,
    noAuth: false,
    ehiSign: false,
    env: undefined,
    timeout: undefined,
    expectations: NONE,
    prompts: NONE,
    entries,
    unknown: NONE,
  };
}

/** True when a comment's text (after `#` or `//`) starts with `@` and a letter: a metadata line. */
export function isMetadataStart(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 64 /* @ */) return false;
  const next = text.charCodeAt(at + 1);
  return (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
}

function isWordOrDash(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/** Reads the `@key value` starting at column `at` of a comment line. */
export function readMetadataEntry(text: string, line: number, at: number): ParsedMetadataEntry {
  let keyEnd = at + 1;
  while (keyEnd < text.length && isWordOrDash(text.charCodeAt(keyEnd))) keyEnd++;
  let valueStart = skipSpaces(text, keyEnd);
  if (text[valueStart] === '=') valueStart = skipSpaces(text, valueStart + 1);
  const end = trimmedEnd(text);
  const valueEnd = Math.max(valueStart, end);
  const key = text.slice(at + 1, keyEnd);
  return new ParsedMetadataEntry(KNOWN_KEYS.get(key) ?? key, text.slice(valueStart, valueEnd), line, at, Math.max(keyEnd, end), valueStart);
}

/** Applies one metadata line to a request's metadata through its directive, reporting anything it cannot use. */
export function applyMetadata(metadata: RequestMetadata, entry: ParsedMetadataEntry, text: string, context: MetadataContext): void {
  metadata.entries.push(entry);
  const directive = DIRECTIVE_BY_KEY.get(entry.key);
  if (!directive) {
    metadata.unknown = append(metadata.unknown, entry);
    const suggestion = suggestionText('@' + entry.key, SUGGESTIONS);
    context.sink.add(entry.keyRange, 'warning', 'unknown-metadata', `Unknown metadata "@${truncate(entry.key)}": ${suggestion}`);
    return;
  }
  if (directive.variables) {
    const valueStart = entry.valueColumn;
    scanReferences(text, entry.line, valueStart, valueStart + entry.value.length, 'metadata', context.references, context.sink);
  }
  directive.parse(metadata, entry, context);
}

/**
 * The file-level metadata once another block above the first request is read: the later block's values
 * win, as a request's own win over the file's.
 */
export function mergeFileMetadata(earlier: RequestMetadata | undefined, block: RequestMetadata): RequestMetadata {
  const merged = emptyMetadata(earlier ? [...earlier.entries, ...block.entries] : block.entries.slice());
  merged.unknown = earlier && earlier.unknown.length ? [...earlier.unknown, ...block.unknown] : block.unknown;
  for (const directive of FILE_LEVEL_DIRECTIVES) {
    directive.inherit(merged, block);
    if (earlier) directive.inherit(merged, earlier);
  }
  return merged;
}

/** Gives a request the file-level directives it does not set itself. */
export function inheritFileMetadata(request: RequestMetadata, file: RequestMetadata): void {
  for (const directive of FILE_LEVEL_DIRECTIVES) directive.inherit(request, file);
}

/** The directive whose `@key` a position of a line falls on (for hovers), with the key's range. */
export function directiveAt(text: string, line: number, column: number): { directive: Directive; range: TextRange } | undefined {
  const start = skipSpaces(text);
  const textStart = commentTextStart(text, start);
  if (textStart < 0) return undefined;
  const at = skipSpaces(text, textStart);
  if (!isMetadataStart(text, at)) return undefined;
  const entry = readMetadataEntry(text, line, at);
  const directive = DIRECTIVE_BY_KEY.get(entry.key);
  const range = entry.keyRange;
  if (!directive || column < range.start.column || column > range.end.column) return undefined;
  return { directive, range };
}
