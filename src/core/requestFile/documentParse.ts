import { BlockParser, type ParsedBlock } from './blockParser';
import { FileAssembler, NO_FILE_METADATA, type Adoption } from './fileAssembler';
import { isSeparator } from './lineParsers';
import { DiagnosticSink, Lines, documentEol, lineOfOffset, lineRange } from './lines';
import { NONE } from './sharedLists';
import { firstIndexAt, spliceParse } from './spliceParse';
import type { ParsedRequestFile, ParseOptions, RequestFileDiagnostic, RequestMetadata } from './types';

/** A parse with the blocks it was put together from, so the next version of the document can reuse them. */
export interface DocumentParse {
  readonly text: string;
  readonly parsed: ParsedRequestFile;
  readonly blocks: readonly ParsedBlock[];
  /** Where each block starts in `text`, then the text's length. */
  readonly offsets: readonly number[];
  readonly adoptions: readonly Adoption[];
  /** Each `@name` and the line of its first declaration; the errors of the file-level metadata. */
  readonly names: ReadonlyMap<string, number>;
  readonly fileErrors: readonly RequestFileDiagnostic[];
  readonly eol: string;
  readonly maxDiagnostics: number;
}

/** Where blocks go as they are parsed: what the next request's index and inherited metadata are. */
interface BlockTarget {
  readonly requestCount: number;
  readonly fileMetadata: RequestMetadata | undefined;
  add(block: ParsedBlock): void;
}

/** Parses a whole document, block by block, keeping the blocks for reparseDocument. */
export function parseDocument(text: string, options: ParseOptions = {}): DocumentParse {
  return parseWhole(text, options, true);
}

/**
 * The same parse without keeping the blocks (the command line and the runner parse a file once): they are garbage
 * as soon as assembled, so the collector never copies them.
 */
export function parseFileOnce(text: string, options: ParseOptions = {}): ParsedRequestFile {
  return parseWhole(text, options, false).parsed;
}

function parseWhole(text: string, options: ParseOptions, keepBlocks: boolean): DocumentParse {
  const maxDiagnostics = options.maxDiagnostics ?? 500;
  const lines = new Lines(text);
  const nul = text.indexOf('\0');
  if (nul >= 0) return binaryDocument(text, lines, nul, maxDiagnostics);
  const assembler = new FileAssembler(maxDiagnostics);
  const blocks: ParsedBlock[] | undefined = keepBlocks ? [] : undefined;
  const offsets: number[] | undefined = keepBlocks ? [] : undefined;
  parseLines(lines, 0, undefined, new BlockParser(lines, maxDiagnostics), assembler, blocks, offsets);
  offsets?.push(text.length);
  return documentOf(text, assembler, lines.count, blocks ?? NONE, offsets ?? NONE, lines.eol, maxDiagnostics);
}

function documentOf(
  text: string,
  assembler: FileAssembler,
  lineCount: number,
  blocks: readonly ParsedBlock[],
  offsets: readonly number[],
  eol: string,
  maxDiagnostics: number,
): DocumentParse {
  const parsed = assembler.finish(lineCount);
  const { adoptions, names, fileErrors } = assembler;
  return { text, parsed, blocks, offsets, adoptions, names, fileErrors, eol, maxDiagnostics };
}

/**
 * The parse of `text`, a new version of `previous.text`: the blocks before the first change are reused, and so are
 * those after the last change when the edit kept the number of lines (typing within lines); the blocks between are
 * parsed again. When they change nothing the rest of the file depends on, they are spliced into the previous
 * result (spliceParse); otherwise the file is put together as parseDocument does. Either way the result equals a
 * full parse (test/unit/requestFile/reparse.test.ts).
 */
export function reparseDocument(previous: DocumentParse, text: string, options: ParseOptions = {}): DocumentParse {
  const maxDiagnostics = options.maxDiagnostics ?? 500;
  const old = previous.text;
  if (text === old && maxDiagnostics === previous.maxDiagnostics) return previous;
  const { blocks, offsets } = previous;
  if (blocks.length === 0 || maxDiagnostics !== previous.maxDiagnostics) return parseDocument(text, options);
  const same = commonPrefix(old, text);
  // Bodies are rejoined with the document's first line break: if the edit reached it, its kind may have changed.
  const firstBreak = old.search(/[\r\n]/);
  if ((firstBreak < 0 || firstBreak + 2 > same) && documentEol(text) !== previous.eol) return parseDocument(text, options);

  // Blocks before the first change: the same characters from their start to the next block's separator, which is still one.
  let prefix = 0;
  while (prefix < blocks.length - 1 && offsets[prefix + 1] <= same && isSeparator(text, offsets[prefix + 1])) prefix++;
  // Blocks after the last change, at the same distance from the end, each still starting a line.
  const delta = text.length - old.length;
  const sameEnd = commonSuffix(old, text, Math.min(old.length, text.length) - same);
  let suffix = blocks.length;
  while (suffix - 1 > prefix && offsets[suffix - 1] - 1 >= old.length - sameEnd && offsets[suffix - 1] + delta >= offsets[prefix]) suffix--;
  const changedFrom = offsets[prefix];
  let changedTo = suffix < blocks.length ? offsets[suffix] + delta : text.length;
  // The old text's line breaks there are known from the blocks' first lines; only the new text is counted.
  if (suffix < blocks.length && blocks[suffix].start - blocks[prefix].start !== lineBreaks(text, changedFrom, changedTo)) {
    // Lines were added or removed: the blocks below moved, and their ranges with them, so they are parsed again.
    suffix = blocks.length;
    changedTo = text.length;
  }

  // Text without NUL before the edit (a binary parse has no blocks) can only have gained one there.
  if (text.slice(changedFrom, changedTo).includes('\0')) return parseDocument(text, options);
  const first = blocks[prefix];
  const lines = new Lines(text, { from: changedFrom, to: changedTo, firstLine: first.start, eol: previous.eol });
  const lineCount = suffix < blocks.length ? previous.parsed.lineCount : lines.count;
  // The changed blocks, parsed as they would be in place: after the requests above, under the file metadata there.
  const adopted = Math.min(prefix, previous.adoptions.length);
  const target = {
    requestCount: firstIndexAt(previous.parsed.requests, first.start, (request) => request.range.start.line),
    fileMetadata: adopted > 0 ? previous.adoptions[adopted - 1].fileMetadata : undefined,
    add(block: ParsedBlock) {
      if (block.request) this.requestCount++;
    },
  };
  const middle: ParsedBlock[] = [];
  const middleOffsets: number[] = [];
  const contentStart = first.separator === undefined ? first.start : first.start + 1;
  parseLines(lines, contentStart, first.separator, new BlockParser(lines, maxDiagnostics), target, middle, middleOffsets);
  const spliced = spliceParse(previous, { prefix, suffix, blocks: middle, offsets: middleOffsets, text, delta, lineCount });
  if (spliced) return spliced;

  const assembler = new FileAssembler(maxDiagnostics, previous.adoptions);
  const kept = [...blocks.slice(0, prefix), ...middle, ...blocks.slice(suffix)];
  for (const block of kept) if (!addReused(assembler, block)) return parseDocument(text, options);
  const newOffsets = [...offsets.slice(0, prefix), ...middleOffsets];
  for (let index = suffix; index < blocks.length; index++) newOffsets.push(offsets[index] + delta);
  newOffsets.push(text.length);
  return documentOf(text, assembler, lineCount, kept, newOffsets, previous.eol, maxDiagnostics);
}

/** A kept block, unless its request inherited other file-level metadata than the file now has. */
function addReused(assembler: FileAssembler, block: ParsedBlock): boolean {
  if (block.request && block.fileMetadata !== assembler.fileMetadata) return false;
  assembler.add(block);
  return true;
}

/**
 * Parses the blocks from content line `from` (below the separator line `separator`) to the end of `lines`: a `###`
 * line at the start of a line ends one block and starts the next (REST Client: /^#{3,}/).
 */
function parseLines(
  lines: Lines,
  from: number,
  separator: number | undefined,
  parser: BlockParser,
  target: BlockTarget,
  blocks?: ParsedBlock[],
  offsets?: number[],
): void {
  const parse = (first: number, end: number, above: number | undefined) => {
    const block = parser.parse(first, end, above, target.requestCount, target.fileMetadata);
    blocks?.push(block);
    offsets?.push(lines.start(block.start));
    target.add(block);
  };
  let blockStart = from;
  let above = separator;
  for (let line = from; line < lines.count; line++) {
    if (!isSeparator(lines.text, lines.start(line)) || lines.length(line) < 3) continue;
    parse(blockStart, line, above);
    blockStart = line + 1;
    above = line;
  }
  parse(blockStart, lines.count, above);
}

const CHUNK = 4096;

/** How many characters `a` and `b` share at their start; whole chunks are compared natively first. */
function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let at = 0;
  while (at + CHUNK <= limit && a.slice(at, at + CHUNK) === b.slice(at, at + CHUNK)) at += CHUNK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** How many characters `a` and `b` share at their end, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  while (
    length + CHUNK <= limit &&
    a.slice(a.length - length - CHUNK, a.length - length) === b.slice(b.length - length - CHUNK, b.length - length)
  )
    length += CHUNK;
  while (length < limit && a.charCodeAt(a.length - length - 1) === b.charCodeAt(b.length - length - 1)) length++;
  return length;
}

/** Line breaks as Lines counts them (`\r\n` once) in `text[from, to)`. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let offset = from; offset < to; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 10 || (code === 13 && text.charCodeAt(offset + 1) !== 10)) count++;
  }
  return count;
}

function binaryDocument(text: string, lines: Lines, nul: number, maxDiagnostics: number): DocumentParse {
  const sink = new DiagnosticSink(maxDiagnostics);
  const line = lineOfOffset(lines, nul);
  const column = nul - lines.start(line);
  sink.add(
    lineRange(line, column, column + 1),
    'error',
    'binary-content',
    `This file holds binary data (a NUL byte at line ${line + 1}, column ${column + 1}), so it is not read as requests. ` +
      'Request files are text: to send binary content, write "< ./file.bin" as the body.',
  );
  const empty = { requests: [], fileVariables: [], metadata: NO_FILE_METADATA, metadataVariables: NONE, comments: NONE };
  const parsed = { ...empty, diagnostics: sink.finish(), lineCount: lines.count, binary: true };
  return { text, parsed, blocks: NONE, offsets: NONE, adoptions: NONE, names: new Map(), fileErrors: NONE, eol: lines.eol, maxDiagnostics };
}
