import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { PkiError } from '../errors/pkiError';
import { loadPki } from '../pki/load';
import { factsAt, type CertificateFileFacts, type CertificateFileRequest, type FactsErrorCode, type FactsTime } from './certificateFacts';
import { limitConcurrency } from './limitConcurrency';

/** The file operations the cache needs; tests swap them to count reads. */
export interface CertificateFileSystem {
  stat(file: string): Promise<{ mtimeMs: number; size: number }>;
  readFile(file: string): Promise<Buffer>;
}

export interface CertificateFactsCacheOptions {
  fileSystem?: Partial<CertificateFileSystem>;
  /** Files read and parsed at once (default 32): a workspace of 500 certificates must not open 500 files. */
  concurrency?: number;
  /** The time status is computed at when `get` is not given one. */
  clock?: () => Date;
  /** Default warning window in days (Thredd emails 60 days before expiry). */
  warningDays?: number;
}

/** What the cache did, for benches and diagnostics. */
export interface CacheCounters {
  stats: number;
  reads: number;
  parses: number;
  hits: number;
}

interface Entry {
  request: CertificateFileRequest;
  /** mtime and size of the certificate file and of its key file: any change re-reads both. */
  stamp: string;
  /** The parse as a promise, so concurrent builds asking for the same file share one read. */
  facts: Promise<CertificateFileFacts>;
}

/**
 * The stat is asynchronous: it proves a file is there and readable, and a hung network mount stalls it rather than
 * the extension host. The read that follows is synchronous: certificate and key files are a few kilobytes, which
 * the kernel hands over in microseconds, while an asynchronous read costs four thread-pool round trips (open,
 * fstat, read, close) of main-thread work. For 600 files: 5 ms read synchronously against 30-50 ms
 * (bench/tree.ts). The callback stat skips fs.promises' FileHandle work.
 */
const nodeFileSystem: CertificateFileSystem = {
  stat: promisify(fs.stat),
  readFile: async (file) => fs.readFileSync(file),
};

/**
 * Inspects certificate files and keeps each parse until the file (or its key file) changes on
 * disk, so rebuilding the Thredd view re-reads only what changed. Status and days remaining are
 * recomputed from notBefore/notAfter on every `get`, never served stale from the cache.
 */
export class CertificateFactsCache {
  readonly counters: CacheCounters = { stats: 0, reads: 0, parses: 0, hits: 0 };
  private readonly entries = new Map<string, Entry>();
  private readonly fileSystem: CertificateFileSystem;
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  private readonly clock: () => Date;
  private readonly warningDays: number;

  constructor(options: CertificateFactsCacheOptions = {}) {
    this.fileSystem = { ...nodeFileSystem, ...options.fileSystem };
    this.limit = limitConcurrency(options.concurrency ?? 32);
    this.clock = options.clock ?? (() => new Date());
    this.warningDays = options.warningDays ?? 60;
  }

  /** The facts of one file as of `at` (default: the clock and warning window given to the constructor). */
  async get(request: CertificateFileRequest, at: Partial<FactsTime> = {}): Promise<CertificateFileFacts> {
    const facts = await this.load(normalize(request));
    return factsAt(facts, { now: at.now ?? this.clock(), warningDays: at.warningDays ?? this.warningDays });
  }

  /** Facts for many files, in the order asked; reads run at most `concurrency` at a time. */
  getMany(requests: readonly CertificateFileRequest[], at: Partial<FactsTime> = {}): Promise<CertificateFileFacts[]> {
    const time = { now: at.now ?? this.clock(), warningDays: at.warningDays ?? this.warningDays };
    return Promise.all(requests.map((request) => this.get(request, time)));
  }

  /** Drops every parse that read `file`, as a certificate or as a key (e.g. when a watcher sees it deleted). */
  forget(file: string): void {
    const absolute = path.resolve(file);
    for (const [key, entry] of this.entries) {
      if (entry.request.file === absolute || entry.request.keyFile === absolute) this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private async load(request: CertificateFileRequest): Promise<CertificateFileFacts> {
    const key = cacheKey(request);
    const [certStamp, keyStamp] = await Promise.all([this.stamp(request.file), request.keyFile ? this.stamp(request.keyFile) : '']);
    const stamp = `${certStamp}|${keyStamp}`;
    const entry = this.entries.get(key);
    if (entry && entry.stamp === stamp) {
      this.counters.hits++;
      return entry.facts;
    }
    const facts = this.limit(() => this.inspect(request));
    this.entries.set(key, { request, stamp, facts });
    return facts;
  }

  private async stamp(file: string): Promise<string> {
    this.counters.stats++;
    try {
      const stats = await this.fileSystem.stat(file);
      return `${stats.mtimeMs}:${stats.size}`;
    } catch (error) {
      // A missing file is cached as such too; it gets a real stamp (and a read) once it appears.
      return `unavailable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
    }
  }

  private async inspect(request: CertificateFileRequest): Promise<CertificateFileFacts> {
    const { file, keyFile, passphrase, describeKey } = request;
    let privateKey;
    let keyError: string | undefined;
    if (keyFile) {
      try {
        privateKey = loadPki().readPrivateKey(await this.read(keyFile), { name: path.basename(keyFile), passphrase });
      } catch (error) {
        keyError = failure(error, keyFile).message;
      }
    }
    try {
      const data = await this.read(file);
      this.counters.parses++;
      // The overview's facts only: the full inspection (extensions, chain) waits for the certificate view.
      const result = await loadPki().summarizeBytes(data, { name: path.basename(file), passphrase, privateKey, describeKey });
      if (result.kind === 'csr') {
        return {
          kind: 'error',
          file,
          code: 'csr-not-certificate',
          message:
            `${path.basename(file)} is a certificate signing request, not a certificate: upload it in Thredd ` +
            `Portal to get the certificate.`,
        };
      }
      const keyMatches = result.certificates[0].keyMatches;
      return {
        kind: 'certificates',
        file,
        keyFile,
        certificates: result.certificates,
        privateKey: result.privateKey,
        keyMatches,
        keyError,
      };
    } catch (error) {
      return { kind: 'error', file, ...failure(error, file) };
    }
  }

  private read(file: string): Promise<Buffer> {
    this.counters.reads++;
    return this.fileSystem.readFile(file);
  }
}

function normalize(request: CertificateFileRequest): CertificateFileRequest {
  return {
    file: path.resolve(request.file),
    keyFile: request.keyFile ? path.resolve(request.keyFile) : undefined,
    passphrase: request.passphrase,
    describeKey: request.describeKey,
  };
}

/**
 * Path, key path, which passphrase and whether the key is described: a corrected passphrase in thredd.json must re-read the
 * file. The passphrase is kept only as a digest so the cache holds no secrets of its own.
 */
function cacheKey(request: CertificateFileRequest): string {
  const passphrase =
    request.passphrase === undefined ? '-' : createHash('sha256').update(request.passphrase).digest('base64url').slice(0, 16);
  return `${request.file}\0${request.keyFile ?? ''}\0${passphrase}\0${request.describeKey ? 'key' : ''}`;
}

/** A user-readable reason a file could not be used; PKI errors already name the file and the fix. */
function failure(error: unknown, file: string): { code: FactsErrorCode; message: string } {
  if (error instanceof PkiError) return { code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { code: 'not-found', message: `${file} does not exist.` };
  if (code === 'EISDIR') return { code: 'unreadable', message: `${file} is a folder, not a file.` };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'unreadable', message: `Cannot read ${file}: permission denied.` };
  if (typeof code === 'string') return { code: 'unreadable', message: `Cannot read ${file} (${code}).` };
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'unrecognized', message: `${path.basename(file)} could not be read as a certificate: ${reason}` };
}
