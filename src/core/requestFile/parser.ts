import { suggestionText } from '../text/suggest';
import { parseBody } from './body';
import type { BodyHooks } from './body';
import { commentTextStart, isSeparator, parseHeaderLine, parseRequestLine } from './lineParsers';
import { parseFileVariable } from './fileVariables';
import { DIRECTIVE_BY_KEY, FILE_LEVEL_DIRECTIVES } from './directives';
import {
  DiagnosticSink,
  Lines,
  firstNonBlankLine,
  lastNonBlankLine,
  lineOfOffset,
  lineRange,
  range,
  skipSpaces,
  titleOf,
  trimmedEnd,
} from './lines';
import { applyMetadata, emptyMetadata, inheritFileMetadata, isMetadataStart, mergeFileMetadata, readMetadataEntry } from './metadata';
import type { MetadataContext } from './metadata';
import { scanReferences, truncate } from './references';
import { NONE, append } from './sharedLists';
import type {
  CommentLine,
  FileVariable,
  HeaderLine,
  ParsedRequest,
  ParsedRequestFile,
  ParseOptions,
  RequestFileDiagnostic,
  RequestMetadata,
  TextRange,
  UrlLine,
  VariableReference,
} from './types';

interface FileState {
  lines: Lines;
  sink: DiagnosticSink;
  names: Map<string, TextRange>;
  requests: ParsedRequest[];
  fileVariables: FileVariable[];
  fileVariableLines: Map<string, number>;
  /** Chained references, checked against every `@name` once the whole file is read. */
  chained: { reference: VariableReference; owner?: ParsedRequest }[];
  /** The block being parsed. Its lists are reused scratch arrays, copied to exact size into each request. */
  metadata: RequestMetadata;
  context: MetadataContext;
  headers: HeaderLine[];
  urlLines: UrlLine[];
  entries: RequestMetadata['entries'];
  bodyHooks: BodyHooks;
  /** Metadata above the first request, once there is some. */
  fileMetadata?: RequestMetadata;
  /** Errors of the file-level metadata: every request carries them, so none is sent with a broken file-wide directive. */
  fileErrors: RequestFileDiagnostic[];
  /** `{{...}}` in file-level directives. */
  fileReferences: VariableReference[];
  comments: CommentLine[];
}

/** What a file without file-level metadata reports: shared and never written to (parse results are read-only). */
const NO_FILE_METADATA: RequestMetadata = Object.freeze(emptyMetadata(NONE));
const FILE_LEVEL_KEYS = FILE_LEVEL_DIRECTIVES.map(({ key }) => '@' + key).join(', ');

/**
 * Parses a `.thredd` / REST Client `.http` file in one pass over its lines. Never throws: anything it
 * cannot use becomes a diagnostic with a zero-based range.
 */
export function parseRequestFile(text: string, options: ParseOptions = {}): ParsedRequestFile {
  const sink = new DiagnosticSink(options.maxDiagnostics ?? 500);
  const lines = new Lines(text);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = lineOfOffset(lines, nul);
    const column = nul - lines.starts[line];
    sink.add(
      lineRange(line, column, column + 1),
      'error',
      'binary-content',
      `This file holds binary data (a NUL byte at line ${line + 1}, column ${column + 1}), so it is not read as requests. ` +
        'Request files are text: to send binary content, write "< ./file.bin" as the body.',
    );
    const empty = { requests: [], fileVariables: [], metadata: NO_FILE_METADATA, metadataVariables: NONE, comments: NONE };
    return { ...empty, diagnostics: sink.finish(), lineCount: lines.count, binary: true };
  }
  const names = new Map<string, TextRange>();
  const context: MetadataContext = { sink, names, references: [] };
  const state: FileState = {
    lines,
    sink,
    names,
    requests: [],
    fileVariables: [],
    fileVariableLines: new Map(),
    chained: [],
    metadata: emptyMetadata([]),
    context,
    headers: [],
    urlLines: [],
    entries: [],
    fileErrors: NONE,
    fileReferences: NONE,
    comments: NONE,
    bodyHooks: {
      onComment: (lineText, bodyLine, start) => readComment(state, lineText, bodyLine, start),
      onReferences: (lineText, bodyLine, from, to, location) =>
        scanReferences(lineText, bodyLine, from, to, location, context.references, sink),
    },
  };
  let blockStart = 0;
  let separator: number | undefined;
  for (let line = 0; line < lines.count; line++) {
    if (!isSeparator(text, lines.starts[line]) || lines.length(line) < 3) continue;
    parseBlock(state, blockStart, line, separator);
    blockStart = line + 1;
    separator = line;
  }
  parseBlock(state, blockStart, lines.count, separator);
  checkChainedReferences(state);
  const diagnostics = sink.finish().sort(byPosition);
  const metadata = state.fileMetadata ?? NO_FILE_METADATA;
  const { requests, fileVariables, fileReferences: metadataVariables, comments } = state;
  return { requests, fileVariables, metadata, metadataVariables, comments, diagnostics, lineCount: lines.count, binary: false };
}

function parseBlock(state: FileState, first: number, end: number, separator: number | undefined): void {
  const { lines, sink, context } = state;
  state.entries.length = 0;
  const metadata = emptyMetadata(state.entries);
  state.metadata = metadata;
  const references = context.references;
  references.length = 0;
  const diagnosticsBefore = sink.items.length;

  let line = first;
  let requestLine = -1;
  for (; line < end; line++) {
    const text = lines.line(line);
    const start = skipSpaces(text);
    if (start === text.length || readComment(state, text, line, start)) continue;
    if (text.charCodeAt(start) === 64 /* @ */) {
      const variable = parseFileVariable(text, line, start, sink, state.fileVariableLines);
      if (variable) state.fileVariables.push(variable);
      for (const reference of variable?.references ?? NONE) if (reference.kind === 'chained') state.chained.push({ reference });
      continue;
    }
    requestLine = line;
    break;
  }
  if (requestLine < 0) {
    if (state.requests.length === 0) adoptFileMetadata(state, metadata, diagnosticsBefore);
    else warnOrphanMetadata(state, metadata);
    return;
  }

  const text = lines.line(requestLine);
  const requestStart = skipSpaces(text);
  const parts = parseRequestLine(text, requestLine, requestStart, sink);
  scanReferences(text, requestLine, parts.urlStart, parts.urlEnd, 'url', references, sink);
  const urlLines = state.urlLines;
  urlLines.length = 0;
  urlLines.push({ text: parts.url, range: lineRange(requestLine, parts.urlStart, parts.urlEnd) });
  let urlEndLine = requestLine;
  let urlEndColumn = parts.urlEnd;

  // Query continuation lines (`?a=1`, `&b=2`) directly under the request line; comments may sit between them.
  for (line = requestLine + 1; line < end; line++) {
    const lineText = lines.line(line);
    const start = skipSpaces(lineText);
    if (start === lineText.length) break;
    if (readComment(state, lineText, line, start)) continue;
    const first = lineText.charCodeAt(start);
    if (first !== 63 /* ? */ && first !== 38 /* & */) break;
    const stop = trimmedEnd(lineText);
    urlLines.push({ text: lineText.slice(start, stop), range: lineRange(line, start, stop) });
    urlEndLine = line;
    urlEndColumn = stop;
    scanReferences(lineText, line, start, stop, 'url', references, sink);
  }

  const headers = state.headers;
  headers.length = 0;
  let bodyStart = end;
  for (; line < end; line++) {
    const lineText = lines.line(line);
    const start = skipSpaces(lineText);
    if (start === lineText.length) {
      bodyStart = line + 1;
      break;
    }
    if (readComment(state, lineText, line, start)) continue;
    const first = lineText.charCodeAt(start);
    if (first === 123 /* { */ || first === 91 /* [ */ || first === 60 /* < */) {
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

  const body = parseBody(lines, bodyStart, end, state.bodyHooks);

  const lastLine = lastNonBlankLine(lines, requestLine, end);
  const single = urlLines.length === 1;
  const request: ParsedRequest = {
    index: state.requests.length,
    title: separator === undefined ? undefined : titleOf(lines.line(separator)),
    name: metadata.name,
    method: parts.method,
    methodRange: parts.methodRange,
    url: single ? parts.url : urlLines.map((piece) => piece.text).join(''),
    urlLines: urlLines.slice(),
    urlRange: single ? urlLines[0].range : range(requestLine, parts.urlStart, urlEndLine, urlEndColumn),
    httpVersion: parts.httpVersion,
    // Exact-size copies: arrays grown by push keep spare capacity, which adds up over 10,000 requests.
    headers: headers.slice(),
    body,
    metadata: compact(metadata),
    range: range(separator ?? firstNonBlankLine(lines, first, requestLine), 0, lastLine, lines.length(lastLine)),
    requestLineRange: lineRange(requestLine, requestStart, trimmedEnd(text)),
    variables: references.slice(),
    diagnostics: NONE,
  };
  if (state.fileMetadata) inheritFileMetadata(request.metadata, state.fileMetadata);
  if (sink.items.length > diagnosticsBefore) request.diagnostics = sink.items.slice(diagnosticsBefore);
  if (state.fileErrors.length > 0) request.diagnostics = [...state.fileErrors, ...request.diagnostics];
  state.requests.push(request);
  for (const reference of request.variables) {
    if (reference.kind === 'chained') state.chained.push({ reference, owner: request });
  }
}

function compact(metadata: RequestMetadata): RequestMetadata {
  metadata.entries = metadata.entries.slice();
  if (metadata.expectations.length > 1) metadata.expectations = metadata.expectations.slice();
  return metadata;
}

/**
 * Metadata above the first request applies to the whole file, for the directives that allow it; the others are
 * reported, since they apply to nothing.
 */
function adoptFileMetadata(state: FileState, block: RequestMetadata, diagnosticsBefore: number): void {
  if (block.entries.length === 0) return;
  const lines = new Set<number>();
  for (const entry of block.entries) {
    lines.add(entry.range.start.line);
    if (DIRECTIVE_BY_KEY.get(entry.key)?.fileLevel !== false) continue;
    const why = `"@${entry.key}" does not apply to a whole file, and this block (up to the next ###) has no request line`;
    const fix = `move it to the request it belongs to. Above the first request, only ${FILE_LEVEL_KEYS} apply to every request.`;
    state.sink.add(entry.range, 'warning', 'metadata-without-request', `${why}: ${fix}`);
  }
  const added = state.sink.items.slice(diagnosticsBefore);
  const errors = added.filter((diagnostic) => diagnostic.severity === 'error' && lines.has(diagnostic.range.start.line));
  if (errors.length > 0) state.fileErrors = [...state.fileErrors, ...errors];
  const references = state.context.references;
  if (references.length > 0) state.fileReferences = [...state.fileReferences, ...references];
  for (const reference of references) if (reference.kind === 'chained') state.chained.push({ reference });
  state.fileMetadata = mergeFileMetadata(state.fileMetadata, block);
}

/** Metadata in a block without a request line, below the first request, applies to nothing. */
function warnOrphanMetadata(state: FileState, block: RequestMetadata): void {
  // A prompt declares a variable, which may be declared in any block (as before file-level directives).
  const orphan = block.entries.find((entry) => entry.key !== 'prompt');
  if (!orphan) return;
  const hint = DIRECTIVE_BY_KEY.get(orphan.key)?.fileLevel ? ' To apply it to every request, move it above the first request.' : '';
  const message = `"@${truncate(orphan.key)}" applies to no request: this block (up to the next ###) has no request line.${hint}`;
  state.sink.add(orphan.range, 'warning', 'metadata-without-request', message);
}

/**
 * Handles a `#` or `//` comment line: applies metadata (`# @name x`) wherever it sits in the block, as REST Client
 * does, and keeps any other comment's text.
 */
function readComment(state: FileState, text: string, line: number, start: number): boolean {
  const textStart = commentTextStart(text, start);
  if (textStart < 0) return false;
  const at = skipSpaces(text, textStart);
  if (isMetadataStart(text, at)) {
    applyMetadata(state.metadata, readMetadataEntry(text, line, at), text, state.context);
  } else {
    const end = trimmedEnd(text);
    const from = text.charCodeAt(textStart) === 32 ? textStart + 1 : textStart;
    state.comments = append(state.comments, { text: text.slice(from, end), range: lineRange(line, start, end) });
  }
  return true;
}

function checkChainedReferences(state: FileState): void {
  const names = [...state.names.keys()];
  for (const { reference, owner } of state.chained) {
    const target = reference.chain?.request;
    if (!target || state.names.has(target)) continue;
    const hint = names.length ? suggestionText(target, names) : 'no request has a # @name yet.';
    const diagnostic = state.sink.add(
      reference.nameRange,
      'error',
      'unknown-request-reference',
      `No request is named "${target}": ${hint} Add "# @name ${target}" above the request whose ${reference.chain?.source} you want.`,
    );
    if (diagnostic && owner) owner.diagnostics = [...owner.diagnostics, diagnostic];
  }
}

function byPosition(a: RequestFileDiagnostic, b: RequestFileDiagnostic): number {
  if (a.code === 'too-many-problems') return 1;
  if (b.code === 'too-many-problems') return -1;
  return a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column;
}
