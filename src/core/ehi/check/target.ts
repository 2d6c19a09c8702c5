import { isIP } from 'node:net';
import { EhiCheckError } from './ehiCheckError';

/** Where the check connects, and the name the certificate must carry. */
export interface EndpointTarget {
  url: string;
  host: string;
  port: number;
  /** SNI: a host name, never an IP address (RFC 6066 §3). */
  servername?: string;
  isIp: boolean;
}

/** Reads the endpoint URL: https only, since Thredd reaches an EHI endpoint over TLS or mTLS (guide, section 5). */
export function parseEndpointUrl(url: string): EndpointTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EhiCheckError(`"${url}" is not a URL.`, 'Give the endpoint as https://host[:port]/path, e.g. https://ehi.example.com/ehi.');
  }
  if (parsed.protocol !== 'https:') {
    throw new EhiCheckError(
      `${url} is not an https:// URL: Thredd only calls EHI endpoints over TLS or mTLS.`,
      'Give the endpoint as https://host[:port]/path.',
    );
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const ip = isIP(host) !== 0;
  return { url: parsed.href, host, port: parsed.port ? Number(parsed.port) : 443, servername: ip ? undefined : host, isIp: ip };
}
