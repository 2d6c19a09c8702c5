import { parseRequestFile } from './parser';
import type { ParsedRequestFile, ParseOptions } from './types';

/**
 * One parse per document version, shared by CodeLens, diagnostics, completion, hover and symbols.
 * The editor layer calls `delete(uri)` when a document closes; nothing else evicts.
 */
export class RequestFileCache {
  private readonly entries = new Map<string, { version: number; parsed: ParsedRequestFile }>();

  constructor(
    private readonly parse: (text: string, options?: ParseOptions) => ParsedRequestFile = parseRequestFile,
    private readonly options: ParseOptions = {},
  ) {}

  /** The parse of `uri` at `version`; `text` may be a function so a cache hit never copies the document. */
  get(uri: string, version: number, text: string | (() => string)): ParsedRequestFile {
    const entry = this.entries.get(uri);
    if (entry && entry.version === version) return entry.parsed;
    const parsed = this.parse(typeof text === 'function' ? text() : text, this.options);
    this.entries.set(uri, { version, parsed });
    return parsed;
  }

  /** The last parse of `uri`, whatever its version, or undefined. */
  peek(uri: string): ParsedRequestFile | undefined {
    return this.entries.get(uri)?.parsed;
  }

  delete(uri: string): boolean {
    return this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
