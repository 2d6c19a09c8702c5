import * as fs from 'node:fs';
import { TextDecoder } from 'node:util';
import type { HttpHeaders, ResponseBody } from '../http/types';

export interface MediaType {
  /** `type/subtype`, lower case, without parameters. */
  type?: string;
  charset?: string;
}

/** Splits a Content-Type value (RFC 9110 §8.3.1): media type and the charset parameter. */
export function parseContentType(value: string | undefined): MediaType {
  if (!value) return {};
  const [type, ...parameters] = value.split(';');
  let charset: string | undefined;
  for (const parameter of parameters) {
    const [key, raw] = parameter.split('=');
    if (key?.trim().toLowerCase() === 'charset' && raw)
      charset = raw
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
  }
  return { type: type.trim().toLowerCase() || undefined, charset };
}

export function headerText(headers: HttpHeaders, name: string): string | undefined {
  const value = headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value[0] : value;
}

const TEXT_TYPES = new Set([
  'application/json',
  'application/xml',
  'application/javascript',
  'application/ecmascript',
  'application/x-www-form-urlencoded',
  'application/graphql',
  'application/yaml',
  'application/x-yaml',
  'application/sql',
  'application/jwt',
  'application/x-ndjson',
]);

/** Whether a media type is text; undefined when it says nothing (no Content-Type, octet-stream): sniff then. */
export function isTextualType(type: string | undefined): boolean | undefined {
  if (!type || type === 'application/octet-stream') return undefined;
  if (type.startsWith('text/') || TEXT_TYPES.has(type)) return true;
  // Structured syntax suffixes (RFC 6839): application/problem+json, application/soap+xml.
  return /\+(json|xml|yaml)$/.test(type);
}

/** No NUL in the first KiB and valid UTF-8: text, whatever the headers failed to say. */
function looksLikeText(sample: Buffer): boolean {
  if (sample.subarray(0, 1024).includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, 4096), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes `bytes` with the charset from the headers or a BOM (JSON defaults to UTF-8, RFC 8259 §8.1);
 * an unknown charset falls back to UTF-8 rather than failing. Returns undefined for binary bodies.
 */
export function decodeText(bytes: Buffer, media: MediaType): { text: string; charset: string } | undefined {
  const textual = isTextualType(media.type) ?? looksLikeText(bytes);
  if (!textual) return undefined;
  let charset = media.charset ?? 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) charset = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) charset = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) charset = 'utf-16be';
  let decoder = decoders.get(charset);
  if (!decoder) {
    try {
      decoder = new TextDecoder(charset);
    } catch {
      charset = 'utf-8';
      decoder = decoders.get(charset)!;
    }
    decoders.set(charset, decoder);
  }
  return { text: decoder.decode(bytes), charset };
}

/** Decoding without `stream` keeps no state between calls, so one decoder per charset serves every response. */
const decoders = new Map<string, TextDecoder>([['utf-8', new TextDecoder('utf-8')]]);

/** The first `limit` bytes of a body, reading a spilled file only as far as needed. */
export async function leadingBytes(body: ResponseBody, limit: number): Promise<Buffer> {
  if (body.kind === 'memory') return body.bytes.length > limit ? body.bytes.subarray(0, limit) : body.bytes;
  const handle = await fs.promises.open(body.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(limit, body.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
