import * as vscode from 'vscode';
import type { CachedToken, TokenCache, TokenRequest } from '../../core/auth';
import type { Application, Environment } from '../../core/config';
import { UserError } from '../../core/errors/userError';
import type { TokenSource } from '../../core/runner/requestRunner';
import type { ConfigService } from '../config/configService';
import type { ActiveEnvironment } from '../environment/activeEnvironment';
import type { NetworkService } from '../network/networkService';
import { SecretStorageSource } from './secretStorageSource';

/** A token request's target: the active environment unless one is named. */
export interface TokenTarget {
  environment: Environment;
  application: Application;
}

/**
 * One token cache for the whole extension: the Get Access Token command, the request runner and the
 * status bar share it. Tokens are fetched with the network service's current client. Loaded on first use.
 */
export class AuthServices implements vscode.Disposable {
  readonly secrets: SecretStorageSource;
  private core: { cache: TokenCache } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a token is obtained or the cache is cleared (the status bar shows token state). */
  readonly onDidChangeTokens = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    storage: vscode.SecretStorage,
    private readonly configService: ConfigService,
    private readonly activeEnvironment: ActiveEnvironment,
    private readonly network: NetworkService,
  ) {
    this.secrets = new SecretStorageSource(storage);
    // A changed thredd.json may name other keys, secrets or endpoints: old tokens must go.
    this.subscription = configService.onDidChange(() => this.clearTokens());
  }

  /** The environment (named, or the active one) and its application, or a message saying what is missing. */
  async target(environmentName?: string): Promise<TokenTarget> {
    const config = (await this.configService.get())?.config;
    if (!config) throw userError('thredd.json is missing or has errors; fix it first (see the Problems panel).');
    const environment = environmentName ? config.environments[environmentName] : await this.activeEnvironment.get();
    if (!environment)
      throw userError(
        environmentName
          ? `There is no environment "${environmentName}" in thredd.json.`
          : 'Choose an environment first (Thredd: Select Environment).',
      );
    const application = environment.application ? config.applications[environment.application] : undefined;
    if (!application)
      throw userError(
        `Environment "${environment.name}" names no application, so it has no token. Add "application" to it in thredd.json.`,
      );
    return { environment, application };
  }

  async getToken(target: TokenTarget, options: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<CachedToken> {
    const { cache } = await this.load();
    const token = await cache.get(target.environment, target.application, options);
    if (!token.fromCache) this.changed.fire();
    return token;
  }

  /** The TokenSource the request runner uses: the same cache as the commands and the status bar. */
  tokenSource(): TokenSource {
    return {
      get: async (environment, application, options) => {
        const token = await (await this.load()).cache.get(environment, application, options);
        if (!token.fromCache) this.changed.fire();
        return token;
      },
    };
  }

  /** The raw cached token for "Copy as cURL with Token" (only on the user's explicit request). */
  peekToken(environment: string, application: Application): string | undefined {
    return this.core?.cache.peek(environment, application.name, application.scopes)?.accessToken;
  }

  /** The cached token of the active environment, without asking the server (for the status bar). */
  async peekActive(): Promise<{ expiresAt: number } | undefined> {
    if (!this.core) return undefined;
    const environment = await this.activeEnvironment.get();
    const application = environment?.application && (await this.configService.get())?.config?.applications[environment.application];
    if (!environment || !application) return undefined;
    return this.core.cache.peek(environment.name, application.name, application.scopes);
  }

  clearTokens(): void {
    this.core?.cache.clear();
    this.changed.fire();
  }

  private async load() {
    if (!this.core) {
      // The OAuth code (jose) loads on the first token or request, not at activation.
      const { TokenCache, TokenClient } = await import('../../core/engine');
      // A client per fetch: the network service may have replaced its HTTP client since the last one.
      const fetchToken = async (request: TokenRequest) =>
        new TokenClient({ http: await this.network.client(), secrets: this.secrets }).requestToken(request);
      this.core = { cache: new TokenCache({ fetchToken }) };
    }
    return this.core;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function userError(message: string): UserError {
  return new UserError(message);
}
