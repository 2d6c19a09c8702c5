import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { TokenCache, type CachedToken, type GetTokenOptions } from '../auth/tokenCache';
import { TokenClient } from '../auth/tokenClient';
import { noSecrets, secretNames, type SecretSource } from '../auth/secrets';
import type { Application, Environment } from '../config/types';
import { ehiStateDir, type EhiSigningKey, type EhiSigningLoader } from '../ehi/signingKeySource';
import type { HttpClient } from '../http/httpClient';
import { loadTlsSettings } from '../http/loadTlsSettings';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IN_MEMORY_BYTES } from '../http/responseBody';
import type { TlsSettings } from '../http/types';
import type { ParsedRequest, ParsedRequestFile } from '../requestFile/types';
import { isRunError } from './environments';
import { exchange, type ExchangeSettings } from './exchange';
import { prepareRequest, type Prepared } from './prepareRequest';
import { planRequest } from './planRequest';
import { CANCELLED, unresolvedError } from './runErrors';
import type { PlannedRequest, RunContext, RunError, RunResult } from './types';

/** Where tokens come from: a TokenCache (VS Code shares one across features) or anything like it. */
export interface TokenSource {
  get(environment: Environment, application: Application, options?: GetTokenOptions): Promise<CachedToken>;
}

export interface RequestRunnerOptions {
  /** The shared client: connections are reused per origin + client certificate + CA. */
  http: HttpClient;
  /** Default: a TokenCache over a TokenClient on `http` with `secrets` and `clock`. */
  tokens?: TokenSource;
  /** Client secrets and passphrases not in thredd.json (VS Code SecretStorage, or env variables in the CLI). */
  secrets?: SecretSource;
  /** Milliseconds since the epoch; tests share one with the token cache. */
  clock?: () => number;
  /**
   * For requests without `# @timeout` (which bounds the whole exchange): the longest wait for the response
   * headers and for each body chunk. Default 30 s; 0 for none.
   */
  defaultTimeoutMs?: number;
  /** Bodies larger than this are kept on disk and shown truncated. Default 5 MiB. */
  maxInMemoryBytes?: number;
  /**
   * A body larger than this stops the request with a "too-large" error and leaves nothing on disk, so a
   * server that never stops sending cannot fill it. Default 1 GiB.
   */
  maxBodyBytes?: number;
  /** Folder for bodies kept on disk; default the OS temp folder. */
  spillDir?: string;
  /** Redirects are returned as they are unless this is true (5 hops) or a number of hops. */
  followRedirects?: boolean | number;
  /** Turns TLS verification off for every environment (`thredd run --insecure`); responses then carry a warning. */
  insecure?: boolean;
  /** Loads the sandbox's EHI signing key for `# @ehi-sign` requests; without it they are refused. */
  ehiSigning?: EhiSigningLoader;
}

/**
 * Runs parsed `.thredd` / `.http` requests: resolves variables against the environment, runs named
 * requests first when a chained value needs them, adds X-Region and the application's token, sends
 * through the shared HttpClient, checks `# @expect`, stores named responses. Never throws: every
 * failure is a RunResult with an error. A run session (src/core/session) schedules many requests.
 */
export class RequestRunner {
  private readonly tokens: TokenSource;
  private readonly secrets: SecretSource;
  private readonly clock: () => number;
  private tlsCache = new WeakMap<Environment, Promise<TlsSettings>>();
  private readonly ehiKeys = new Map<string, Promise<EhiSigningKey>>();
  private readonly settings: ExchangeSettings;

  constructor(private readonly options: RequestRunnerOptions) {
    this.secrets = options.secrets ?? noSecrets;
    this.clock = options.clock ?? Date.now;
    const client = new TokenClient({ http: options.http, secrets: this.secrets, clock: this.clock });
    this.tokens = options.tokens ?? new TokenCache({ fetchToken: (request) => client.requestToken(request), clock: this.clock });
    this.settings = {
      http: options.http,
      tls: (prepared) => this.tlsFor(prepared.target.environment),
      token: (prepared, tls, signal) => this.tokens.get(prepared.target.environment!, prepared.target.application!, { tls, signal }),
      ehiSigningKey: (prepared, context) => this.ehiSigningKey(prepared, context),
      defaultTimeoutMs: options.defaultTimeoutMs ?? 30_000,
      maxInMemoryBytes: options.maxInMemoryBytes ?? DEFAULT_MAX_IN_MEMORY_BYTES,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      spillDir: options.spillDir,
      followRedirects: options.followRedirects ?? false,
      clock: this.clock,
    };
  }

  /** Sends the request at `index` (after the named requests it reads from, when they have no response yet). */
  run(file: ParsedRequestFile, index: number, context: RunContext): Promise<RunResult> {
    return this.runAt(file, index, context, []);
  }

  /** The request as it would be sent, masked, without sending it or its dependencies (dry runs, previews). */
  plan(file: ParsedRequestFile, index: number, context: RunContext): Promise<PlannedRequest> {
    return planRequest(file, index, context);
  }

  /** Forgets loaded certificate files (call when thredd.json or the certificates change). */
  clearTlsCache(): void {
    this.tlsCache = new WeakMap();
    this.ehiKeys.clear();
  }

  private async runAt(file: ParsedRequestFile, index: number, context: RunContext, chain: readonly string[]): Promise<RunResult> {
    const request = file.requests[index];
    const base = {
      id: randomUUID(),
      filePath: context.filePath,
      requestIndex: index,
      startedAt: '',
      durationMs: 0,
      dependencies: [] as string[],
      expectations: [],
      warnings: [],
    };
    const finish = (result: RunResult) => (context.onResult?.(result), result);
    if (!request) {
      return finish({
        ...base,
        startedAt: new Date(this.clock()).toISOString(),
        ok: false,
        error: {
          kind: 'no-request',
          message: `There is no request ${index + 1} in ${context.filePath}.`,
          explanation: 'The file changed; send the request again from the editor.',
        },
      });
    }
    const labelled = { ...base, name: request.name, title: request.title };
    const refuse = (error: RunError, environment?: string): RunResult =>
      finish({ ...labelled, startedAt: new Date(this.clock()).toISOString(), environment, ok: false, error });
    let prepared: Prepared | RunError = await prepareRequest(file, request, context);
    for (let round = 0; !isRunError(prepared) && prepared.needs.length > 0; round++) {
      const environment = prepared.target.environment?.name;
      if (round > 0) return refuse(dependencyError(request, prepared.needs, 'still has no response'), environment);
      for (const name of prepared.needs) {
        if (context.signal?.aborted) return refuse(CANCELLED, environment);
        const problem = await this.runDependency(file, request, name, context, chain, labelled.dependencies);
        if (problem) return refuse(problem, environment);
      }
      prepared = await prepareRequest(file, request, context);
    }
    if (isRunError(prepared)) return refuse(prepared);
    const environment = prepared.target.environment?.name;
    if (prepared.unresolved.length > 0) return refuse(unresolvedError(prepared.unresolved), environment);
    const startedAt = new Date(this.clock()).toISOString();
    const began = performance.now();
    const outcome = await exchange(prepared, context, this.settings);
    const durationMs = Math.round((performance.now() - began) * 100) / 100;
    const ok = outcome.error === undefined && outcome.expectations.every((expectation) => expectation.passed);
    return finish({ ...labelled, ...outcome, startedAt, durationMs, environment, ok });
  }

  /** Runs the named request `name` reads from; returns why it cannot, or undefined once its response is stored. */
  private async runDependency(
    file: ParsedRequestFile,
    request: ParsedRequest,
    name: string,
    context: RunContext,
    chain: readonly string[],
    ran: string[],
  ): Promise<RunError | undefined> {
    const own = request.name ?? `request ${request.index + 1}`;
    if (name === request.name || chain.includes(name)) {
      const loop = [...chain, own, name].slice(chain.includes(name) ? chain.indexOf(name) : chain.length);
      return {
        kind: 'dependency-cycle',
        message: `Requests read each other's responses in a loop (${loop.join(' → ')}), so none of them can be sent first.`,
        explanation: 'Break the loop: one of these requests must not use {{NAME.response…}} of the others.',
      };
    }
    const dependency = file.requests.find((candidate) => candidate.name === name);
    if (!dependency) return dependencyError(request, [name], 'is not a request in this file');
    const result = await this.runAt(file, dependency.index, context, [...chain, own]);
    ran.push(name);
    if (context.store.has(name)) return undefined;
    if (result.error?.kind === 'aborted') return CANCELLED;
    return dependencyError(request, [name], `failed: ${result.error?.message ?? 'no response'}`);
  }

  private ehiSigningKey(prepared: Prepared, context: RunContext): Promise<EhiSigningKey> {
    const load = this.options.ehiSigning;
    if (!load) return Promise.reject(new Error('this runner was made without the sandbox EHI key loader'));
    const stateDir = ehiStateDir(prepared.target.environment, context.config, context);
    // One load per state folder: the key file is read and parsed once, then every message signs at once.
    let key = this.ehiKeys.get(stateDir);
    if (!key) {
      key = load(stateDir);
      this.ehiKeys.set(stateDir, key);
      key.catch(() => this.ehiKeys.delete(stateDir));
    }
    return key;
  }

  private tlsFor(environment: Environment | undefined): Promise<TlsSettings> {
    const insecure = this.options.insecure === true;
    if (!environment) return Promise.resolve(insecure ? { insecure } : {});
    let settings = this.tlsCache.get(environment);
    if (!settings) {
      settings = this.loadTls(environment, insecure);
      this.tlsCache.set(environment, settings);
      // A missing file may appear later (certificate just issued): do not keep the failure.
      settings.catch(() => this.tlsCache.delete(environment));
    }
    return settings;
  }

  private async loadTls(environment: Environment, insecure: boolean): Promise<TlsSettings> {
    const certificate = environment.clientCertificate;
    const passphrase =
      certificate?.passphrase ?? (certificate ? await this.secrets.get(secretNames.certificatePassphrase(environment.name)) : undefined);
    return loadTlsSettings({ ...environment, insecure: environment.insecure || insecure }, { certificatePassphrase: passphrase });
  }
}

function dependencyError(request: ParsedRequest, names: readonly string[], what: string): RunError {
  const list = names.map((name) => `"${name}"`).join(', ');
  return {
    kind: 'dependency',
    message:
      `${request.name ? `"${request.name}"` : `Request ${request.index + 1}`} reads the response of ` +
      `${list}, which ${what}, so it was not sent.`,
    explanation: `Fix ${list} first (send it on its own to see why), then send this request again.`,
  };
}
