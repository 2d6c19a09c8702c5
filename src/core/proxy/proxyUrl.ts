import { UserError } from '../errors/userError';
import { maskProxyUrl } from './maskProxy';

/** A proxy setting that cannot be used: which setting, what is wrong with it, and what is supported. */
export class ProxyConfigError extends UserError {
  static override readonly kind: string = 'ProxyConfigError';
}

export interface ParsedProxy {
  /** `http://host:port` or `https://host:port`, without credentials or path: safe to show. */
  proxy: URL;
  /** `Basic …` from the URL's user name and password (RFC 7617), when it has them. */
  authorization?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Reads a proxy URL as curl reads `-x`/HTTPS_PROXY: without a scheme (`proxy:3128`) it is http://; only
 * http:// and https:// proxies are supported (the connector tunnels with CONNECT, RFC 9110 §9.3.6).
 * `source` names the setting in the error, and the URL is shown with its password masked.
 */
export function parseProxyUrl(text: string, source: string): ParsedProxy {
  const written = text.trim();
  const withScheme = SCHEME.test(written) ? written : `http://${written}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ProxyConfigError(
      `${source} is "${maskProxyUrl(written)}", which is not a proxy URL.`,
      'Write it as http://proxy.example.com:3128 (or https:// for a TLS proxy).',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyConfigError(
      `${source} is "${maskProxyUrl(written)}": ${url.protocol.slice(0, -1)} proxies are not supported.`,
      'Use an HTTP proxy that allows CONNECT, as http://proxy.example.com:3128 or https://proxy.example.com:443.',
    );
  }
  if (!url.hostname) {
    throw new ProxyConfigError(
      `${source} is "${maskProxyUrl(written)}", which names no host.`,
      'Write it as http://proxy.example.com:3128.',
    );
  }
  const proxy = new URL(`${url.protocol}//${url.host}`);
  if (!url.username && !url.password) return { proxy };
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return { proxy, authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` };
}
