import { checkDraft, type CheckOptions } from './checkDraft';
import type { DraftBody, DraftDirective, DraftFileReference, DraftHeader, RequestDraft, RequestFileDraft } from './draft';

/** The `# text` line of a comment; an empty comment is a bare `#`. */
function comment(text: string): string {
  return text ? `# ${text}` : '#';
}

function directive({ key, value }: DraftDirective): string {
  if (!value) return `# @${key}`;
  // "# @key = value" is also read as "value", so a value that starts with "=" needs the "=" written out.
  return value.startsWith('=') ? `# @${key} = ${value}` : `# @${key} ${value}`;
}

/** `Name: value`; a header without a value keeps no trailing blank. */
function pair(name: string, separator: string, value: string): string {
  return value ? `${name}${separator}${value}` : name + separator.trimEnd();
}

function header({ name, value, disabled }: DraftHeader): string {
  const line = pair(name, ': ', value);
  return disabled ? `# ${line}` : line;
}

function fileLine({ path, processVariables, encoding }: DraftFileReference): string {
  return `<${processVariables ? '@' + (encoding ?? '') : ''} ${path}`;
}

function bodyLines(body: DraftBody): string[] {
  if (body.kind === 'file') return [fileLine(body)];
  if (body.kind === 'text') return body.text.split('\n');
  return body.parts.flatMap((part) => (part.kind === 'file' ? [fileLine(part)] : part.text.split('\n')));
}

function requestLines(request: RequestDraft): string[] {
  const lines = [request.title ? `### ${request.title}` : '###', ...request.comments.map(comment), ...request.directives.map(directive)];
  lines.push(`${request.method} ${request.url}${request.httpVersion ? ` HTTP/${request.httpVersion}` : ''}`);
  lines.push(...request.query.map((query) => `    ${query}`), ...request.headers.map(header));
  if (request.body) lines.push('', ...bodyLines(request.body));
  return lines;
}

/**
 * The draft as `.thredd` text in the canonical layout (see RequestFileDraft), with `\n` line breaks. Every
 * request starts with `###`, so the file's own lines above the first one are its comments, variables and
 * file-level directives. Throws a DraftError for what the language cannot express (see checkDraft), never
 * writes a file that would read back differently. `options` can spare the bodies a caller has checked already.
 */
export function printRequestFile(draft: RequestFileDraft, options: CheckOptions = {}): string {
  checkDraft(draft, options);
  const blocks: string[][] = [];
  const variables = draft.variables.map(({ name, value }) => pair('@' + name, ' = ', value));
  const preamble = [...draft.comments.map(comment), ...variables, ...draft.directives.map(directive)];
  if (preamble.length > 0) blocks.push(preamble);
  blocks.push(...draft.requests.map(requestLines));
  return blocks.map((lines) => lines.join('\n') + '\n').join('\n');
}
