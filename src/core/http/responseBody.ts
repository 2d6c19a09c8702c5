import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { HttpError } from './httpError';
import type { BodyPolicy, ResponseBody } from './types';

export const DEFAULT_MAX_IN_MEMORY_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024 * 1024;

/**
 * Reads a response body under a size policy: small bodies stay in memory, larger ones continue into
 * a temp file (0600, the body may hold card data), and anything over `maxBytes` stops with "too-large".
 */
export async function readBody(stream: Readable, policy: BodyPolicy, url: string): Promise<{ body: ResponseBody; size: number }> {
  const maxInMemory = policy.maxInMemoryBytes ?? DEFAULT_MAX_IN_MEMORY_BYTES;
  const maxBytes = policy.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  let file: { path: string; stream: fs.WriteStream } | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        stream.destroy();
        throw new HttpError(
          'too-large',
          `The response from ${new URL(url).host} is larger than the ${formatBytes(maxBytes)} limit; ` +
            'reading stopped there and nothing of it was kept.',
          'Ask the API for a smaller answer (fewer results per page, a narrower filter).',
          url,
        );
      }
      if (file) {
        if (!file.stream.write(chunk)) await once(file.stream, 'drain');
        continue;
      }
      chunks.push(chunk);
      if (size > maxInMemory) {
        file = await openSpillFile(policy.spillDir);
        for (const held of chunks.splice(0)) file.stream.write(held);
      }
    }
    if (!file) return { body: { kind: 'memory', bytes: Buffer.concat(chunks, size) }, size };
    file.stream.end();
    await once(file.stream, 'close');
    return { body: { kind: 'file', path: file.path, size }, size };
  } catch (error) {
    if (file) {
      file.stream.destroy();
      await fs.promises.rm(file.path, { force: true });
    }
    throw error;
  }
}

async function openSpillFile(dir = os.tmpdir()): Promise<{ path: string; stream: fs.WriteStream }> {
  const file = path.join(dir, `thredd-body-${randomBytes(8).toString('hex')}`);
  const handle = await fs.promises.open(file, 'wx', 0o600);
  return { path: file, stream: handle.createWriteStream() };
}

/** The body as bytes, reading a spilled file back (callers decide whether a big file is worth it). */
export async function bodyBytes(body: ResponseBody): Promise<Buffer> {
  return body.kind === 'memory' ? body.bytes : fs.promises.readFile(body.path);
}

/** The first `limit` bytes as UTF-8 text, for previews and error excerpts. */
export async function bodyPreview(body: ResponseBody, limit: number): Promise<string> {
  if (body.kind === 'memory') return body.bytes.subarray(0, limit).toString('utf8');
  const handle = await fs.promises.open(body.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(limit, body.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Deletes a spilled body's temp file; harmless for in-memory bodies. */
export async function discardBody(body: ResponseBody): Promise<void> {
  if (body.kind === 'file') await fs.promises.rm(body.path, { force: true });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GiB`;
}
