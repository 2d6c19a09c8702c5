import type { ConnectionRoute } from '../http/network';
import { MASK } from '../requestFile/secrets';

/** `scheme://` (optional), then the userinfo up to the last `@` before the host. */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]*)@/i;

/** The `user:password` part of a proxy URL as written (with or without a scheme), if it has one. */
export function proxyUserinfo(text: string): string | undefined {
  return USERINFO.exec(text)?.[2];
}

/**
 * A proxy URL as it may be shown: the password masked (`http://user:••••••@proxy:3128`), and a userinfo
 * without a colon masked whole, as it may be a token. The text is left as written otherwise, so a user
 * recognises their setting.
 */
export function maskProxyUrl(text: string): string {
  return text.replace(USERINFO, (_match, scheme: string | undefined, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    const masked = colon < 0 ? MASK : `${userinfo.slice(0, colon)}:${MASK}`;
    return `${scheme ?? ''}${masked}@`;
  });
}

/** `direct (no proxy configured)` or `via http://proxy:3128 (HTTPS_PROXY)`, for `config check` and the response view. */
export function describeRoute(route: ConnectionRoute): string {
  if (route.kind === 'direct') return `direct (${route.source ?? 'no proxy configured'})`;
  const notes = [route.source];
  if (route.authorization) notes.push('with Proxy-Authorization');
  if (!route.proxyStrictSSL && route.proxy.protocol === 'https:') notes.push("the proxy's certificate is NOT verified");
  // protocol + host only: a route's URL has no credentials, and this keeps it so whatever it was given.
  return `via ${route.proxy.protocol}//${route.proxy.host} (${notes.join('; ')})`;
}
