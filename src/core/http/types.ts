/** Request and response shapes of the shared HTTP client (token client, request runner, sandbox benches). */
import type { Readable } from 'node:stream';

/** A client certificate loaded into memory, ready for TLS. `id` identifies it without exposing the key. */
export type ClientCertificateMaterial =
  | { kind: 'pem'; cert: string; key: string; passphrase?: string; id: string; source: string; validity?: CertificateValidity }
  | { kind: 'pfx'; pfx: Buffer; passphrase?: string; id: string; source: string };

/** A certificate's dates (ISO 8601), kept to explain a handshake the server refused. */
export interface CertificateValidity {
  notBefore: string;
  notAfter: string;
}

/** Everything that changes how a TLS connection is made; requests with equal settings share connections. */
export interface TlsSettings {
  clientCertificate?: ClientCertificateMaterial;
  /** Extra trusted CA certificates (PEM), added to Node's default roots. */
  ca?: string;
  /** Where `ca` came from, named in error explanations. */
  caSource?: string;
  /** Turns server certificate verification off; every response then carries a warning. */
  insecure?: boolean;
}

export interface HttpTimeouts {
  /** DNS + TCP + TLS handshake. Default 10 s. */
  connectMs?: number;
  /** From sending the request to the response headers. Default 30 s. */
  headersMs?: number;
  /** Longest silence between two body chunks. Default 30 s. */
  bodyMs?: number;
}

export interface BodyPolicy {
  /** Bodies up to this size stay in memory; larger ones go to a temp file. Default 5 MiB. */
  maxInMemoryBytes?: number;
  /** A body larger than this fails with kind "too-large". Default 1 GiB. */
  maxBytes?: number;
  /** Folder for spilled bodies; default the OS temp folder. */
  spillDir?: string;
}

export type HttpHeaders = Record<string, string | string[]>;

export interface HttpRequest {
  method: string;
  url: string;
  headers?: HttpHeaders;
  body?: string | Uint8Array | Readable;
  tls?: TlsSettings;
  timeouts?: HttpTimeouts;
  signal?: AbortSignal;
  /**
   * false (default) returns 3xx responses as they are; true or a number follows up to that many (true = 5).
   * undici drops Authorization on a cross-origin hop, but the client certificate is offered to every host.
   */
  followRedirects?: boolean | number;
  bodyPolicy?: BodyPolicy;
}

/** The response body: in memory, or in a temp file the caller owns (delete it with `discardBody`). */
export type ResponseBody = { kind: 'memory'; bytes: Buffer } | { kind: 'file'; path: string; size: number };

/** Milliseconds. A reused connection has zero dns/connect/tls and `reused: true`. */
export interface HttpTimings {
  reused: boolean;
  dns: number;
  connect: number;
  tls: number;
  /**
   * Through a proxy, the CONNECT exchange that opened the tunnel (part of `connect`, which then also covers
   * TCP and TLS to the proxy; `dns` is the proxy's name and `tls` the handshake with the origin in the tunnel).
   */
  tunnel?: number;
  /** Connection ready (or request start, when reused) to the response headers. */
  firstByte: number;
  /** Response headers to the last body byte. */
  download: number;
  total: number;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  serialNumber: string;
  /** SHA-256 fingerprint, colon-separated hex as OpenSSL prints it. */
  sha256Fingerprint: string;
  subjectAltName?: string;
}

export interface ClientCertificateFacts {
  subject: string;
  issuer: string;
  notAfter: string;
  /** RFC 8705 thumbprint, the value a bound token's `cnf.x5t#S256` must equal. */
  x5tS256: string;
}

export interface TlsFacts {
  protocol: string | null;
  cipher: string;
  alpnProtocol: string | false;
  /** Whether the server certificate verified against the trusted CAs and the host name. */
  authorized: boolean;
  authorizationError?: string;
  /** Leaf first, as the server sent it (completed by the trusted roots). */
  serverChain: CertificateSummary[];
  /** The client certificate on this connection (sent when the server asks for one). */
  clientCertificate?: ClientCertificateFacts;
}

/** Which way the connection went, safe to show: a proxy's origin and where it was set, never its credentials. */
export type RouteFacts =
  | { kind: 'direct'; source?: string }
  | {
      kind: 'proxy';
      /** `http://host:port` or `https://host:port`. */
      proxy: string;
      /** The setting it came from, e.g. 'HTTPS_PROXY' or 'http.proxy'. */
      source: string;
      /** For an https:// proxy: false when its own certificate is not verified (http.proxyStrictSSL false). */
      proxyVerified?: boolean;
    };

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: HttpHeaders;
  body: ResponseBody;
  /** Body size in bytes. */
  size: number;
  /** The URL that answered (differs from the request's after redirects). */
  url: string;
  /** URLs visited before `url` when redirects were followed. */
  redirects: string[];
  timings: HttpTimings;
  /** Present for https. */
  tls?: TlsFacts;
  /** How the connection that answered was made: direct, or through which proxy. */
  route?: RouteFacts;
  /** Things the user must see, e.g. TLS verification turned off. */
  warnings: string[];
}
