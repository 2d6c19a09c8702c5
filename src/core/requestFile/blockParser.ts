import type { BodyHooks } from './body';
import { parseBody } from './body';
import { parseFileVariable } from './fileVariables';
import { commentTextStart, parseHeaderLine, parseRequestLine } from './lineParsers';
import { DiagnosticSink, Lines, firstNonBlankLine, lastNonBlankLine, lineRange, range, skipSpaces, titleOf, trimmedEnd } from './lines';
import { applyMetadata, emptyMetadata, inheritFileMetadata, isMetadataStart, readMetadataEntry } from './metadata';
import type { MetadataContext } from './metadata';
import { scanReferences } from './references';
import { NONE, append } from './sharedLists';
import type {
  CommentLine,
  FileVariable,
  HeaderLine,
  ParsedRequest,
  RequestFileDiagnostic,
  RequestMetadata,
  TextRange,
  UrlLine,
  VariableReference,
} from './types';

/**
 * A declaration whose duplicate check needs the blocks above, so the file assembler makes it. `at` is where its
 * diagnostic would fall among the block's own (the block sink's sequence at the time), so the file's diagnostics
 * come out in the order a single pass over the file raises them.
 */
export type Declaration =
  { kind: 'name'; value: string; range: TextRange; at: number } | { kind: 'variable'; variable: FileVariable; line: number; at: number };

/**
 * One block (the lines up to the next `###`) parsed on its own: everything in it depends only on its lines and
 * on the file-level metadata it inherits, so an unchanged block can be reused after an edit elsewhere.
 */
export interface ParsedBlock {
  /** The block's first line: its `###` separator, or the first line of the file. */
  start: number;
  /** The `###` line above the block's lines (undefined for the file's first block). */
  separator: number | undefined;
  /** Its request, with the block's own diagnostics and the index it was parsed at (never changed afterwards). */
  request?: ParsedRequest;
  /** The request's chained references (`{{name.response…}}`), whose names are checked against the file's names. */
  chained: VariableReference[];
  /** The file metadata the request inherited, if any: reusable only under the same. */
  fileMetadata?: RequestMetadata;
  /** A block without a request line: its metadata and `{{...}}` (file-level above the first request). */
  metadata?: RequestMetadata;
  references: VariableReference[];
  fileVariables: FileVariable[];
  comments: CommentLine[];
  /** The diagnostics the block's own sink kept, in the order raised. */
  diagnostics: RequestFileDiagnostic[];
  /** When the block alone raised more than the cap: how many were dropped, the last one's range, how many were raised. */
  overflow?: { dropped: number; lastDropped?: TextRange; sequence: number };
  /**
   * The block's declarations. Most blocks declare one name and raise no diagnostic: that one is kept as `name` and
   * `nameRange` instead, without a list (10,000 requests, 30,000 objects fewer for the garbage collector to copy).
   */
  declarations: Declaration[];
  name: string | undefined;
  nameRange: TextRange | undefined;
}

/** Parses blocks of one document. Its scratch lists are reused from block to block and copied to exact size into results. */
export class BlockParser {
  private readonly sink: DiagnosticSink;
  private metadata: RequestMetadata = emptyMetadata([]);
  private comments: CommentLine[] = NONE;
  private declarations: Declaration[] = NONE;
  private readonly references: VariableReference[] = [];
  private readonly context: MetadataContext;
  private readonly entries: RequestMetadata['entries'] = [];
  private readonly headers: HeaderLine[] = [];
  private readonly urlLines: UrlLine[] = [];
  private readonly bodyHooks: BodyHooks;

  constructor(
    private readonly lines: Lines,
    maxDiagnostics: number,
  ) {
    this.sink = new DiagnosticSink(maxDiagnostics);
    this.context = {
      sink: this.sink,
      declareName: (value, nameRange) => {
        this.declarations = append(this.declarations, { kind: 'name', value, range: nameRange, at: this.sink.sequence });
      },
      references: this.references,
    };
    this.bodyHooks = {
      onComment: (lineText, bodyLine, start) => this.readComment(lineText, bodyLine, start),
      onReferences: (lineText, bodyLine, from, to, location) =>
        scanReferences(lineText, bodyLine, from, to, location, this.references, this.sink),
    };
  }

  /**
   * Lines `first`..`end` (exclusive) below the separator line `separator` (undefined for the file's first block).
   * `index` is the request's place in the file; `fileMetadata` what it inherits.
   */
  parse(first: number, end: number, separator: number | undefined, index: number, fileMetadata: RequestMetadata | undefined): ParsedBlock {
    const { lines } = this;
    const sink = this.sink;
    sink.reset();
    const entriesFrom = scratchFrom(this.entries);
    // Until the block is finished, metadata.entries is the scratch list, earlier blocks' entries included: applyMetadata
    // only appends to it, and the block keeps its own part (from entriesFrom).
    const metadata = emptyMetadata(this.entries);
    this.metadata = metadata;
    this.comments = NONE;
    this.declarations = NONE;
    const references = this.references;
    const referencesFrom = scratchFrom(references);
    const block: ParsedBlock = {
      start: separator ?? first,
      separator,
      request: undefined,
      chained: NONE,
      fileMetadata: undefined,
      metadata: undefined,
      references: NONE,
      fileVariables: NONE,
      comments: NONE,
      diagnostics: NONE,
      overflow: undefined,
      declarations: NONE,
      name: undefined,
      nameRange: undefined,
    };

    let line = first;
    let requestLine = -1;
    for (; line < end; line++) {
      const text = lines.line(line);
      const start = skipSpaces(text);
      if (start === text.length || this.readComment(text, line, start)) continue;
      if (text.charCodeAt(start) === 64 /* @ */) {
        const variable = parseFileVariable(text, line, start, sink);
        if (variable) {
          block.fileVariables = append(block.fileVariables, variable);
          this.declarations = append(this.declarations, { kind: 'variable', variable, line, at: sink.sequence });
        }
        continue;
      }
      requestLine = line;
      break;
    }
    if (requestLine < 0) {
      metadata.entries = this.entries.slice(entriesFrom);
      block.metadata = metadata;
      block.references = references.length > referencesFrom ? references.slice(referencesFrom) : NONE;
      return this.finish(block);
    }

    const text = lines.line(requestLine);
    const requestStart = skipSpaces(text);
    const parts = parseRequestLine(text, requestLine, requestStart, sink);
    scanReferences(text, requestLine, parts.urlStart, parts.urlEnd, 'url', references, sink);
    const urlLines = this.urlLines;
    const urlFrom = scratchFrom(urlLines);
    urlLines.push({ text: parts.url, range: lineRange(requestLine, parts.urlStart, parts.urlEnd) });
    let urlEndLine = requestLine;
    let urlEndColumn = parts.urlEnd;

    // Query continuation lines (`?a=1`, `&b=2`) directly under the request line; comments may sit between them.
    for (line = requestLine + 1; line < end; line++) {
      const lineText = lines.line(line);
      const start = skipSpaces(lineText);
      if (start === lineText.length) break;
      if (this.readComment(lineText, line, start)) continue;
      const firstCode = lineText.charCodeAt(start);
      if (firstCode !== 63 /* ? */ && firstCode !== 38 /* & */) break;
      const stop = trimmedEnd(lineText);
      urlLines.push({ text: lineText.slice(start, stop), range: lineRange(line, start, stop) });
      urlEndLine = line;
      urlEndColumn = stop;
      scanReferences(lineText, line, start, stop, 'url', references, sink);
    }

    const headers = this.headers;
    const headersFrom = scratchFrom(headers);
    let bodyStart = end;
    for (; line < end; line++) {
      const lineText = lines.line(line);
      const start = skipSpaces(lineText);
      if (start === lineText.length) {
        bodyStart = line + 1;
        break;
      }
      if (this.readComment(lineText, line, start)) continue;
      const firstCode = lineText.charCodeAt(start);
      if (firstCode === 123 /* { */ || firstCode === 91 /* [ */ || firstCode === 60 /* < */) {
        sink.add(
          lineRange(line, start, trimmedEnd(lineText)),
          'warning',
          'missing-blank-line',
          'The body starts right after the headers: leave one blank line between the headers and the body.',
        );
        bodyStart = line;
        break;
      }
      const header = parseHeaderLine(lineText, line, start, sink);
      if (header) {
        headers.push(header);
        scanReferences(lineText, line, start, trimmedEnd(lineText), 'header', references, sink);
      }
    }

    const body = parseBody(lines, bodyStart, end, this.bodyHooks);

    const lastLine = lastNonBlankLine(lines, requestLine, end);
    const single = urlLines.length - urlFrom === 1;
    const request: ParsedRequest = {
      index,
      title: separator === undefined ? undefined : titleOf(lines.line(separator)),
      name: metadata.name,
      method: parts.method,
      methodRange: parts.methodRange,
      url: single
        ? parts.url
        : urlLines
            .slice(urlFrom)
            .map((piece) => piece.text)
            .join(''),
      urlLines: exactCopy(urlLines, urlFrom),
      urlRange: single ? urlLines[urlFrom].range : range(requestLine, parts.urlStart, urlEndLine, urlEndColumn),
      httpVersion: parts.httpVersion,
      // Exact-size copies: arrays grown by push keep spare capacity, which adds up over 10,000 requests.
      headers: exactCopy(headers, headersFrom),
      body,
      metadata: compact(metadata, entriesFrom),
      range: range(separator ?? firstNonBlankLine(lines, first, requestLine), 0, lastLine, lines.length(lastLine)),
      requestLineRange: lineRange(requestLine, requestStart, trimmedEnd(text)),
      variables: exactCopy(references, referencesFrom),
      diagnostics: NONE,
    };
    if (fileMetadata) inheritFileMetadata(request.metadata, fileMetadata);
    block.request = request;
    block.fileMetadata = fileMetadata;
    const { variables } = request;
    for (let index = 0; index < variables.length; index++) {
      const reference = variables[index];
      if (reference.kind === 'chained' && reference.chain) block.chained = append(block.chained, reference);
    }
    this.finish(block);
    request.diagnostics = block.diagnostics;
    return block;
  }

  private finish(block: ParsedBlock): ParsedBlock {
    const { sink } = this;
    block.diagnostics = sink.items.length ? sink.items.slice() : NONE;
    if (sink.dropped > 0) block.overflow = { dropped: sink.dropped, lastDropped: sink.lastRange, sequence: sink.sequence };
    block.comments = this.comments;
    const declarations = this.declarations;
    const only = declarations.length === 1 && sink.sequence === 0 ? declarations[0] : undefined;
    if (only?.kind === 'name') {
      block.name = only.value;
      block.nameRange = only.range;
    } else {
      block.declarations = declarations;
    }
    return block;
  }

  /**
   * Handles a `#` or `//` comment line: applies metadata (`# @name x`) wherever it sits in the block, as REST Client
   * does, and keeps any other comment's text.
   */
  private readComment(text: string, line: number, start: number): boolean {
    const textStart = commentTextStart(text, start);
    if (textStart < 0) return false;
    const at = skipSpaces(text, textStart);
    if (isMetadataStart(text, at)) {
      applyMetadata(this.metadata, readMetadataEntry(text, line, at), text, this.context);
    } else {
      const end = trimmedEnd(text);
      const from = text.charCodeAt(textStart) === 32 ? textStart + 1 : textStart;
      this.comments = append(this.comments, { text: text.slice(from, end), range: lineRange(line, start, end) });
    }
    return true;
  }
}

/**
 * Where this block's items start in a scratch list. The lists keep growing from block to block rather than being
 * emptied: `length = 0` makes V8 drop an array's storage, so every block would allocate it again (about 6 MB of
 * garbage for 10,000 requests). A list that got long is emptied once in a while, so it never holds a whole file.
 */
function scratchFrom(list: unknown[]): number {
  if (list.length > 4096) list.length = 0;
  return list.length;
}

/**
 * An exact-size copy of a scratch list's items from `from`. Short lists are array literals: V8 tracks where a literal
 * is made and, seeing nearly all of them outlive the parse, allocates them straight in the old generation instead of
 * copying them there (a slice() has no such allocation site).
 */
function exactCopy<T>(list: T[], from: number): T[] {
  switch (list.length - from) {
    case 0:
      return [];
    case 1:
      return [list[from]];
    case 2:
      return [list[from], list[from + 1]];
    case 3:
      return [list[from], list[from + 1], list[from + 2]];
    default:
      return list.slice(from);
  }
}

function compact(metadata: RequestMetadata, entriesFrom: number): RequestMetadata {
  metadata.entries = exactCopy(metadata.entries, entriesFrom);
  if (metadata.expectations.length > 1) metadata.expectations = metadata.expectations.slice();
  return metadata;
}
