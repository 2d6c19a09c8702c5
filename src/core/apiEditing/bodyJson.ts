import { createScanner } from 'jsonc-parser';
import type { ParsedRequest, ParsedRequestFile } from '../requestFile';

/** A document's line by number, without its line break: how the editor and the bench hand text over. */
export type LineAt = (line: number) => string;

/** Offsets into a body's JSON text, end excluded. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A request's JSON body as the JSON language service reads it: the body's lines as they stand in the request
 * file, joined with `\n`, so a position in it is the file's position `firstLine` lines down, character for
 * character. Comment lines (which a request file leaves out of a body) are blanked, and each `{{variable}}`
 * written where a JSON value goes is masked as a string of the same length, so the text parses as the JSON
 * that will be sent does. `variables` are where every `{{...}}` stands: a diagnostic there is the variable's
 * doing (its value is not known), never reported.
 */
export interface BodyJson {
  text: string;
  firstLine: number;
  variables: Span[];
}

/** Content types whose bodies are JSON: application/json and the `+json` types Thredd also accepts. */
const JSON_CONTENT_TYPE = /^\s*(application|text)\/([\w.-]+\+)?json\b/i;

/**
 * The request's body as JSON, or undefined when it is not literal JSON: a file (`< path`), a multipart body,
 * text that does not start with `{` or `[`, or a Content-Type that is not JSON. `toLine` extends the body
 * down to a line the cursor is on below it (a body being typed), within the request's block.
 */
export function bodyJson(file: ParsedRequestFile, request: ParsedRequest, lineAt: LineAt, toLine?: number): BodyJson | undefined {
  const body = request.body;
  if (body?.kind !== 'text' || !/^\s*[{[]/.test(body.text)) return undefined;
  const contentType = request.headers.find((header) => header.name.toLowerCase() === 'content-type')?.value;
  if (contentType !== undefined && !contentType.includes('{{') && !JSON_CONTENT_TYPE.test(contentType)) return undefined;
  const firstLine = body.range.start.line;
  const lastLine = Math.max(body.range.end.line, Math.min(toLine ?? 0, blockEnd(file, request)));
  const lines: string[] = [];
  for (let line = firstLine; line <= lastLine; line++) {
    const text = lineAt(line);
    lines.push(/^\s*(#|\/\/)/.test(text) ? ' '.repeat(text.length) : text);
  }
  const lineStarts = offsetsOf(lines);
  const variables = request.variables
    .filter((reference) => reference.location === 'body' && reference.range.start.line >= firstLine && reference.range.end.line <= lastLine)
    .map(({ range }) => ({
      start: lineStarts[range.start.line - firstLine] + range.start.column,
      end: lineStarts[range.end.line - firstLine] + range.end.column,
    }));
  return { text: maskVariables(lines.join('\n'), variables), firstLine, variables };
}

/** The last line that still belongs to the request: the line before the next request, or the file's last. */
function blockEnd(file: ParsedRequestFile, request: ParsedRequest): number {
  const next = file.requests[request.index + 1];
  return next ? next.range.start.line - 1 : file.lineCount - 1;
}

function offsetsOf(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

/**
 * Each variable outside a JSON string becomes `"___"` of its own length: JSON, and a value of a type the schema
 * may refuse, which is then a diagnostic on the variable and dropped. One inside a string stays as it is: the
 * string is JSON already. The scanner tells strings apart; it reads a bare `{{name}}` as braces and a word.
 */
export function maskVariables(text: string, variables: readonly Span[]): string {
  if (variables.length === 0) return text;
  const strings = stringTokens(text);
  let masked = '';
  let from = 0;
  for (const variable of variables) {
    if (strings.some((string) => string.start <= variable.start && variable.end <= string.end)) continue;
    masked += text.slice(from, variable.start) + `"${'_'.repeat(variable.end - variable.start - 2)}"`;
    from = variable.end;
  }
  return masked + text.slice(from);
}

/** The string tokens: those that start with a quote (SyntaxKind is a const enum, which isolatedModules cannot read). */
function stringTokens(text: string): Span[] {
  const scanner = createScanner(text, true);
  const strings: Span[] = [];
  for (scanner.scan(); scanner.getTokenOffset() < text.length; scanner.scan()) {
    const start = scanner.getTokenOffset();
    if (text.charCodeAt(start) === 34 /* " */) strings.push({ start, end: start + scanner.getTokenLength() });
  }
  return strings;
}

/** Whether a diagnostic's span touches a variable: its value is not known, so neither is the verdict. */
export function touchesVariable(span: Span, variables: readonly Span[]): boolean {
  return variables.some((variable) => span.start < variable.end && variable.start < span.end);
}
