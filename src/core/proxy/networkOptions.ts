import type { NetworkOptions } from '../http/network';
import { proxyDecision, type ProxySettings } from './resolveProxy';

/**
 * The network options of an HttpClient that routes each origin by the proxy decision:
 * `createHttpClient({ network: networkOptionsFor(settings) })`. Throws ProxyConfigError now for a bad
 * proxy URL, before any request is sent.
 */
export function networkOptionsFor(settings: ProxySettings): NetworkOptions {
  const decide = proxyDecision(settings);
  return { routeFor: (origin) => decide(origin) };
}
