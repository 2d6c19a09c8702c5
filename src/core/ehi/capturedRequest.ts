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
 * with # or // before the request line are skipped. In a file of several requests separated by `###` lines, the
 * request around `line` (0-based, e.g. the cursor's) is read, else the first one with the header.
 */
export function readCapturedEhiRequest(text: string, line?: number): CapturedEhiRequest {
  const lines = text.split(/\r?\n/);
  const separator = text.includes('\r\n') ? '\r\n' : '\n';
  const blocks: { start: number; end: number }[] = [];
  let start = 0;
  lines.forEach((content, index) => {
    if (/^###/.test(content)) {
      blocks.push({ start, end: index });
      start = index + 1;
    }
  });
  blocks.push({ start, end: lines.length });
  const read = (block: { start: number; end: number }) => readBlock(lines.slice(block.start, block.end), block.start, separator);
  const around = line === undefined ? undefined : blocks.find((block) => line >= block.start - 1 && line < block.end);
  if (around) return read(around);
  return blocks.map(read).find((request) => request.signature !== undefined) ?? read(blocks[0]);
}

function readBlock(lines: string[], offset: number, separator: string): CapturedEhiRequest {
  let index = 0;
  while (index < lines.length && (lines[index].trim() === '' || /^\s*(#|\/\/)/.test(lines[index]))) index += 1;
  if (index < lines.length && !HEADER_LINE.test(lines[index])) index += 1; // the request line (POST https://… HTTP/1.1)
  const result: CapturedEhiRequest = {};
  for (; index < lines.length && lines[index].trim() !== ''; index += 1) {
    const match = HEADER_LINE.exec(lines[index]);
    if (match && match[1].toLowerCase() === EHI_SIGNATURE_HEADER.toLowerCase()) {
      result.signature = match[2].trim();
      result.signatureLine = offset + index + 1;
    }
  }
  if (index < lines.length) {
    // Keep the body's own line breaks: the signature covers its exact bytes.
    const body = lines.slice(index + 1).join(separator);
    if (body.trim() !== '') result.body = body;
  }
  return result;
}

/** Bytes a body may have been signed as; `note` says how they differ from the body as written. */
export interface EhiBodyCandidate {
  bytes: Uint8Array;
  note?: string;
}

/**
 * The byte strings a captured body may have been signed as: as written, then without the one final line break an
 * editor adds (a body sent without it is the usual case). verifyEhiMessage reports which one verified.
 */
export function capturedBodyCandidates(body: string): EhiBodyCandidate[] {
  const exact = Buffer.from(body, 'utf8');
  const trimmed = body.replace(/\r?\n$/, '');
  return trimmed === body
    ? [{ bytes: exact }]
    : [{ bytes: exact }, { bytes: Buffer.from(trimmed, 'utf8'), note: 'without the final line break' }];
}
