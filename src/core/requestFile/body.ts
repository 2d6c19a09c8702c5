import { parseBodyFileLine } from './lineParsers';
import { Lines, lineRange, range, skipSpaces } from './lines';
import type { BodyPart, ReferenceLocation, RequestBody } from './types';

export interface BodyHooks {
  /** True when the line is a comment (and so not part of the body). */
  onComment(text: string, line: number, start: number): boolean;
  onReferences(text: string, line: number, from: number, to: number, location: ReferenceLocation): void;
}

/**
 * The body: lines `from`..`end` without comment lines and without leading or trailing blank lines
 * (REST Client drops both). A `< path` line at column 0 reads a file, as REST Client's syntax does.
 */
export function parseBody(lines: Lines, from: number, end: number, hooks: BodyHooks): RequestBody | undefined {
  return plainTextBody(lines, from, end, hooks) ?? parseBodyLines(lines, from, end, hooks);
}

/**
 * The common case without allocating per line: no comment lines and no `<` lines, so the body is one
 * verbatim slice of the document. Returns null to send everything else through parseBodyLines.
 */
function plainTextBody(lines: Lines, from: number, end: number, hooks: BodyHooks): RequestBody | null | undefined {
  const { text } = lines;
  let first = -1;
  let last = -1;
  for (let line = from; line < end; line++) {
    const start = skipSpaces(text, lines.start(line));
    if (start >= lines.end(line)) continue;
    const code = text.charCodeAt(start);
    if (
      code === 35 /* # */ ||
      (code === 47 /* / */ && text.charCodeAt(start + 1) === 47) ||
      (code === 60 /* < */ && start === lines.start(line))
    )
      return null;
    if (first < 0) first = line;
    last = line;
  }
  if (first < 0) return undefined;
  for (let line = first; line <= last; line++) {
    const open = text.indexOf('{{', lines.start(line));
    if (open >= 0 && open < lines.end(line)) {
      const lineText = lines.line(line);
      hooks.onReferences(lineText, line, 0, lineText.length, 'body');
    }
  }
  return {
    kind: 'text',
    text: text.slice(lines.start(first), lines.end(last)),
    range: range(first, 0, last, lines.end(last) - lines.start(last)),
  };
}

function parseBodyLines(lines: Lines, from: number, end: number, hooks: BodyHooks): RequestBody | undefined {
  const kept: number[] = [];
  let contentCount = 0;
  let droppedComments = false;
  for (let line = from; line < end; line++) {
    const text = lines.line(line);
    const start = skipSpaces(text);
    if (start === text.length) {
      if (kept.length) kept.push(line);
      continue;
    }
    if (hooks.onComment(text, line, start)) {
      if (kept.length) droppedComments = true;
      continue;
    }
    kept.push(line);
    contentCount = kept.length;
  }
  if (contentCount === 0) return undefined;
  kept.length = contentCount;
  const first = kept[0];
  const last = kept[kept.length - 1];
  const bodyRange = range(first, 0, last, lines.length(last));

  const parts: BodyPart[] = [];
  let textLines: string[] = [];
  let fileCount = 0;
  const flush = () => {
    if (textLines.length) parts.push({ kind: 'text', text: textLines.join(lines.eol) });
    textLines = [];
  };
  for (const line of kept) {
    const text = lines.line(line);
    const file = parseBodyFileLine(text, 0);
    if (!file) {
      textLines.push(text);
      hooks.onReferences(text, line, 0, text.length, 'body');
      continue;
    }
    flush();
    fileCount++;
    parts.push({
      kind: 'file',
      path: file.path,
      processVariables: file.processVariables,
      encoding: file.encoding,
      range: lineRange(line, 0, file.pathEnd),
      pathRange: lineRange(line, file.pathStart, file.pathEnd),
    });
    hooks.onReferences(text, line, file.pathStart, file.pathEnd, 'bodyFile');
  }
  flush();
  if (fileCount === 0) {
    // Verbatim (original line breaks) unless comment lines had to be cut out.
    const text = droppedComments ? (parts[0] as { text: string }).text : lines.text.slice(lines.start(first), lines.end(last));
    return { kind: 'text', text, range: bodyRange };
  }
  if (parts.length === 1 && parts[0].kind === 'file') return parts[0];
  return { kind: 'mixed', parts, range: bodyRange };
}
