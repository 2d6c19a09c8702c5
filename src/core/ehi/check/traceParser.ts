/** What OpenSSL's handshake trace (tlsSocket.enableTrace) says the server asked of the client. */
export interface CertificateRequestTrace {
  /** OpenSSL printed a trace at all (the child ran and sent its ClientHello). */
  traced: boolean;
  /** The server answered the ClientHello (else it refused TLS 1.2). */
  serverHello: boolean;
  /** It sent a CertificateRequest: it asks for a client certificate. */
  certificateRequested: boolean;
  /** The names in its certificate_authorities list, as OpenSSL prints them ("C = GB, O = ..., CN = ..."). */
  caNames: string[];
}

/**
 * Reads OpenSSL's text, not TLS: the lines under "CertificateRequest" up to the next record, and in them
 * the "DistinguishedName (len=N): ..." lines OpenSSL prints for certificate_authorities.
 */
export function parseCertificateRequestTrace(trace: string): CertificateRequestTrace {
  const lines = trace.split(/\r?\n/);
  const result: CertificateRequestTrace = { traced: false, serverHello: false, certificateRequested: false, caNames: [] };
  let inRequest = false;
  for (const line of lines) {
    if (/^\s*ClientHello, Length=/.test(line)) result.traced = true;
    if (/^\s*ServerHello, Length=/.test(line)) result.serverHello = true;
    if (/^\s*CertificateRequest, Length=/.test(line)) {
      result.certificateRequested = true;
      inRequest = true;
      continue;
    }
    if (/^(Received|Sent) Record/.test(line)) inRequest = false;
    const name = inRequest ? /^\s*DistinguishedName \(len=\d+\): (.*)$/.exec(line) : null;
    if (name) result.caNames.push(name[1].trim());
  }
  return result;
}

/** "C = GB, O = Thredd, CN = X" → ["C=GB", "O=Thredd", "CN=X"]: comparable with Node's "C=GB\nO=Thredd\nCN=X". */
export function traceNameAttributes(name: string): string[] {
  return name.split(/, (?=[A-Za-z][\w.]* = )/).map((part) => part.replace(/^([\w.]+) = /, '$1=').replace(/^([\w.]+)="(.*)"$/, '$1=$2'));
}
