import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../fs/safeWrite';
import type { HttpHeaders } from '../http/types';
import { maskCredentialFields, maskCredentialHeader, maskCredentialHeaders } from './credentialFields';
import { maskBodySource } from './redact';
import type { RunResult, SentRequest } from './types';

const FORMAT_VERSION = 1;
export const DEFAULT_HISTORY_LIMIT = 100;
export const DEFAULT_HISTORY_BODY_BYTES = 64 * 1024;

/** A past run as kept on disk: the masked request and a shortened response, never a token or secret. */
export interface HistoryEntry extends Omit<RunResult, 'response' | 'dependencies'> {
  savedAt: string;
  response?: HistoryResponse;
}

export interface HistoryResponse {
  status: number;
  statusText: string;
  headers: HttpHeaders;
  contentType?: string;
  size: number;
  /** The start of the decoded body (at most maxBodyBytes); absent for binary bodies. */
  text?: string;
  /** True when `text` is not the whole body. */
  truncated: boolean;
  url: string;
}

export interface HistoryOptions {
  /** Entries kept, newest first. Default 100. */
  limit?: number;
  /** Response (and request) text kept per entry. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Told about unreadable or unwritable history files; the store carries on in memory. */
  onWarning?: (message: string) => void;
}

/**
 * The last N runs in one JSON file (VS Code passes a path in its global storage). Written atomically
 * (0600: responses may hold card data), one write at a time; a corrupt file starts an empty history
 * with a warning. No method throws.
 */
export class HistoryStore {
  private entries?: Promise<HistoryEntry[]>;
  private queue: Promise<unknown> = Promise.resolve();
  private limit: number;
  private readonly maxBodyBytes: number;

  constructor(
    readonly file: string,
    private readonly options: HistoryOptions = {},
  ) {
    this.limit = Math.max(1, options.limit ?? DEFAULT_HISTORY_LIMIT);
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_HISTORY_BODY_BYTES;
  }

  /** Newest first. */
  async list(): Promise<HistoryEntry[]> {
    return [...(await this.load())];
  }

  async get(id: string): Promise<HistoryEntry | undefined> {
    return (await this.load()).find((entry) => entry.id === id);
  }

  /** Records a run (shortened and masked) and returns the entry kept. */
  add(result: RunResult): Promise<HistoryEntry> {
    const entry = this.toEntry(result);
    return this.mutate((entries) => [entry, ...entries.filter((item) => item.id !== entry.id)]).then(() => entry);
  }

  remove(id: string): Promise<void> {
    return this.mutate((entries) => entries.filter((entry) => entry.id !== id));
  }

  clear(): Promise<void> {
    return this.mutate(() => []);
  }

  /** Applies a new limit (the setting changed); older entries are dropped at once. */
  setLimit(limit: number): Promise<void> {
    this.limit = Math.max(1, limit);
    return this.mutate((entries) => entries);
  }

  private mutate(change: (entries: HistoryEntry[]) => HistoryEntry[]): Promise<void> {
    const next = this.queue.then(async () => {
      const entries = change(await this.load()).slice(0, this.limit);
      this.entries = Promise.resolve(entries);
      await this.write(entries);
    });
    this.queue = next.catch(() => undefined);
    return next.catch((error: unknown) => this.warn(`History could not be updated: ${(error as Error).message}`));
  }

  private load(): Promise<HistoryEntry[]> {
    this.entries ??= this.read();
    return this.entries;
  }

  private async read(): Promise<HistoryEntry[]> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.warn(`The request history ${this.file} cannot be read (${(error as Error).message}); starting with an empty history.`);
      return [];
    }
    try {
      const data = JSON.parse(text) as { version?: unknown; entries?: unknown };
      if (data?.version !== FORMAT_VERSION || !Array.isArray(data.entries)) throw new Error('not a history file of this version');
      return (data.entries as HistoryEntry[])
        .filter((entry) => typeof entry?.id === 'string' && typeof entry.savedAt === 'string')
        .slice(0, this.limit);
    } catch (error) {
      this.warn(
        `The request history ${this.file} is damaged (${(error as Error).message}); ` +
          'starting a new history (the file is replaced on the next request).',
      );
      return [];
    }
  }

  private async write(entries: HistoryEntry[]): Promise<void> {
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ version: FORMAT_VERSION, entries }), 0o600);
    } catch (error) {
      this.warn(
        `The request history could not be saved to ${this.file}: ${(error as Error).message}. ` +
          'It is kept in memory until the window closes.',
      );
    }
  }

  private warn(message: string): void {
    this.options.onWarning?.(message);
  }

  private toEntry(result: RunResult): HistoryEntry {
    const { response, request } = result;
    const text = response?.text === undefined ? undefined : this.shorten(maskCredentialFields(response.text));
    return {
      id: result.id,
      savedAt: new Date().toISOString(),
      filePath: result.filePath,
      requestIndex: result.requestIndex,
      name: result.name,
      title: result.title,
      environment: result.environment,
      startedAt: result.startedAt,
      durationMs: result.durationMs,
      ok: result.ok,
      request: request && {
        ...request,
        url: maskCredentialFields(request.url),
        headers: request.headers.map((header) => ({ ...header, value: maskCredentialHeader(header.name, header.value) })),
        body: request.body && this.shortenBody(request.body),
      },
      response: response && {
        status: response.status,
        statusText: response.statusText,
        headers: maskCredentialHeaders(response.headers),
        contentType: response.contentType,
        size: response.size,
        text: text?.text,
        truncated: response.truncated || text?.cut === true,
        url: maskCredentialFields(response.url),
      },
      timings: result.timings,
      tls: result.tls,
      route: result.route,
      token: result.token,
      expectations: result.expectations,
      warnings: result.warnings,
      error: result.error,
    };
  }

  private shortenBody(body: NonNullable<SentRequest['body']>): SentRequest['body'] {
    const preview = this.shorten(maskCredentialFields(body.preview));
    const sourceSize =
      body.source.kind === 'text'
        ? body.source.text.length
        : body.source.kind === 'mixed'
          ? body.source.parts.reduce((sum, part) => sum + (part.kind === 'text' ? part.text.length : 0), 0)
          : 0;
    // The source lets "Copy as cURL" rebuild the body; a huge inline body is not worth keeping for that.
    const source =
      sourceSize > this.maxBodyBytes ? { kind: 'text' as const, text: preview.text } : maskBodySource(body.source, maskCredentialFields);
    return { ...body, preview: preview.text, truncated: body.truncated || preview.cut, source };
  }

  private shorten(text: string): { text: string; cut: boolean } {
    if (text.length * 3 <= this.maxBodyBytes) return { text, cut: false };
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= this.maxBodyBytes) return { text, cut: false };
    // Cutting bytes may split a character: drop the replacement character it leaves.
    return {
      text: bytes
        .subarray(0, this.maxBodyBytes)
        .toString('utf8')
        .replace(/\uFFFD$/, ''),
      cut: true,
    };
  }
}
