import { UserError } from '../errors/userError';
import { inspectionWording, proxyHopWording } from './proxyFailure';
import type { ProxyHopError } from './proxyHopError';
import type { CertificateSummary, CertificateValidity, RouteFacts } from './types';

export type HttpErrorKind =
  | 'connection-refused'
  | 'dns'
  | 'unreachable'
  | 'timeout-connect'
  | 'timeout-headers'
  | 'timeout-body'
  | 'tls-unknown-ca'
  | 'tls-hostname'
  | 'tls-expired'
  | 'tls-not-yet-valid'
  | 'tls-certificate-required'
  | 'tls-bad-certificate'
  | 'tls-handshake'
  | 'tls-inspected'
  | 'proxy-auth'
  | 'proxy-refused'
  | 'proxy-unreachable'
  | 'proxy-tls'
  | 'client-certificate'
  | 'aborted'
  | 'reset'
  | 'too-large'
  | 'invalid-request'
  | 'unknown';

/** What went wrong, in the user's words, and what to do next. `detail` keeps the low-level code for logs. */
export class HttpError extends UserError {
  static override readonly kind: string = 'HttpError';

  constructor(
    readonly kind: HttpErrorKind,
    message: string,
    fix: string,
    readonly url: string,
    readonly detail?: string,
    /** The server's certificates when the failure was about them (unknown CA, expiry, host name). */
    readonly serverChain?: CertificateSummary[],
  ) {
    super(message, fix);
  }
}

/** Facts the classifier needs to word the explanation. */
export interface FailureContext {
  url: string;
  host: string;
  /** Whether a client certificate was configured for the request. */
  sentClientCertificate: boolean;
  /** Its files and dates, when known: a refused handshake is then explained by an expired certificate. */
  clientCertificate?: CertificateValidity & { source: string };
  caSource?: string;
  timeouts: { connectMs: number; headersMs: number; bodyMs: number };
  serverChain?: CertificateSummary[];
  aborted: boolean;
  /** Direct or through which proxy the request went, when known. */
  route?: RouteFacts;
}

export interface Wording {
  kind: HttpErrorKind;
  message: string;
  explanation: string;
}

const UNKNOWN_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

function errorCode(error: unknown): string {
  const err = error as { code?: unknown; cause?: { code?: unknown } };
  if (typeof err?.code === 'string') return err.code;
  if (typeof err?.cause?.code === 'string') return err.cause.code;
  return '';
}

/** Maps Node, OpenSSL and undici failures onto an HttpError with a next step. */
export function classifyFailure(error: unknown, context: FailureContext): HttpError {
  if (error instanceof HttpError) return error;
  const code = errorCode(error);
  const raw = (error as Error)?.message ?? String(error);
  const chain = context.serverChain ?? (error as { serverChain?: CertificateSummary[] })?.serverChain;
  const wording = context.aborted
    ? aborted()
    : code.startsWith('THREDD_PROXY_')
      ? proxyHopWording(error as ProxyHopError, context)
      : word(code, raw, { ...context, serverChain: chain });
  return new HttpError(wording.kind, wording.message, wording.explanation, context.url, code ? `${code}: ${raw}` : raw, chain);
}

function aborted(): Wording {
  return {
    kind: 'aborted',
    message: 'The request was cancelled.',
    explanation: 'It was stopped before the answer arrived; send it again when ready.',
  };
}

function word(code: string, raw: string, context: FailureContext): Wording {
  const wording = wordFailure(code, raw, context);
  const outOfDate =
    wording.kind === 'tls-bad-certificate' || (wording.kind === 'tls-certificate-required' && context.sentClientCertificate)
      ? outOfDateCertificate(context)
      : undefined;
  return outOfDate ?? inspectionWording(wording.kind, context) ?? wording;
}

/** A refused client certificate that is out of date by this machine's clock: that is the reason, and its file says which. */
function outOfDateCertificate(context: FailureContext): Wording | undefined {
  const certificate = context.clientCertificate;
  if (!certificate) return undefined;
  const now = Date.now();
  if (Date.parse(certificate.notAfter) < now) {
    return {
      kind: 'tls-bad-certificate',
      message: `${context.host} refused our client certificate: it expired on ${certificate.notAfter} (${certificate.source}).`,
      explanation: 'Request a new Transport Certificate in Thredd Portal and point "mtls" in thredd.json at it.',
    };
  }
  if (Date.parse(certificate.notBefore) > now) {
    return {
      kind: 'tls-bad-certificate',
      message: `${context.host} refused our client certificate: it is not valid before ${certificate.notBefore} (${certificate.source}).`,
      explanation: "Check this machine's date and time; if they are right, use the certificate from its start date on.",
    };
  }
  return undefined;
}

function wordFailure(code: string, raw: string, context: FailureContext): Wording {
  const { host } = context;
  const caHint = context.caSource
    ? `The CA in ${context.caSource} does not vouch for it: point "ca" in thredd.json at the CA chain ` +
      `that issued this server's certificate.`
    : 'Add the CA chain that issued the server\'s certificate with "ca" in thredd.json (PEM file).';
  const issuer = context.serverChain?.[0]?.issuer ?? (undefined as string | undefined);
  if (UNKNOWN_CA.has(code)) {
    return {
      kind: 'tls-unknown-ca',
      message: `${host}'s certificate is not issued by a trusted CA${issuer ? ` (issuer: ${issuer})` : ''}.`,
      explanation: caHint,
    };
  }
  switch (code) {
    case 'ECONNREFUSED':
      return {
        kind: 'connection-refused',
        message: `Nothing is listening at ${host} (connection refused).`,
        explanation: 'Check the host and port of the URL, and that the server (or the local sandbox) is running.',
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return {
        kind: 'dns',
        message: `The host name ${host} could not be resolved.`,
        explanation: 'Check the spelling of the host in "baseUrl"/"tokenUrl", your network and VPN, and any proxy settings.',
      };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return {
        kind: 'unreachable',
        message: `${host} cannot be reached from this machine.`,
        explanation:
          'Check your network, VPN and firewall; Thredd only accepts connections from allow-listed addresses in some environments.',
      };
    case 'THREDD_CONNECT_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return {
        kind: 'timeout-connect',
        message: `Connecting to ${host} took longer than ${context.timeouts.connectMs} ms.`,
        explanation: 'The server did not complete the TCP/TLS handshake in time: check the network or VPN, or raise the connect timeout.',
      };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return {
        kind: 'timeout-headers',
        message: `${host} sent no response within ${context.timeouts.headersMs} ms.`,
        explanation: 'The request reached the server but it did not answer in time: try again, or raise the response timeout.',
      };
    case 'UND_ERR_BODY_TIMEOUT':
      return {
        kind: 'timeout-body',
        message: `${host} stopped sending the response body for more than ${context.timeouts.bodyMs} ms.`,
        explanation: 'The answer started but stalled: try again, or raise the body timeout for slow downloads.',
      };
    case 'CERT_HAS_EXPIRED':
      return {
        kind: 'tls-expired',
        message: `${host}'s certificate has expired${context.serverChain?.[0] ? ` (notAfter ${context.serverChain[0].notAfter})` : ''}.`,
        explanation:
          "The server must renew its certificate; check the URL points at the right environment and the machine's clock is right.",
      };
    case 'CERT_NOT_YET_VALID':
      return {
        kind: 'tls-not-yet-valid',
        message: `${host}'s certificate is not valid yet.`,
        explanation: "Check this machine's date and time.",
      };
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return {
        kind: 'tls-hostname',
        message: `${host}'s certificate is for another host name.`,
        explanation: `${raw.replace(/\.$/, '')}. Use a host name the certificate names, or ask for a certificate that covers ${host}.`,
      };
    case 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED':
      return context.sentClientCertificate
        ? {
            kind: 'tls-certificate-required',
            message: `${host} asked for a client certificate and did not accept the one sent.`,
            explanation: 'Check "mtls" in thredd.json names the Transport Certificate issued for this environment.',
          }
        : {
            kind: 'tls-certificate-required',
            message: `${host} requires a client certificate (mTLS) and none was sent.`,
            explanation: 'Add "mtls": { "cert", "key" } (or "pfx") with your Transport Certificate to this environment in thredd.json.',
          };
    case 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE':
    case 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA':
    case 'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE':
    case 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED':
    case 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED':
    case 'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED':
    case 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE':
      return badCertificate(code, host, context.sentClientCertificate);
    case 'THREDD_CLOSED_AFTER_HANDSHAKE':
      return {
        kind: 'tls-bad-certificate',
        message:
          `${host} closed the connection right after the TLS handshake without answering: it most likely ` +
          `refused our client certificate.`,
        explanation:
          'Use the Transport Certificate issued for this environment by a CA the server trusts (UAT and ' +
          'Production differ), and check it has not expired.',
      };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return {
        kind: 'reset',
        message: `${host} closed the connection before the whole response arrived.`,
        explanation: 'The server or a proxy dropped the connection: try again; if it repeats, the server may be failing while answering.',
      };
    case 'UND_ERR_INVALID_ARG':
    case 'ERR_INVALID_URL':
    case 'ERR_INVALID_ARG_TYPE':
      return {
        kind: 'invalid-request',
        message: `The request could not be sent: ${raw}`,
        explanation: 'Check the URL, method and headers of the request.',
      };
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /SSL|TLS/i.test(raw)) {
    return {
      kind: 'tls-handshake',
      message: `The TLS handshake with ${host} failed: ${raw}`,
      explanation: 'Check the URL uses https on a TLS port, and the certificate settings ("mtls", "ca") of this environment.',
    };
  }
  return {
    kind: 'unknown',
    message: `The request to ${host} failed: ${raw}`,
    explanation: 'Try again; if it repeats, run the same call with curl -v to compare.',
  };
}

function badCertificate(code: string, host: string, sent: boolean): Wording {
  if (!sent) {
    return {
      kind: 'tls-certificate-required',
      message: `${host} refused the TLS handshake; it probably requires a client certificate (${code}).`,
      explanation: 'Add "mtls" with your Transport Certificate to this environment in thredd.json.',
    };
  }
  const reason: Record<string, string> = {
    ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'was not issued by a CA the server trusts',
    ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: 'has expired',
    ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED: 'was revoked',
  };
  const why = reason[code] ?? 'was refused';
  return {
    kind: 'tls-bad-certificate',
    message: `${host} refused our client certificate: it ${why} (${code}).`,
    explanation:
      'Use the Transport Certificate issued for this environment (UAT and Production differ), check it ' +
      'has not expired, and that "mtls" in thredd.json points at it.',
  };
}
