import * as vscode from 'vscode';
import type { HttpClient, NetworkOptions } from '../../core/http';

/**
 * VS Code settings an HttpClient is made from. Only the proxy settings belong here (the proxy decision
 * itself is made by the client's route resolver); a change to any of them replaces the client.
 */
export const NETWORK_SETTINGS = [
  'http.proxy',
  'http.noProxy',
  'http.proxyStrictSSL',
  'http.proxyAuthorization',
  'http.proxySupport',
] as const;

/** The network options the settings give. Every route is direct until proxy support reads them. */
function networkOptionsFromSettings(): NetworkOptions {
  return {};
}

/**
 * Owns the extension's one HttpClient, so connections are pooled across tokens, requests and DCR, and
 * rebuilds it when a network setting changes. Token requests and the runner ask for it per use, and
 * hear `onDidChangeClient`, so a settings change reaches them at their next request.
 */
export class NetworkService implements vscode.Disposable {
  private current: Promise<HttpClient> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeClient = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (NETWORK_SETTINGS.some((setting) => event.affectsConfiguration(setting))) this.replace();
    });
  }

  /** The client for the current settings; undici loads with the first call, not at activation. */
  client(): Promise<HttpClient> {
    return (this.current ??= import('../../core/engine').then(({ createHttpClient }) =>
      createHttpClient({ network: networkOptionsFromSettings() }),
    ));
  }

  /** The next request gets a new client; requests in flight on the old one finish first. */
  private replace(): void {
    const previous = this.current;
    this.current = undefined;
    this.log.info('Network settings changed: new connections use them from the next request.');
    void previous?.then((client) => client.closeWhenIdle());
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    void this.current?.then((client) => client.close());
  }
}
