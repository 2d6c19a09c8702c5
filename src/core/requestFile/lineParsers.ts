import { suggestionText } from '../text/suggest';
import { DiagnosticSink, isSpace, lineRange, skipSpaces, trimmedEnd } from './lines';
import { intern } from './intern';
import { ParsedHeaderLine } from './parsedItems';
import { truncate } from './references';
import { HTTP_METHODS } from './types';
import type { HeaderLine, TextRange } from './types';
import { TOKEN_CHARACTERS } from './headerToken';

/** Column where a comment's text starts (after `#`s or `//`s), or -1 when the line is not a comment. */
export function commentTextStart(text: string, start: number): number {
  const first = text.charCodeAt(start);
  let index = start;
  if (first === 35 /* # */) {
    while (text.charCodeAt(index) === 35) index++;
    return index;
  }
  if (first === 47 /* / */ && text.charCodeAt(start + 1) === 47) {
    while (text.charCodeAt(index) === 47) index++;
    return index;
  }
  return -1;
}

/** `###` at the start of a line separates requests (REST Client: /^#{3,}/). */
export function isSeparator(text: string, offset: number): boolean {
  return text.charCodeAt(offset) === 35 && text.charCodeAt(offset + 1) === 35 && text.charCodeAt(offset + 2) === 35;
}

export interface RequestLineParts {
  method: string;
  methodRange?: TextRange;
  url: string;
  urlStart: number;
  urlEnd: number;
  httpVersion?: string;
}

/** Upper-case method → the shared constant string, so 10,000 requests do not hold 10,000 copies of "GET". */
const KNOWN_METHODS: ReadonlyMap<string, string> = new Map(HTTP_METHODS.map((method) => [method, method]));
const EXAMPLE = '"METHOD URL [HTTP/1.1]", as in "GET {{baseUrl}}/core/api/v1/products"';

/** `METHOD URL [HTTP/x.y]`, where METHOD may be left out (GET). Reports, never throws. */
export function parseRequestLine(text: string, line: number, start: number, sink: DiagnosticSink): RequestLineParts {
  const end = trimmedEnd(text);
  let wordEnd = start;
  while (wordEnd < end && !isSpace(text.charCodeAt(wordEnd))) wordEnd++;
  const afterWord = skipSpaces(text, wordEnd);
  let method = 'GET';
  let methodRange: TextRange | undefined;
  let urlStart = start;
  const known = afterWord < end ? knownMethod(text, start, wordEnd) : undefined;
  if (known) {
    method = known;
    methodRange = lineRange(line, start, wordEnd);
    urlStart = afterWord;
  } else if (afterWord < end && versionAt(text, afterWord, end) === undefined && isLetters(text, start, wordEnd)) {
    const word = text.slice(start, wordEnd);
    method = word.toUpperCase();
    methodRange = lineRange(line, start, wordEnd);
    urlStart = afterWord;
    sink.add(methodRange, 'error', 'unknown-method', `Unknown HTTP method "${truncate(word)}": ${suggestionText(method, HTTP_METHODS)}`);
  }
  let urlEnd = end;
  let httpVersion: string | undefined;
  let lastSpace = end - 1;
  while (lastSpace >= urlStart && !isSpace(text.charCodeAt(lastSpace))) lastSpace--;
  if (lastSpace >= urlStart) {
    httpVersion = versionAt(text, lastSpace + 1, end);
    if (httpVersion !== undefined) urlEnd = trimmedEnd(text, lastSpace);
  }
  const url = text.slice(urlStart, urlEnd);
  if (url === '') {
    sink.add(lineRange(line, start, end), 'error', 'malformed-request-line', `This request line has no URL: write ${EXAMPLE}.`);
  } else if (hasSpaceOutsideReferences(text, urlStart, urlEnd)) {
    sink.add(
      lineRange(line, urlStart, urlEnd),
      'warning',
      'malformed-request-line',
      `The URL contains a space, which HTTP does not allow: encode it as %20 or write ${EXAMPLE}.`,
    );
  }
  return { method, methodRange, url, urlStart, urlEnd, httpVersion };
}

function knownMethod(text: string, from: number, to: number): string | undefined {
  if (to - from < 3 || to - from > 7) return undefined;
  const word = text.slice(from, to);
  return KNOWN_METHODS.get(word) ?? KNOWN_METHODS.get(word.toUpperCase());
}

function isLetters(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index) | 0x20;
    if (code < 97 || code > 122) return false;
  }
  return to > from;
}

/** The version of an `HTTP/1.1` token spanning exactly `from`..`to` (case-insensitive), else undefined. */
function versionAt(text: string, from: number, to: number): string | undefined {
  if (
    to - from < 6 ||
    (text.charCodeAt(from) | 0x20) !== 104 ||
    (text.charCodeAt(from + 1) | 0x20) !== 116 ||
    (text.charCodeAt(from + 2) | 0x20) !== 116
  )
    return undefined;
  if ((text.charCodeAt(from + 3) | 0x20) !== 112 || text.charCodeAt(from + 4) !== 47) return undefined;
  let dots = 0;
  for (let index = from + 5; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 46 && index > from + 5 && index < to - 1 && dots++ === 0) continue;
    if (code < 48 || code > 57) return undefined;
  }
  return text.slice(from + 5, to);
}

/** Blanks inside `{{$randomInt 1 10}}` are fine; anywhere else in a URL they are not. */
function hasSpaceOutsideReferences(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 123 && text.charCodeAt(index + 1) === 123) {
      const close = text.indexOf('}}', index + 2);
      if (close >= 0 && close + 2 <= to) {
        index = close + 1;
        continue;
      }
    }
    if (isSpace(code)) return true;
  }
  return false;
}

const TOKEN_CHARS = new Uint8Array(128);
for (const char of TOKEN_CHARACTERS) TOKEN_CHARS[char.charCodeAt(0)] = 1;

function isTokenChar(code: number): boolean {
  return code < 128 && TOKEN_CHARS[code] === 1;
}

/** `Name: value`; undefined (with a diagnostic) when the line is not a header. */
export function parseHeaderLine(text: string, line: number, start: number, sink: DiagnosticSink): HeaderLine | undefined {
  const end = trimmedEnd(text);
  const colon = text.indexOf(':', start);
  const whole = lineRange(line, start, end);
  if (colon < 0) {
    sink.add(
      whole,
      'error',
      'invalid-header',
      `"${truncate(text.slice(start, end))}" is not a header: write "Name: value", and leave a blank ` +
        `line between the headers and the body.`,
    );
    return undefined;
  }
  const nameEnd = trimmedEnd(text, colon);
  const name = text.slice(start, nameEnd);
  if (name === '') {
    sink.add(whole, 'error', 'invalid-header', 'This header has no name before the colon: write "Name: value".');
    return undefined;
  }
  if (!name.includes('{{')) {
    for (let index = 0; index < name.length; index++) {
      if (!isTokenChar(name.charCodeAt(index))) {
        sink.add(
          lineRange(line, start, nameEnd),
          'error',
          'invalid-header',
          `"${truncate(name)}" is not a valid header name: names use letters, digits and !#$%&'*+-.^_\`|~ ` +
            `(RFC 9110 §5.6.2), with no spaces.`,
        );
        return undefined;
      }
    }
  }
  if (nameEnd !== colon) {
    sink.add(
      lineRange(line, nameEnd, colon),
      'warning',
      'invalid-header',
      `Remove the space before the colon after "${truncate(name)}": servers must reject it (RFC 9112 §5.1).`,
    );
  }
  const valueStart = skipSpaces(text, colon + 1);
  const valueEnd = Math.max(valueStart, end);
  return new ParsedHeaderLine(intern(name), text.slice(valueStart, valueEnd), line, start, Math.max(end, colon + 1), nameEnd, valueStart);
}

export interface BodyFileLine {
  path: string;
  processVariables: boolean;
  encoding?: string;
  pathStart: number;
  pathEnd: number;
}

/** `< path`, `<@ path` or `<@latin1 path` (REST Client). `<tag>` is XML, not a file: a blank must follow `<` or `<@enc`. */
export function parseBodyFileLine(text: string, start: number): BodyFileLine | undefined {
  if (text.charCodeAt(start) !== 60 /* < */) return undefined;
  let index = start + 1;
  let processVariables = false;
  let encoding: string | undefined;
  if (text.charCodeAt(index) === 64 /* @ */) {
    processVariables = true;
    index++;
    const encodingStart = index;
    while (index < text.length && /\w/.test(text[index])) index++;
    if (index > encodingStart) encoding = text.slice(encodingStart, index);
  }
  if (!isSpace(text.charCodeAt(index))) return undefined;
  const pathStart = skipSpaces(text, index);
  const pathEnd = trimmedEnd(text);
  if (pathStart >= pathEnd) return undefined;
  return { path: text.slice(pathStart, pathEnd), processVariables, encoding, pathStart, pathEnd };
}
