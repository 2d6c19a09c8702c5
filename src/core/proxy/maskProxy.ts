import { routeFacts, type ConnectionRoute } from '../http/network';
import { routeText } from '../http/routeText';
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
  if (route.kind === 'direct') return routeText({ kind: 'direct', source: route.source ?? 'no proxy configured' });
  // routeFacts keeps the proxy's origin only, so credentials cannot show whatever URL the route was given.
  return routeText(routeFacts(route), route.authorization ? ['with Proxy-Authorization'] : []);
}
