import type { HeaderLine, RequestBody } from '../../requestFile/types';
import type { PostmanBody, PostmanFormField, PostmanKeyValue } from '../model';
import { exportText, type ExportScope } from './exportText';

/** Postman's raw body languages (options.raw.language), from the request's Content-Type. */
function languageOf(contentType: string): string {
  if (/json/i.test(contentType)) return 'json';
  if (/xml/i.test(contentType)) return 'xml';
  if (/html/i.test(contentType)) return 'html';
  if (/javascript/i.test(contentType)) return 'javascript';
  return 'text';
}

export interface ExportedBody {
  body?: PostmanBody;
  /** Postman writes this header itself for form-data (with its own boundary): the request's is left out. */
  dropContentType: boolean;
  /** Why part of the body could not keep its form, for the report. */
  note?: string;
}

/**
 * A request body in Postman's modes: `< file` → file; a urlencoded text → urlencoded fields (decoded: Postman
 * encodes them when it sends); multipart text with `< file` parts → formdata; any other text → raw with the
 * language its Content-Type says.
 */
export function exportBody(body: RequestBody | undefined, headers: readonly HeaderLine[], scope: ExportScope): ExportedBody {
  if (!body) return { dropContentType: false };
  const contentType = headers.find((header) => header.name.toLowerCase() === 'content-type')?.value ?? '';
  if (body.kind === 'file') return { body: { mode: 'file', src: exportText(body.path, scope) }, dropContentType: false };
  const boundary = /multipart\/form-data.*boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary) {
    const fields = formFields(body, boundary, scope);
    if (fields) return { body: { mode: 'formdata', fields }, dropContentType: true };
  }
  if (body.kind === 'mixed') {
    const raw = body.parts.map((part) => (part.kind === 'text' ? part.text : `< ${part.path}`)).join('\n');
    return {
      body: { mode: 'raw', raw: exportText(raw, scope), language: 'text' },
      dropContentType: false,
      note: 'a body mixing text and files',
    };
  }
  if (/application\/x-www-form-urlencoded/i.test(contentType)) {
    return { body: { mode: 'urlencoded', fields: urlencodedFields(body.text, scope) }, dropContentType: false };
  }
  return { body: { mode: 'raw', raw: exportText(body.text, scope), language: languageOf(contentType) }, dropContentType: false };
}

function urlencodedFields(text: string, scope: ExportScope): PostmanKeyValue[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join('')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const key = decode(equals < 0 ? pair : pair.slice(0, equals));
      return { key, value: exportText(decode(equals < 0 ? '' : pair.slice(equals + 1)), scope), disabled: false };
    });
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

const FILE_MARK = '\u0000file:';

/** The parts of a multipart body as Postman form fields; undefined when the text is not the multipart it says. */
function formFields(body: RequestBody, boundary: string, scope: ExportScope): PostmanFormField[] | undefined {
  const files: string[] = [];
  const text =
    body.kind === 'mixed'
      ? body.parts.map((part) => (part.kind === 'text' ? part.text : `${FILE_MARK}${files.push(part.path) - 1}`)).join('\n')
      : body.kind === 'text'
        ? body.text
        : '';
  const sections = text.split(`--${boundary}`).slice(1);
  const fields: PostmanFormField[] = [];
  for (const section of sections) {
    if (section.startsWith('--')) break;
    const match = /^\r?\n([^]*?)\r?\n\r?\n([^]*?)\r?\n?$/.exec(section);
    if (!match) return undefined;
    const disposition = /content-disposition:[^\n]*\bname="([^"]*)"/i.exec(match[1]);
    if (!disposition) return undefined;
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(match[1])?.[1]?.trim();
    const content = match[2];
    const file = new RegExp(`^${FILE_MARK}(\\d+)$`).exec(content.trim());
    const field: PostmanFormField = file
      ? { key: disposition[1], value: '', src: exportText(files[Number(file[1])], scope), type: 'file', disabled: false }
      : { key: disposition[1], value: exportText(content, scope), type: 'text', disabled: false };
    if (contentType) field.contentType = contentType;
    fields.push(field);
  }
  return fields.length > 0 ? fields : undefined;
}
