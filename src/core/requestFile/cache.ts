import { parseDocument, reparseDocument, type DocumentParse } from './documentParse';
import type { ParsedRequestFile, ParseOptions } from './types';

/** How the cache parses: a first version, and a later version from the previous parse. Tests count calls through it. */
export interface DocumentParser {
  parse(text: string, options: ParseOptions): DocumentParse;
  reparse(previous: DocumentParse, text: string, options: ParseOptions): DocumentParse;
}

const INCREMENTAL: DocumentParser = { parse: parseDocument, reparse: reparseDocument };

/**
 * One parse per document version, shared by CodeLens, diagnostics, completion, hover and symbols. A new version is
 * parsed from the previous one, reusing its unchanged requests (reparseDocument): typing in a 10,000-request file
 * re-reads one block. The editor layer calls `delete(uri)` when a document closes; nothing else evicts.
 */
export class RequestFileCache {
  private readonly entries = new Map<string, { version: number; document: DocumentParse }>();

  constructor(
    private readonly options: ParseOptions = {},
    private readonly parser: DocumentParser = INCREMENTAL,
  ) {}

  /** The parse of `uri` at `version`; `text` may be a function so a cache hit never copies the document. */
  get(uri: string, version: number, text: string | (() => string)): ParsedRequestFile {
    const entry = this.entries.get(uri);
    if (entry && entry.version === version) return entry.document.parsed;
    const current = typeof text === 'function' ? text() : text;
    const document = entry ? this.parser.reparse(entry.document, current, this.options) : this.parser.parse(current, this.options);
    this.entries.set(uri, { version, document });
    return document.parsed;
  }

  /** The last parse of `uri`, whatever its version, or undefined. */
  peek(uri: string): ParsedRequestFile | undefined {
    return this.entries.get(uri)?.document.parsed;
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
