/**
 * A `.thredd` file as plain data, for writing one: importers build a draft and print it with printRequestFile;
 * draftOf turns a parsed file back into one. Text fields are single lines without leading or trailing blanks
 * (the parser trims them); printRequestFile refuses a draft it cannot write so that it reads back the same.
 *
 * The printed layout is canonical: the file's comments, variables and directives first, then each request as
 * `### title`, its comments, its directives, the request line, query lines, headers, a blank line and the body.
 */
export interface RequestFileDraft {
  /** Comment lines at the top of the file. */
  comments: string[];
  /** `@name = value` lines; file-wide wherever they are written, so a draft keeps them at the top. */
  variables: DraftVariable[];
  /** Directives above the first request, which apply to every request (see `fileLevel` in DIRECTIVES). */
  directives: DraftDirective[];
  requests: RequestDraft[];
}

export interface DraftVariable {
  name: string;
  value: string;
}

/** `# @key value`; `value` is empty for flags such as `no-auth`. */
export interface DraftDirective {
  key: string;
  value: string;
}

/** `Name: value`; a disabled header is written as a comment line, `# Name: value`, where it stands. */
export interface DraftHeader {
  name: string;
  value: string;
  /** Present (true) only for a disabled header. */
  disabled?: true;
}

export interface DraftFileReference {
  kind: 'file';
  /** Relative to the request file unless absolute; may hold `{{...}}`. */
  path: string;
  /** `<@`: variables in the file are substituted. */
  processVariables: boolean;
  /** `<@latin1`; only with processVariables. */
  encoding?: string;
}

export interface DraftText {
  kind: 'text';
  /**
   * Lines joined with `\n`. No line may start (after blanks) with `#` or `//`, which a request file reads as
   * comments, nor be a `< path` line at column 0, which reads a file: such a body cannot be written inline, so
   * keep it in a file and refer to it. The first and last lines are not blank (the parser drops blank edges).
   */
  text: string;
}

/**
 * Text interleaved with `< file` lines (multipart uploads): at least one file, and never two text parts in a row
 * (they would read back as one).
 */
export interface DraftMixed {
  kind: 'mixed';
  parts: (DraftText | DraftFileReference)[];
}

export type DraftBody = DraftText | DraftFileReference | DraftMixed;

export interface RequestDraft {
  /** The text after `###`. */
  title?: string;
  /** Comment lines above the request line (a description, say). */
  comments: string[];
  directives: DraftDirective[];
  /** Upper case. */
  method: string;
  /** The request line's URL. */
  url: string;
  /** Query continuation lines under the request line, each starting with `?` or `&`. */
  query: string[];
  /** `1.1` for `HTTP/1.1`. */
  httpVersion?: string;
  headers: DraftHeader[];
  body?: DraftBody;
}
