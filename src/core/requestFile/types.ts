/**
 * The shapes a parsed `.thredd` (or REST Client `.http`) file comes back as. All ranges are zero-based.
 * Parse results are read-only. To keep 10,000-request files fast, ranges are CompactRange objects and
 * headers, metadata lines and references are small classes whose secondary ranges are computed on
 * access: read fields (`range.start.line`), serialise with JSON.stringify (which gives these plain
 * shapes), and do not spread them (`{...range}`) or deepStrictEqual them against object literals.
 */
import type { TextPosition, TextRange } from '../config/types';

export type { TextPosition, TextRange };

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export type RequestFileDiagnosticCode =
  | 'binary-content'
  | 'malformed-request-line'
  | 'unknown-method'
  | 'invalid-header'
  | 'missing-blank-line'
  | 'unknown-metadata'
  | 'bad-metadata-value'
  | 'metadata-without-request'
  | 'duplicate-name'
  | 'bad-expect'
  | 'malformed-file-variable'
  | 'duplicate-file-variable'
  | 'unknown-request-reference'
  | 'malformed-chained-reference'
  | 'unknown-system-variable'
  | 'bad-system-variable-arguments'
  | 'malformed-variable'
  | 'unclosed-variable'
  | 'unknown-variable'
  | 'too-many-problems';

/** One problem in a request file, with a message that says what is wrong and what to write instead. */
export interface RequestFileDiagnostic {
  range: TextRange;
  severity: DiagnosticSeverity;
  code: RequestFileDiagnosticCode;
  message: string;
}

/** Where a `{{...}}` was written; the resolver and the editor treat some places differently. */
export type ReferenceLocation = 'url' | 'header' | 'body' | 'bodyFile' | 'fileVariable' | 'metadata';

export interface ChainedPath {
  /** The `@name` of the request whose exchange is read. */
  request: string;
  source: 'response' | 'request';
  section: 'body' | 'headers';
  /** `*` (whole body), a JSONPath starting with `$`, or a header name. */
  path: string;
}

/** A `{{...}}` occurrence: plain variable, `{{$system args}}` or `{{name.response.body.$.path}}`. */
export interface VariableReference {
  kind: 'variable' | 'system' | 'chained';
  /** The trimmed text between the braces. */
  expression: string;
  /** Variable name, system variable (`$guid`) or, for chained references, the request name. */
  name: string;
  /** System variable arguments, split on whitespace. */
  args: string[];
  chain?: ChainedPath;
  location: ReferenceLocation;
  /** The whole `{{...}}`. */
  range: TextRange;
  /** Just the name, for go-to-definition and rename. */
  nameRange: TextRange;
}

/** `@name = value`: file-wide, whatever block it is written in (as in REST Client). */
export interface FileVariable {
  name: string;
  /** Raw value; it may itself contain `{{...}}` references. */
  value: string;
  range: TextRange;
  nameRange: TextRange;
  valueRange: TextRange;
  references: VariableReference[];
}

export interface HeaderLine {
  name: string;
  value: string;
  range: TextRange;
  nameRange: TextRange;
  valueRange: TextRange;
}

/** `< path` (raw bytes), `<@ path` (variables substituted) or `<@latin1 path` (REST Client). */
export interface BodyFileReference {
  /** As written, relative to the request file unless absolute; may contain `{{...}}`. */
  path: string;
  processVariables: boolean;
  encoding?: string;
  /** The whole `< path` line. */
  range: TextRange;
  pathRange: TextRange;
}

export type BodyPart = { kind: 'text'; text: string } | ({ kind: 'file' } & BodyFileReference);

/**
 * Comment lines (`#`, `//`) are left out of bodies, as REST Client does. `mixed` is a body that
 * interleaves text with `< file` lines (multipart uploads): join its parts with a line break,
 * CRLF for multipart/form-data.
 */
export type RequestBody =
  | { kind: 'text'; text: string; range: TextRange }
  | ({ kind: 'file' } & BodyFileReference)
  | { kind: 'mixed'; parts: BodyPart[]; range: TextRange };

export type ExpectationSubject =
  | { kind: 'status' }
  | { kind: 'header'; name: string }
  /** No path means the whole body text. */
  | { kind: 'body'; path?: string }
  | { kind: 'duration' };

export const EXPECTATION_OPERATORS = ['==', '!=', '<', '<=', '>', '>=', 'contains', 'matches', 'exists'] as const;
export type ExpectationOperator = (typeof EXPECTATION_OPERATORS)[number];

/** `# @expect status 200`, `# @expect body $.items.length > 0`: operator defaults to `==`. */
export interface Expectation {
  subject: ExpectationSubject;
  operator: ExpectationOperator;
  /** Unquoted; absent only for `exists`. May contain `{{...}}` (resolve with resolveText). */
  value?: string;
  /** The text after `@expect`, for reports. */
  text: string;
  range: TextRange;
}

/** One `# @key value` comment line. */
export interface MetadataEntry {
  key: string;
  value: string;
  range: TextRange;
  keyRange: TextRange;
  valueRange: TextRange;
}

/** `# @prompt name [description]` (REST Client): recorded, the runner may ask for a value. */
export interface PromptVariable {
  name: string;
  description?: string;
  range: TextRange;
}

/**
 * A request's directives. On a ParsedRequest these are in effect for it: its own, plus the file-level ones it
 * does not set itself (see ParsedRequestFile.metadata); `entries` and `unknown` hold only its own lines.
 */
export interface RequestMetadata {
  name?: string;
  nameRange?: TextRange;
  noAuth: boolean;
  /** `# @ehi-sign`: signed like Thredd's EHI messages, sent without token or X-Region. */
  ehiSign: boolean;
  env?: string;
  /** Milliseconds. */
  timeout?: number;
  expectations: Expectation[];
  prompts: PromptVariable[];
  /** Every metadata line of the request, known or not, in order. */
  entries: MetadataEntry[];
  /** Entries whose key is not a known directive (each also has a diagnostic). */
  unknown: MetadataEntry[];
}

/** A `#` or `//` line that is not metadata: its text after the markers and one space, trailing blanks dropped. */
export interface CommentLine {
  text: string;
  range: TextRange;
}

export interface UrlLine {
  text: string;
  range: TextRange;
}

export interface ParsedRequest {
  /** Position among the file's requests. */
  index: number;
  /** Text after `###`, if any. */
  title?: string;
  /** `# @name`, used for chaining. */
  name?: string;
  /** Upper case; GET when the request line has no method. */
  method: string;
  methodRange?: TextRange;
  /** The URL as written, with query continuation lines (`?a=1`, `&b=2`) joined. */
  url: string;
  /** The URL's pieces: the request line's URL, then each continuation line. */
  urlLines: UrlLine[];
  urlRange: TextRange;
  /** `1.1` for `HTTP/1.1`. */
  httpVersion?: string;
  headers: HeaderLine[];
  body?: RequestBody;
  /** The directives in effect: the request's own and, where it sets none, the file's. */
  metadata: RequestMetadata;
  /** From the `###` line (or the block's first non-blank line) to its last non-blank line: for folding and symbols. */
  range: TextRange;
  /** Where CodeLens goes. */
  requestLineRange: TextRange;
  /** Every `{{...}}` in the block, in document order. */
  variables: VariableReference[];
  /**
   * The diagnostics inside this block, after the errors of the file-level directives (which apply to it);
   * a runner should refuse a request with errors.
   */
  diagnostics: RequestFileDiagnostic[];
}

export interface ParsedRequestFile {
  requests: ParsedRequest[];
  fileVariables: FileVariable[];
  /**
   * File-level directives: metadata lines above the first request. Those a directive allows at file level
   * (`# @env`, `# @timeout`, `# @no-auth`, `# @expect`, `# @prompt`) are in effect for every request that does
   * not set its own; `# @expect`s are added to each request's.
   */
  metadata: RequestMetadata;
  /** Every `{{...}}` in the file-level directives, in document order. */
  metadataVariables: VariableReference[];
  /** Comment lines that are not metadata, in document order (for writing the file back, see draftOf). */
  comments: CommentLine[];
  /** Every diagnostic in document order. */
  diagnostics: RequestFileDiagnostic[];
  lineCount: number;
  /** True when the text holds NUL bytes; nothing else is parsed then. */
  binary: boolean;
}

export interface ParseOptions {
  /** Caps the number of diagnostics so a pasted binary blob cannot flood the editor (default 500). */
  maxDiagnostics?: number;
}
