import type { X509Certificate } from 'node:crypto';
import type { ClientCertificateMaterial } from '../../http';
import type { EhiFinding } from '../findings';

/** The EHI endpoint check (issue 14): Thredd's tests of section 5 of the Connecting to Thredd guide, as data. */

/** A CA file as the check uses it: the PEM text for its HTTPS requests, the certificates for its own chain rules. */
export interface CaCertificates {
  pem: string;
  certificates: X509Certificate[];
}

/** What `thredd ehi check --json` prints, and what the report view shows. */
export interface CheckReport {
  ok: boolean;
  findings: EhiFinding[];
}

export interface EhiCheckOptions {
  /** The endpoint, https:// only. */
  url: string;
  /** Check it as an EHI-over-mTLS endpoint (client CA names, with and without a client certificate). */
  mtls?: boolean;
  /** Extra trust anchors (private CAs, tests), added to Node's bundled roots. */
  ca?: CaCertificates;
  /** The CA(s) Thredd's client certificate comes from; absent: names Thredd's G1 pair. */
  clientCa?: X509Certificate[];
  /** The client certificate and key (PEM text) presented over mTLS. */
  clientCertificate?: Extract<ClientCertificateMaterial, { kind: 'pem' }>;
  /** Why there is no client certificate with `mtls` (missing files), shown as a finding with its fix. */
  clientCertificateProblem?: { message: string; fix: string };
  /** Per handshake or request. Default 10 s. */
  timeoutMs?: number;
  /** Warn when the server certificate expires within this many days. Default 30. */
  expiryWarningDays?: number;
  /**
   * The client's OpenSSL cipher string for the TLS 1.0/1.1 probes. OpenSSL 3 refuses those versions at its
   * default security level, so the default lowers it to 0 (for probing only; no data is sent on them).
   */
  legacyCiphers?: string;
  /** Reports each step as it starts (the progress notification). */
  onProgress?: (step: string) => void;
}
