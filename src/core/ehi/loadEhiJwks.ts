// Direct files, not '../http': the editor bundle must not compile the HTTP client (the engine bundle loads it).
import { readNamedFile } from '../fs/readNamedFile';
import type { HttpClient } from '../http/httpClient';
import { bodyBytes } from '../http/responseBody';
import { EhiJwksError, readEhiJwks } from './jwks';
import type { EhiJwks } from './signature';

export interface LoadEhiJwksOptions {
  /** Sends the GET for a URL (the project's undici client); unused for a file. */
  http: HttpClient;
  /** Extra trusted CA PEM for an HTTPS JWKS (e.g. the sandbox's root); Node's roots otherwise. */
  ca?: string;
  caSource?: string;
}

/** True when `source` is an http(s) URL rather than a file path. */
export function isJwksUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * The JWKS at a URL (fetched over HTTPS with the client's TLS checks, `ca` added) or in a file. Thredd's EHI JWKS
 * is public (EHI TLS page, step 3), so the GET carries no credentials. Failures are UserErrors naming the source.
 */
export async function loadEhiJwks(source: string, options: LoadEhiJwksOptions): Promise<EhiJwks> {
  if (!isJwksUrl(source)) return readEhiJwks(await readJwksFile(source), source);
  const response = await options.http.send({
    method: 'GET',
    url: source,
    headers: { accept: 'application/json' },
    tls: options.ca ? { ca: options.ca, caSource: options.caSource } : undefined,
    bodyPolicy: { maxBytes: 1024 * 1024 },
  });
  const text = (await bodyBytes(response.body)).toString('utf8');
  if (response.status !== 200) {
    throw new EhiJwksError(
      `GET ${source} answered ${response.status} ${response.statusText}, not the JWKS.`,
      'Check the URL: the sandbox prints it on the "EHI JWKS" line; Thredd Portal shows yours under EHI Configuration.',
    );
  }
  return readEhiJwks(text, source);
}

async function readJwksFile(file: string): Promise<string> {
  const fix = 'Pass --jwks a JWKS file or an https:// URL (such as the sandbox\'s "EHI JWKS" URL).';
  return (await readNamedFile(file, 'The JWKS file', (message) => new EhiJwksError(message, fix))).toString('utf8');
}
