import { createHash } from 'node:crypto';
import type { HttpClient } from '../../http/httpClient';
import type { TlsSettings } from '../../http/types';
import { EHI_SIGNATURE_HEADER, signEhiBody } from '../signature';
import type { EhiSigningKey } from '../signingKeySource';
import type { EhiEndpoint } from './postMessage';

export interface EhiEndpointOptions {
  url: string;
  http: HttpClient;
  timeoutMs: number;
  /** The key Thredd's side signs with (the sandbox's). */
  signing: EhiSigningKey;
  /** Extra trusted CAs (PEM) for the endpoint's server certificate, and where they came from. */
  ca?: { pem: string; source: string };
  /** Over mTLS: the EHI client certificate (chain) and its key, as Thredd's gateway presents it. */
  client?: { certPem: string; keyPem: string; source: string };
}

/** The endpoint as the simulator sends to it: every body signed, the client certificate presented over mTLS. */
export function ehiEndpoint(options: EhiEndpointOptions): EhiEndpoint {
  const tls: TlsSettings = {};
  if (options.ca) Object.assign(tls, { ca: options.ca.pem, caSource: options.ca.source });
  if (options.client) {
    const { certPem, keyPem, source } = options.client;
    // The id keys the connection pool (one agent per certificate); a digest, so the key itself is not kept as an id.
    const id = createHash('sha256').update(certPem).update('\0').update(keyPem).digest('base64url');
    tls.clientCertificate = { kind: 'pem', cert: certPem, key: keyPem, id, source };
  }
  const { key, kid } = options.signing;
  return {
    url: options.url,
    http: options.http,
    tls,
    timeoutMs: options.timeoutMs,
    sign: (body) => ({ [EHI_SIGNATURE_HEADER]: signEhiBody(body, key, kid) }),
  };
}
