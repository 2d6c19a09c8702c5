import * as vscode from 'vscode';
import type { Environment } from '../../core/config';
import type { HttpClient, NetworkOptions } from '../../core/http';
import type { SharedProxySettings } from '../../core/proxy';
import type { ConfigService } from '../config/configService';

/** VS Code settings an HttpClient is made from; a change to any of them replaces the client. */
export const NETWORK_SETTINGS = [
  'http.proxy',
  'http.noProxy',
  'http.proxyStrictSSL',
  'http.proxyAuthorization',
  'http.proxySupport',
] as const;

/**
 * VS Code's proxy settings as the proxy decision reads them. With http.proxySupport "off" VS Code gives extensions
 * no proxy, so neither do we; HTTPS_PROXY and NO_PROXY of the process environment still apply, as in a terminal.
 */
function sharedProxySettings(): SharedProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const proxyStrictSSL = http.get<boolean>('proxyStrictSSL', true);
  if (http.get<string>('proxySupport') === 'off') return { env: process.env, proxyStrictSSL };
  const editor = {
    proxy: http.get<string>('proxy') || undefined,
    noProxy: http.get<string[]>('noProxy', []),
    proxyAuthorization: http.get<string | null>('proxyAuthorization') || undefined,
  };
  return { editor, env: process.env, proxyStrictSSL };
}

/** thredd.json's environments, which an untrusted workspace's requests never use. */
function trustedEnvironments(environments: Record<string, Environment> | undefined): Environment[] {
  return vscode.workspace.isTrusted ? Object.values(environments ?? {}) : [];
}

/**
 * What of thredd.json the client depends on: the environments that set "proxy" (with "proxyCa" and the URLs it
 * routes). Other edits keep the client and its open connections.
 */
function proxySettingsKey(environments: readonly Environment[]): string {
  const routed = environments.filter((environment) => environment.proxy !== undefined);
  return JSON.stringify(
    routed.map(({ name, proxy, proxyCa, baseUrl, tokenUrl, introspectionUrl, registrationUrl }) => [
      name,
      proxy,
      proxyCa,
      baseUrl,
      tokenUrl,
      introspectionUrl,
      registrationUrl,
    ]),
  );
}

/**
 * Owns the extension's one HttpClient, so connections are pooled across tokens, requests and DCR, and
 * rebuilds it when a network setting or thredd.json changes (an environment's "proxy" and "proxyCa"). Token
 * requests and the runner ask for it per use, and hear `onDidChangeClient`, so a change reaches them at their
 * next request.
 */
export class NetworkService implements vscode.Disposable {
  private current: Promise<HttpClient> | undefined;
  /** thredd.json's proxy settings the current client was made from (see proxySettingsKey). */
  private configKey = proxySettingsKey([]);
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeClient = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly configService: ConfigService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (NETWORK_SETTINGS.some((setting) => event.affectsConfiguration(setting))) this.replace('Network settings changed');
      }),
      configService.onDidChange((loaded) => {
        const key = proxySettingsKey(trustedEnvironments(loaded?.config?.environments));
        if (key === this.configKey) return;
        this.configKey = key;
        if (this.current) this.replace("thredd.json's proxy settings changed");
      }),
    ];
  }

  /**
   * The client for the current settings; undici and the proxy decision load with the first call, not at
   * activation. A bad proxy setting rejects with its UserError, and the next call tries again.
   */
  client(): Promise<HttpClient> {
    if (!this.current) {
      const making = this.make();
      this.current = making;
      making.catch(() => this.current === making && (this.current = undefined));
    }
    return this.current;
  }

  private async make(): Promise<HttpClient> {
    const engine = await import('../../core/engine');
    const environments = trustedEnvironments((await this.configService.get())?.config?.environments);
    this.configKey = proxySettingsKey(environments);
    const proxyCas = new Map<string, string>();
    for (const { name, proxyCa } of environments) if (proxyCa) proxyCas.set(name, await engine.loadProxyCa(name, proxyCa));
    const network: NetworkOptions = engine.networkOptionsForEnvironments(environments, sharedProxySettings(), proxyCas);
    return engine.createHttpClient({ network });
  }

  /** The next request gets a new client; requests in flight on the old one finish first. */
  private replace(why: string): void {
    const previous = this.current;
    this.current = undefined;
    this.log.info(`${why}: new connections use the new proxy settings from the next request.`);
    void previous?.then(
      (client) => client.closeWhenIdle(),
      () => undefined,
    );
    this.changed.fire();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    void this.current?.then(
      (client) => client.close(),
      () => undefined,
    );
  }
}
