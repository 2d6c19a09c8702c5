/**
 * Postman bodies as `.thredd` bodies, with the Content-Type Postman adds when the request sets none. A raw body
 * that cannot be written inline (a line that reads as a comment or a `< file` line) is kept in a side file that the
 * request reads with `<@`, so it is sent as written.
 */
import { checkBody, DraftError } from '../requestFile/checkDraft';
import type { DraftBody, DraftFileReference, DraftText } from '../requestFile/draft';
import type { PostmanBody, PostmanKeyValue } from './model';

export interface BodyResult {
  body?: DraftBody;
  /** Content-Type Postman sends for this body when the request has none. */
  contentType?: string;
  /** Fields not sent (disabled, or a file never chosen), as `key=value` for comments. */
  disabledFields: string[];
  /** Side files to write (relative to the request file) for bodies that cannot be inline. */
  sideFiles: { path: string; text: string }[];
  notes: string[];
}

/** Boundary for imported multipart bodies: fixed, so imports are reproducible (RFC 2046 §5.1.1 allows any unique one). */
export const FORM_BOUNDARY = 'ThreddImportBoundary7MA4YWxkTrZu0gW';

const RAW_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  javascript: 'application/javascript',
  text: 'text/plain',
};

/** Form-encodes the literal text around `{{…}}` references (Postman encodes after substituting; we cannot). */
function formEncode(text: string): string {
  return text
    .split(/(\{\{[^{}]*\}\})/)
    .map((part, index) => (index % 2 === 1 ? part : encodeURIComponent(part).replace(/%20/g, '+')))
    .join('');
}

/** Trims the blank lines at the edges (the parser drops them) and normalises line breaks. */
function textBody(text: string): DraftText | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return lines.length ? { kind: 'text', text: lines.join('\n') } : undefined;
}

/** True when printRequestFile can write this text inline and read it back the same. */
function writableInline(body: DraftBody): boolean {
  try {
    checkBody('The body', body);
    return true;
  } catch (error) {
    if (error instanceof DraftError) return false;
    throw error;
  }
}

function fieldText(field: PostmanKeyValue): string {
  return `${field.key}=${field.value}`;
}

function multipart(body: Extract<PostmanBody, { mode: 'formdata' }>, result: BodyResult): DraftBody | undefined {
  const parts: (DraftText | DraftFileReference)[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) parts.push({ kind: 'text', text: pending.join('\n') });
    pending = [];
  };
  for (const field of body.fields) {
    if (field.disabled || (field.type === 'file' && !field.src)) {
      result.disabledFields.push(
        field.type === 'file' ? `${field.key}=< ${field.src || '(no file chosen in Postman)'}` : `${field.key}=${field.value}`,
      );
      continue;
    }
    pending.push(`--${FORM_BOUNDARY}`);
    if (field.type === 'file') {
      const fileName = field.src!.split(/[\\/]/).pop();
      pending.push(`Content-Disposition: form-data; name="${field.key}"; filename="${fileName}"`);
      pending.push(`Content-Type: ${field.contentType ?? 'application/octet-stream'}`, '');
      flush();
      parts.push({ kind: 'file', path: field.src!, processVariables: false });
    } else {
      pending.push(`Content-Disposition: form-data; name="${field.key}"`);
      if (field.contentType) pending.push(`Content-Type: ${field.contentType}`);
      pending.push('', field.value);
    }
  }
  if (parts.length === 0 && pending.length === 0) return undefined;
  pending.push(`--${FORM_BOUNDARY}--`);
  flush();
  return parts.length === 1 ? parts[0] : { kind: 'mixed', parts };
}

export function bodyDraft(body: PostmanBody | undefined, sideFileBase: string): BodyResult {
  const result: BodyResult = { disabledFields: [], sideFiles: [], notes: [] };
  if (!body) return result;
  switch (body.mode) {
    case 'raw': {
      result.contentType = RAW_TYPES[body.language ?? 'text'] ?? 'text/plain';
      const text = textBody(body.raw);
      if (!text) return result;
      if (writableInline(text)) {
        result.body = text;
      } else {
        const path = `${sideFileBase}.${body.language === 'json' ? 'json' : body.language === 'xml' ? 'xml' : 'txt'}`;
        result.sideFiles.push({ path, text: body.raw });
        result.body = { kind: 'file', path: `./${path}`, processVariables: true };
        result.notes.push(`its body has lines a .thredd file would read as comments, so it is kept in ${path} and sent from there`);
      }
      return result;
    }
    case 'urlencoded': {
      result.contentType = 'application/x-www-form-urlencoded';
      const enabled = body.fields.filter((field) => !field.disabled);
      result.disabledFields.push(...body.fields.filter((field) => field.disabled).map(fieldText));
      // Continuation lines starting with & are joined without a line break (see resolveRequest).
      if (enabled.length)
        result.body = {
          kind: 'text',
          text: enabled.map((field, index) => `${index ? '&' : ''}${formEncode(field.key)}=${formEncode(field.value)}`).join('\n'),
        };
      return result;
    }
    case 'formdata': {
      result.contentType = `multipart/form-data; boundary=${FORM_BOUNDARY}`;
      result.body = multipart(body, result);
      if (!result.body) result.contentType = undefined;
      return result;
    }
    case 'file':
      if (!body.src) result.notes.push('its body is a file, but none was chosen in Postman: no body is sent');
      else result.body = { kind: 'file', path: body.src, processVariables: false };
      return result;
    case 'graphql': {
      result.contentType = 'application/json';
      let variables: string;
      try {
        variables = JSON.stringify(body.variables.trim() ? JSON.parse(body.variables) : {});
      } catch {
        variables = body.variables.trim(); // holds {{…}}: sent as written once substituted
      }
      const text = `{"query": ${JSON.stringify(body.query)}, "variables": ${variables}}`;
      result.body = { kind: 'text', text };
      return result;
    }
  }
}
