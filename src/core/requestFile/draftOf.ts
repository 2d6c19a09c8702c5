import type { DraftBody, DraftDirective, DraftFileReference, DraftHeader, RequestDraft, RequestFileDraft } from './draft';
import type { BodyFileReference, CommentLine, MetadataEntry, ParsedRequest, ParsedRequestFile, RequestBody } from './types';
import { TOKEN_CLASS } from './headerToken';

/** A comment in the header section that reads as `Name: value` is a disabled header (the printer writes them so). */
const DISABLED_HEADER = new RegExp(`^([${TOKEN_CLASS}]+):[ \\t]*(.*)$`);

function directives(entries: readonly MetadataEntry[]): DraftDirective[] {
  return entries.map(({ key, value }) => ({ key, value }));
}

function fileReference(file: BodyFileReference): DraftFileReference {
  const reference: DraftFileReference = { kind: 'file', path: file.path, processVariables: file.processVariables };
  if (file.encoding !== undefined) reference.encoding = file.encoding;
  return reference;
}

function body(parsed: RequestBody): DraftBody {
  if (parsed.kind === 'text') return { kind: 'text', text: parsed.text };
  if (parsed.kind === 'file') return fileReference(parsed);
  const parts = parsed.parts.map((part) => (part.kind === 'text' ? { kind: 'text' as const, text: part.text } : fileReference(part)));
  return { kind: 'mixed', parts };
}

/** Its headers with the disabled ones (header-like comments between the request line and the body) where they stand. */
function headers(request: ParsedRequest, comments: readonly CommentLine[], leftOver: string[]): DraftHeader[] {
  const requestLine = request.requestLineRange.start.line;
  const bodyLine = request.body?.range.start.line ?? Infinity;
  const lines: [number, DraftHeader][] = request.headers.map(({ name, value, range }) => [range.start.line, { name, value }]);
  for (const comment of comments) {
    const line = comment.range.start.line;
    const match = line > requestLine && line < bodyLine ? DISABLED_HEADER.exec(comment.text) : null;
    if (match) lines.push([line, { name: match[1], value: match[2], disabled: true }]);
    else leftOver.push(comment.text);
  }
  return lines.sort((a, b) => a[0] - b[0]).map(([, header]) => header);
}

function requestDraft(request: ParsedRequest, comments: readonly CommentLine[]): RequestDraft {
  const requestLine = request.requestLineRange.start.line;
  const draft: RequestDraft = {
    comments: comments.filter((comment) => comment.range.start.line < requestLine).map((comment) => comment.text),
    directives: directives(request.metadata.entries),
    method: request.method,
    url: request.urlLines[0].text,
    query: request.urlLines.slice(1).map((line) => line.text),
    headers: [],
  };
  if (request.title !== undefined) draft.title = request.title;
  if (request.httpVersion !== undefined) draft.httpVersion = request.httpVersion;
  draft.headers = headers(
    request,
    comments.filter((comment) => comment.range.start.line > requestLine),
    draft.comments,
  );
  if (request.body) draft.body = body(request.body);
  return draft;
}

/**
 * A parsed file as a draft, so that printRequestFile(draft) writes it in the canonical layout. What the draft
 * does not place keeps its content but moves: file variables go to the top, and comments other than disabled
 * headers go above their request's line (those above the first request to the file's comments).
 */
export function draftOf(file: ParsedRequestFile): RequestFileDraft {
  const starts = file.requests.map((request) => request.range.start.line);
  const owned: CommentLine[][] = file.requests.map(() => []);
  const fileComments: string[] = [];
  let owner = -1;
  for (const comment of file.comments) {
    while (owner + 1 < starts.length && starts[owner + 1] <= comment.range.start.line) owner++;
    if (owner < 0) fileComments.push(comment.text);
    else owned[owner].push(comment);
  }
  return {
    comments: fileComments,
    variables: file.fileVariables.map(({ name, value }) => ({ name, value })),
    directives: directives(file.metadata.entries),
    requests: file.requests.map((request, index) => requestDraft(request, owned[index])),
  };
}
