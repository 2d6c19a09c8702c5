import type { Application, Environment } from '../config/types';
import type { TokenRequest, TokenResult } from './tokenClient';

export interface TokenCacheOptions {
  /** Asks the server for a token; normally `tokenClient.requestToken`. */
  fetchToken: (request: TokenRequest) => Promise<TokenResult>;
  /** Milliseconds since the epoch; tests pass a controllable clock. */
  clock?: () => number;
  /** Refresh this long before expiry. Default 60 s. */
  refreshMarginSeconds?: number;
}

export interface GetTokenOptions {
  scopes?: string[];
  /** Ignore a cached token and ask the server (still shared with a request already in flight). */
  refresh?: boolean;
  signal?: AbortSignal;
  /** Passed through to the token client. */
  tls?: TokenRequest['tls'];
}

export interface CachedToken extends TokenResult {
  /** True when the token came from the cache without a request. */
  fromCache: boolean;
}

interface Entry {
  token?: TokenResult;
  /** Cache-clock milliseconds when the token expires (request start + expires_in). */
  expiresAt?: number;
  inFlight?: Promise<TokenResult>;
}

/**
 * Tokens per (environment, application, scopes): reused until `refreshMarginSeconds` before expiry, one
 * request in flight per key (concurrent callers share it), cleared when thredd.json changes.
 */
export class TokenCache {
  private entries = new Map<string, Entry>();
  private readonly clock: () => number;
  private readonly marginMs: number;
  private generation = 0;

  constructor(private readonly options: TokenCacheOptions) {
    this.clock = options.clock ?? Date.now;
    this.marginMs = (options.refreshMarginSeconds ?? 60) * 1000;
  }

  async get(environment: Environment, application: Application, options: GetTokenOptions = {}): Promise<CachedToken> {
    const scopes = options.scopes ?? application.scopes;
    const key = cacheKey(environment.name, application.name, scopes);
    const entry = this.entries.get(key) ?? {};
    this.entries.set(key, entry);
    if (!options.refresh && entry.token && entry.expiresAt !== undefined && this.clock() < entry.expiresAt - this.marginMs) {
      return { ...entry.token, fromCache: true };
    }
    if (!entry.inFlight) {
      const generation = this.generation;
      const sentAt = this.clock();
      entry.inFlight = this.options
        .fetchToken({ environment, application, scopes, tls: options.tls })
        .then((token) => {
          // A clear() while the request was out means the config changed: do not keep its token.
          if (generation === this.generation) {
            entry.token = token;
            entry.expiresAt = sentAt + token.expiresIn * 1000;
          }
          return token;
        })
        .finally(() => {
          entry.inFlight = undefined;
        });
    }
    const token = await abortable(entry.inFlight, options.signal);
    return { ...token, fromCache: false };
  }

  /** The cached token without asking the server (expired ones included), for display. */
  peek(environment: string, application: string, scopes: string[]): TokenResult | undefined {
    return this.entries.get(cacheKey(environment, application, scopes))?.token;
  }

  /** Forgets every token; requests in flight finish but their tokens are not kept. */
  clear(): void {
    this.generation += 1;
    this.entries = new Map();
  }
}

function cacheKey(environment: string, application: string, scopes: string[]): string {
  return JSON.stringify([environment, application, [...new Set(scopes)].sort()]);
}

/** Lets one caller stop waiting without cancelling the request other callers share. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
