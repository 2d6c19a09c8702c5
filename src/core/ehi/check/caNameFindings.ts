import type { X509Certificate } from 'node:crypto';
import { readableName } from '../../x509/x509Text';
import { fail, pass, warn, type EhiFinding } from '../findings';
import { traceNameAttributes, type CertificateRequestTrace } from './traceParser';

/** A CA the list should name, and how a sent name is matched to it. */
export interface ExpectedClientCa {
  label: string;
  matches(attributes: string[]): boolean;
}

/** The CAs Thredd's EHI client certificate comes from (guide v1.0 §4.1.4, v1.1 section 5): matched by common name. */
export const THREDD_CLIENT_CAS: ExpectedClientCa[] = ['Thredd Root CA - G1', 'Thredd Issuing CA - G1'].map((commonName) => ({
  label: `CN=${commonName}`,
  matches: (attributes) => attributes.includes(`CN=${commonName}`),
}));

/** --client-ca certificates: matched by their whole subject, whatever the order OpenSSL prints it in. */
export function expectedFromCertificates(certificates: X509Certificate[]): ExpectedClientCa[] {
  return certificates.map((certificate) => {
    const wanted = certificate.subject.split('\n').sort().join('\n');
    return { label: readableName(certificate.subject), matches: (attributes) => [...attributes].sort().join('\n') === wanted };
  });
}

const TRUST_FIX = "Add Thredd's EHI trust chain (root and issuing CA) to the CAs the endpoint trusts for client certificates.";

/** The guide: Thredd's CAs should appear under "Acceptable client certificate CA names"; listing them is optional. */
export function caNamesFinding(trace: CertificateRequestTrace, expected: ExpectedClientCa[]): EhiFinding {
  const id = 'mtls.ca-names';
  if (!trace.traced) {
    return warn(
      id,
      'The acceptable client CA names could not be read: the trace process did not run.',
      'Rerun the check; if it persists, check with openssl s_client.',
    );
  }
  if (!trace.serverHello) {
    return warn(
      id,
      'The acceptable client CA names were not read: the endpoint refuses TLS 1.2, and in TLS 1.3 OpenSSL does not print them.',
      'Check them with `openssl s_client -connect host:port` ("Acceptable client certificate CA names").',
    );
  }
  if (!trace.certificateRequested) {
    return fail(
      id,
      'The endpoint does not ask for a client certificate: it is not set up for mTLS.',
      `Require client certificates on the endpoint. ${TRUST_FIX}`,
    );
  }
  if (trace.caNames.length === 0) {
    return warn(
      id,
      'The endpoint asks for a client certificate but names no acceptable client CAs (the guide says the list is optional).',
      "List the trusted client CAs in the server's CertificateRequest (e.g. nginx ssl_client_certificate with Thredd's trust chain).",
    );
  }
  const sent = trace.caNames.map(traceNameAttributes);
  const missing = expected.filter((ca) => !sent.some((attributes) => ca.matches(attributes)));
  if (missing.length > 0) {
    return warn(
      id,
      `The acceptable client CA names do not include ${missing.map((ca) => ca.label).join(' and ')} (sent: ${trace.caNames.join('; ')}).`,
      TRUST_FIX,
    );
  }
  return pass(id, `The acceptable client CA names include ${expected.map((ca) => ca.label).join(' and ')}.`);
}
