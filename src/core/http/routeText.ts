import type { RouteFacts } from './types';

/**
 * A route in words: `direct`, `direct (NO_PROXY matches .thredd.com)` or `via http://proxy:3128 (HTTPS_PROXY)`.
 * `notes` follow the source. RouteFacts never hold credentials, so neither does this.
 */
export function routeText(route: RouteFacts, notes: readonly string[] = []): string {
  if (route.kind === 'direct') return route.source ? `direct (${route.source})` : 'direct';
  const all = [route.source, ...notes];
  if (route.proxyVerified === false) all.push("the proxy's certificate is NOT verified");
  return `via ${route.proxy} (${all.join('; ')})`;
}
