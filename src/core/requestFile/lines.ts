import type { RequestFileDiagnostic, RequestFileDiagnosticCode, DiagnosticSeverity, TextPosition, TextRange } from './types';

/**
 * The document's lines as VS Code counts them: `\r\n`, `\n` and a lone `\r` each end a line,
 * so ranges computed here land on the same characters in the editor.
 */
export class Lines {
  /** Offset where each line starts, from line `base`. Typed arrays live outside the JS heap, so the GC never copies them. */
  private readonly starts: Int32Array;
  /** Offset where each line's content ends (its line break excluded). */
  private readonly ends: Int32Array;
  /** The first line held: 0, or a window's first line. */
  private readonly base: number;
  /** The document's first line break, used to rejoin body lines; `\n` when there is none. */
  readonly eol: string;
  readonly count: number;

  /**
   * The lines of `text`, or of a window of it (a re-parse reads only the changed blocks): from offset `from`,
   * a line start numbered `firstLine`, to `to`, the end of the text or the start of a line not included.
   */
  constructor(
    readonly text: string,
    window?: { from: number; to: number; firstLine: number; eol: string },
  ) {
    const from = window?.from ?? 0;
    const to = window?.to ?? text.length;
    const crlfOrCr = text.indexOf('\r', from) >= 0;
    let breaks = 0;
    for (let offset = text.indexOf('\n', from); offset >= 0 && offset < to; offset = text.indexOf('\n', offset + 1)) breaks++;
    if (crlfOrCr) for (let offset = text.indexOf('\r', from); offset >= 0 && offset < to; offset = text.indexOf('\r', offset + 1)) breaks++;
    // An upper bound (a CRLF counted twice); `count` is the real number of lines.
    const base = window?.firstLine ?? 0;
    let line = 0;
    const starts = new Int32Array(breaks + 1);
    const ends = new Int32Array(breaks + 1);
    starts[0] = from;
    let eol = '';
    if (!crlfOrCr) {
      // The common case: native indexOf finds line breaks far faster than a character loop.
      for (let offset = text.indexOf('\n', from); offset >= 0 && offset < to; offset = text.indexOf('\n', offset + 1)) {
        ends[line++] = offset;
        starts[line] = offset + 1;
      }
    } else {
      for (let offset = from; offset < to; offset++) {
        const code = text.charCodeAt(offset);
        if (code === 10 || code === 13) {
          ends[line++] = offset;
          const crlf = code === 13 && text.charCodeAt(offset + 1) === 10;
          if (!eol) eol = crlf ? '\r\n' : code === 13 ? '\r' : '\n';
          if (crlf) offset++;
          starts[line] = offset + 1;
        }
      }
    }
    ends[line] = to;
    this.starts = starts;
    this.ends = ends;
    this.base = base;
    this.eol = window?.eol ?? (eol || '\n');
    // A window ending where a kept line starts does not include that line.
    this.count = base + (to < text.length ? line : line + 1);
  }

  /** Offset where line `index` starts. */
  start(index: number): number {
    return this.starts[index - this.base];
  }

  /** Offset where line `index`'s content ends. */
  end(index: number): number {
    return this.ends[index - this.base];
  }

  line(index: number): string {
    return this.text.slice(this.starts[index - this.base], this.ends[index - this.base]);
  }

  length(index: number): number {
    return this.ends[index - this.base] - this.starts[index - this.base];
  }
}

/**
 * A TextRange kept as four numbers. A 10,000-request file holds hundreds of thousands of ranges, and
 * one small object instead of three ({start}, {end} and the range) halves the parser's memory and
 * garbage-collection time. `start` and `end` are built on access; JSON.stringify gives the plain
 * `{start, end}` shape. Compare ranges through toTextRange() or JSON (not deepStrictEqual against a
 * literal), and do not spread one (`{...range}`) — read start and end instead.
 */
export class CompactRange implements TextRange {
  constructor(
    readonly startLine: number,
    readonly startColumn: number,
    readonly endLine: number,
    readonly endColumn: number,
  ) {}

  get start(): TextPosition {
    return { line: this.startLine, column: this.startColumn };
  }

  get end(): TextPosition {
    return { line: this.endLine, column: this.endColumn };
  }

  toJSON(): TextRange {
    return { start: this.start, end: this.end };
  }
}

/** A plain `{start, end}` copy of any TextRange, CompactRange included. */
export function toTextRange(value: TextRange): TextRange {
  const { start, end } = value;
  return { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } };
}

export function range(line: number, startColumn: number, endLine: number, endColumn: number): TextRange {
  return new CompactRange(line, startColumn, endLine, endColumn);
}

export function lineRange(line: number, startColumn: number, endColumn: number): TextRange {
  return range(line, startColumn, line, endColumn);
}

export function firstNonBlankLine(lines: Lines, from: number, fallback: number): number {
  for (let line = from; line < fallback; line++) {
    if (skipSpaces(lines.text, lines.start(line)) < lines.end(line)) return line;
  }
  return fallback;
}

export function lastNonBlankLine(lines: Lines, floor: number, end: number): number {
  for (let line = end - 1; line > floor; line--) {
    if (skipSpaces(lines.text, lines.start(line)) < lines.end(line)) return line;
  }
  return floor;
}

/** The document's first line break (`\n` when there is none), as Lines.eol gives it. */
export function documentEol(text: string): string {
  const newline = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  if (newline >= 0 && newline < cr) return '\n';
  return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}

/** The line holding a character offset, by binary search over line starts. */
export function lineOfOffset(lines: Lines, offset: number): number {
  let low = 0;
  let high = lines.count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lines.start(middle) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The text after the `#`s of a separator line, or undefined when there is none. */
export function titleOf(text: string): string | undefined {
  let start = 0;
  while (text.charCodeAt(start) === 35) start++;
  start = skipSpaces(text, start);
  const end = trimmedEnd(text);
  return start < end ? text.slice(start, end) : undefined;
}

/** Index of the first non-whitespace character at or after `from`, or the string's length. */
export function skipSpaces(text: string, from = 0): number {
  let index = from;
  while (index < text.length && isSpace(text.charCodeAt(index))) index++;
  return index;
}

/** End of the text with trailing whitespace dropped. */
export function trimmedEnd(text: string, to = text.length): number {
  let index = to;
  while (index > 0 && isSpace(text.charCodeAt(index - 1))) index--;
  return index;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff;
}

/** Collects diagnostics up to a cap, then one "more problems" note, so garbage input stays cheap. */
export class DiagnosticSink {
  readonly items: RequestFileDiagnostic[] = [];
  /** How many were offered, kept or not: where the next one falls in the order they were raised. */
  sequence = 0;
  /** How many were dropped past the cap, and the range of the last one. */
  dropped = 0;
  lastRange: TextRange | undefined;

  constructor(private readonly max: number) {}

  add(range: TextRange, severity: DiagnosticSeverity, code: RequestFileDiagnosticCode, message: string): RequestFileDiagnostic | undefined {
    return this.offer({ range, severity, code, message });
  }

  /** Adds a diagnostic object as it is (one raised while a block was parsed on its own); undefined when dropped. */
  offer(diagnostic: RequestFileDiagnostic): RequestFileDiagnostic | undefined {
    this.sequence++;
    if (this.items.length >= this.max) {
      this.dropped++;
      this.lastRange = diagnostic.range;
      return undefined;
    }
    this.items.push(diagnostic);
    return diagnostic;
  }

  /** Empties the sink for the next block. */
  reset(): void {
    this.items.length = 0;
    this.sequence = 0;
    this.dropped = 0;
    this.lastRange = undefined;
  }

  /** Counts diagnostics another sink dropped, as if they had been offered here (this sink is full by then). */
  dropMany(count: number, lastRange: TextRange | undefined): void {
    this.sequence += count;
    this.dropped += count;
    this.lastRange = lastRange;
  }

  /** Appends the "N more problems" note when the cap was hit. */
  finish(): RequestFileDiagnostic[] {
    if (this.dropped > 0 && this.lastRange) {
      this.items.push({
        range: this.lastRange,
        severity: 'warning',
        code: 'too-many-problems',
        message: `${this.dropped} more problems are not shown. Fix the ones above first.`,
      });
      this.dropped = 0;
    }
    return this.items;
  }
}
