import { UserError } from '../errors/userError';
import type { DraftBody, DraftDirective, DraftText, RequestDraft, RequestFileDraft } from './draft';
import { commentTextStart, parseBodyFileLine } from './lineParsers';
import { skipSpaces } from './lines';
import { isMetadataStart } from './metadata';
import { TOKEN_CLASS } from './headerToken';

/** A draft that cannot be written as `.thredd` text that reads back the same; says which part and what to change. */
export class DraftError extends UserError {
  static override readonly kind: string = 'DraftError';
}

const TOKEN = new RegExp(`^[${TOKEN_CLASS}]+$`);

/** A name the parser reads back as a header's: a token that starts with neither "#" (a comment) nor "&" (a query line). */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name) && name[0] !== '#' && name[0] !== '&';
}

function fail(where: string, what: string, fix: string): never {
  throw new DraftError(`${where}: ${what}.`, fix);
}

function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
}

/** A one-line field: no line break (nor NUL, which makes the file binary) and no blanks at the edges. */
function checkLine(where: string, field: string, value: string, trimmed = true): void {
  if (/[\r\n\0]/.test(value)) {
    fail(where, `the ${field} ${quoted(value)} holds a line break`, 'Split it over several lines or remove the break.');
  }
  if (trimmed && value !== value.trim()) {
    fail(where, `the ${field} ${quoted(value)} starts or ends with blanks, which the parser drops`, 'Trim it.');
  }
}

function checkComment(where: string, text: string): void {
  checkLine(where, 'comment', text, false);
  if (text !== text.trimEnd()) fail(where, `the comment ${quoted(text)} ends with blanks, which the parser drops`, 'Trim it.');
  if (isMetadataStart(text, skipSpaces(text))) {
    fail(where, `the comment ${quoted(text)} would read as a "# @directive"`, 'Start it with another word.');
  }
}

function checkDirective(where: string, { key, value }: DraftDirective): void {
  if (!/^[A-Za-z][\w-]*$/.test(key)) {
    fail(where, `${quoted(key)} is not a directive key`, 'Use letters, digits, _ and -, starting with a letter.');
  }
  checkLine(where, `@${key} value`, value);
}

/** Body text written inline: no line the parser would take for a comment or a file, and no blank first or last line. */
function checkText(where: string, { text }: DraftText, first: boolean, last: boolean): void {
  const lines = text.split('\n');
  if ((first && !lines[0].trim()) || (last && !lines[lines.length - 1].trim())) {
    fail(where, 'its body starts or ends with a blank line, which the parser drops', 'Trim the body, or leave an empty body out.');
  }
  for (const line of lines) {
    if (/[\r\0]/.test(line)) {
      const fix = 'Join body lines with "\\n"; send binary content from a file ("< ./body.bin").';
      fail(where, 'its body holds a carriage return or a NUL', fix);
    }
    const reads = commentTextStart(line, skipSpaces(line)) >= 0 ? 'a comment' : parseBodyFileLine(line, 0) ? 'a "< file" line' : undefined;
    if (reads) {
      fail(where, `its body line ${quoted(line)} would read as ${reads}`, 'Keep this body in a file and refer to it with "< ./body.txt".');
    }
  }
}

/** Throws a DraftError, naming `where`, when printRequestFile cannot write `body` so that it reads back the same. */
export function checkBody(where: string, body: DraftBody): void {
  if (body.kind === 'text') return checkText(where, body, true, true);
  const parts = body.kind === 'file' ? [body] : body.parts;
  if (body.kind === 'mixed' && (parts.length < 2 || !parts.some((part) => part.kind === 'file'))) {
    fail(where, 'a mixed body needs at least one file part and another part', 'Write a single part as a text or file body.');
  }
  parts.forEach((part, index) => {
    if (part.kind === 'text') {
      if (parts[index + 1]?.kind === 'text') fail(where, 'its body has two text parts in a row, which read back as one', 'Join them.');
      return checkText(where, part, index === 0, index === parts.length - 1);
    }
    checkLine(where, 'body file path', part.path);
    if (!part.path) fail(where, 'a body file has no path', 'Give the path of the file to send.');
    if (part.encoding !== undefined && (!part.processVariables || !/^\w+$/.test(part.encoding))) {
      const what = `the body file encoding ${quoted(part.encoding)} needs "<@" (processVariables) and a name such as latin1`;
      fail(where, what, 'Set processVariables or drop the encoding.');
    }
  });
}

export interface CheckOptions {
  /** Bodies that already passed checkBody (or an earlier checkDraft) and have not changed since: not scanned again. */
  checkedBodies?: ReadonlySet<DraftBody>;
}

function checkRequest(where: string, request: RequestDraft, checkedBodies: ReadonlySet<DraftBody> | undefined): void {
  if (request.title !== undefined) {
    checkLine(where, 'title', request.title);
    if (!request.title || request.title.startsWith('#')) {
      fail(where, 'its title is empty or starts with "#"', 'Leave the title out or reword it.');
    }
  }
  request.comments.forEach((text) => checkComment(where, text));
  request.directives.forEach((directive) => checkDirective(where, directive));
  if (!/^[A-Z]+$/.test(request.method)) {
    fail(where, `${quoted(request.method)} is not an upper-case method`, 'Write it as GET, POST and so on.');
  }
  checkLine(where, 'URL', request.url);
  if (!request.url || /\s/.test(request.url.replace(/\{\{.*?\}\}/g, ''))) {
    fail(where, `the URL ${quoted(request.url)} is empty or holds blanks`, 'Encode blanks as %20.');
  }
  if (request.httpVersion !== undefined && !/^\d+(\.\d+)?$/.test(request.httpVersion)) {
    fail(where, `${quoted(request.httpVersion)} is not an HTTP version`, 'Write it as 1.1 or 2.');
  }
  for (const query of request.query) {
    checkLine(where, 'query line', query);
    if (query[0] !== '?' && query[0] !== '&') {
      fail(where, `the query line ${quoted(query)} does not start with ? or &`, 'Start it with ? (the first) or & (the others).');
    }
  }
  for (const { name, value } of request.headers) {
    if (!isHeaderName(name)) {
      fail(where, `${quoted(name)} is not a header name`, 'Use letters, digits and -, as in X-Region.');
    }
    checkLine(where, `value of header ${name}`, value);
  }
  if (request.body && !checkedBodies?.has(request.body)) checkBody(where, request.body);
}

/** Throws a DraftError naming the first part of `draft` that printRequestFile cannot write faithfully. */
export function checkDraft(draft: RequestFileDraft, options: CheckOptions = {}): void {
  draft.comments.forEach((text) => checkComment('The file', text));
  for (const { name, value } of draft.variables) {
    if (!/^[\w.-]+$/.test(name)) fail('The file', `${quoted(name)} is not a variable name`, 'Use letters, digits, _, - and .');
    checkLine('The file', `value of @${name}`, value);
  }
  draft.directives.forEach((directive) => checkDirective('The file', directive));
  draft.requests.forEach((request, index) => {
    const where = `Request ${index + 1}${request.title ? ` (${quoted(request.title)})` : ''}`;
    checkRequest(where, request, options.checkedBodies);
  });
}
