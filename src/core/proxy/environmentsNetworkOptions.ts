import type { Environment } from '../config/types';
import type { NetworkOptions } from '../http/network';
import { proxyDecision, type ProxyDecision, type ProxySettings } from './resolveProxy';

/** The settings every environment shares: VS Code's http.proxy* and the process environment. */
export type SharedProxySettings = Omit<ProxySettings, 'environment' | 'proxyCa' | 'cli'>;

/**
 * Network options for one client that serves every environment of thredd.json (the editor's). An origin that an
 * environment with its own `proxy` calls (its base URL, token, introspection and registration endpoints) takes that
 * environment's decision; any other origin the shared one. `proxyCas` holds each environment's `proxyCa` PEM, read by
 * the caller. Throws ProxyConfigError now for a bad proxy URL.
 */
export function networkOptionsForEnvironments(
  environments: readonly Environment[],
  shared: SharedProxySettings,
  proxyCas: ReadonlyMap<string, string> = new Map(),
): NetworkOptions {
  const byOrigin = new Map<string, ProxyDecision>();
  for (const environment of environments) {
    if (environment.proxy === undefined) continue;
    const decide = proxyDecision({
      ...shared,
      environment: { name: environment.name, proxy: environment.proxy },
      proxyCa: proxyCas.get(environment.name),
    });
    for (const origin of originsOf(environment)) if (!byOrigin.has(origin)) byOrigin.set(origin, decide);
  }
  const fallback = proxyDecision(shared);
  return { routeFor: (origin) => (byOrigin.get(origin.origin) ?? fallback)(origin) };
}

function originsOf(environment: Environment): string[] {
  const urls = [environment.baseUrl, environment.tokenUrl, environment.introspectionUrl, environment.registrationUrl];
  return urls.flatMap((url) => {
    if (!url) return [];
    try {
      return [new URL(url).origin];
    } catch {
      return []; // thredd.json validation reports the URL; the shared decision serves it meanwhile
    }
  });
}
