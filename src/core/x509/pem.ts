/** PEM armour (RFC 7468): base64 of DER between BEGIN/END lines, 64 characters a line. */
export interface PemBlock {
  /** The label between "BEGIN " and the dashes, e.g. "CERTIFICATE". */
  label: string;
  der: Buffer;
  /** RFC 1421 headers (legacy encrypted PKCS#1 keys: "Proc-Type: 4,ENCRYPTED" ...), if any. */
  headers?: string;
  /** The block as it appeared, BEGIN to END line. */
  text: string;
}

export function toPem(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
}

/** Does this look like PEM text at all (so DER and garbage can be told apart)? */
export function looksLikePem(data: Uint8Array | string): boolean {
  const text = typeof data === 'string' ? data : Buffer.from(data.subarray(0, 64 * 1024)).toString('latin1');
  return text.includes('-----BEGIN ');
}

/** Why a PEM text could not be read; `reason` says what is wrong with it. */
export class PemFormatError extends Error {
  constructor(
    readonly reason: 'truncated' | 'bad-base64' | 'no-blocks',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Every PEM block in the text, in order. A BEGIN without its END (a file cut short by a copy and
 * paste) is reported as truncated rather than silently ignored.
 */
export function parsePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const begin = /-----BEGIN ([A-Z0-9 ]+)-----/g;
  let match: RegExpExecArray | null;
  while ((match = begin.exec(text)) !== null) {
    const label = match[1];
    const endMarker = `-----END ${label}-----`;
    const end = text.indexOf(endMarker, begin.lastIndex);
    const nextBegin = text.indexOf('-----BEGIN ', begin.lastIndex);
    if (end < 0 || (nextBegin >= 0 && nextBegin < end)) {
      throw new PemFormatError('truncated', `the PEM block "${label}" has no "${endMarker}" line: the file looks truncated`);
    }
    const body = text.slice(begin.lastIndex, end);
    // Encrypted PKCS#1 keys carry RFC 1421 headers ("Proc-Type: ...") before the base64.
    const headerLines = body.match(/^[A-Za-z-]+:.*$/gm);
    const base64 = body.replace(/^[A-Za-z-]+:.*$/gm, '').replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0 || base64.length === 0) {
      throw new PemFormatError('bad-base64', `the PEM block "${label}" is not valid base64: the file is damaged or was edited`);
    }
    const blockText = `${text.slice(match.index, end + endMarker.length)}\n`;
    blocks.push({ label, der: Buffer.from(base64, 'base64'), headers: headerLines?.join('\n'), text: blockText });
    begin.lastIndex = end + endMarker.length;
  }
  if (blocks.length === 0) throw new PemFormatError('no-blocks', 'no PEM "-----BEGIN ...-----" block found');
  return blocks;
}
