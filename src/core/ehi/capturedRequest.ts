import { EHI_SIGNATURE_HEADER } from './signature';

export interface CapturedEhiRequest {
  /** The X-Thredd-Signature value, when a header line has it. */
  signature?: string;
  /** The body as written after the blank line that ends the headers. */
  body?: string;
  /** 1-based line of the signature header, for messages. */
  signatureLine?: number;
}

const HEADER_LINE = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*:\s*(.*)$/;

/**
 * Reads a request as captured in an editor (an HTTP message or a .thredd request: optional comment lines, a
 * request line, headers, a blank line, the body): the X-Thredd-Signature header and the body. Lines starting
 * with # or // before the request line are skipped.
 */
export function readCapturedEhiRequest(text: string): CapturedEhiRequest {
  const lines = text.split(/\r?\n/);
  let index = 0;
  while (index < lines.length && (lines[index].trim() === '' || /^\s*(#|\/\/)/.test(lines[index]))) index += 1;
  if (index < lines.length && !HEADER_LINE.test(lines[index])) index += 1; // the request line (POST https://… HTTP/1.1)
  const result: CapturedEhiRequest = {};
  for (; index < lines.length && lines[index].trim() !== ''; index += 1) {
    const match = HEADER_LINE.exec(lines[index]);
    if (match && match[1].toLowerCase() === EHI_SIGNATURE_HEADER.toLowerCase()) {
      result.signature = match[2].trim();
      result.signatureLine = index + 1;
    }
  }
  if (index < lines.length) {
    // Keep the body's own line breaks: the signature covers its exact bytes.
    const separator = text.includes('\r\n') ? '\r\n' : '\n';
    const body = lines.slice(index + 1).join(separator);
    if (body.trim() !== '') result.body = body;
  }
  return result;
}

/**
 * The byte strings a captured body may have been signed as: as written, then without the one final line break an
 * editor adds (a body sent without it is the usual case). The caller reports which one verified.
 */
export function capturedBodyCandidates(body: string): { bytes: Buffer; note?: string }[] {
  const exact = Buffer.from(body, 'utf8');
  const trimmed = body.replace(/\r?\n$/, '');
  return trimmed === body
    ? [{ bytes: exact }]
    : [{ bytes: exact }, { bytes: Buffer.from(trimmed, 'utf8'), note: 'without the final line break' }];
}
