import type { RouteFacts } from './types';

/**
 * A response's route in words: `direct`, `direct (NO_PROXY matches .thredd.com)` or
 * `via http://proxy:3128 (HTTPS_PROXY)`. RouteFacts never hold credentials, so neither does this.
 */
export function routeText(route: RouteFacts): string {
  if (route.kind === 'direct') return route.source ? `direct (${route.source})` : 'direct';
  const unverified = route.proxyVerified === false ? "; the proxy's certificate is NOT verified" : '';
  return `via ${route.proxy} (${route.source}${unverified})`;
}
