import type { TLSSocket } from 'node:tls';
import { sha256Thumbprint } from '../core/x509/thumbprints';
import type { CertificateRegistry } from './certificateRegistry';
import { invalidRequest } from './api/problems';

/** Thredd's mTLS hosts (nginx) answer exactly this when no client certificate comes with the request. */
export const NO_CERTIFICATE_MESSAGE = 'No required SSL certificate was sent';

const checked = new WeakMap<TLSSocket, Promise<string>>();

/**
 * The mTLS listener asks for a certificate without making the handshake fail (requestCert, no
 * rejectUnauthorized), so a missing or refused certificate gets an HTTP answer that says why, as
 * Thredd's do, instead of a bare TLS alert. Returns the certificate's x5t#S256; checked once per connection.
 */
export function requireClientCertificate(socket: TLSSocket, certificates: CertificateRegistry): Promise<string> {
  let result = checked.get(socket);
  if (!result) {
    result = check(socket, certificates);
    checked.set(socket, result);
  }
  return result;
}

async function check(socket: TLSSocket, certificates: CertificateRegistry): Promise<string> {
  const peer = socket.getPeerCertificate();
  if (!peer?.raw) throw refused(NO_CERTIFICATE_MESSAGE);
  if (!socket.authorized) {
    const code = String(socket.authorizationError ?? 'UNKNOWN');
    const present =
      'Present the Transport certificate the sandbox issued ("mtls" in thredd.json; ' +
      'make one with "thredd sandbox issue --type transport").';
    throw refused(`The client certificate was refused (${code}): ${reason(code, peer.valid_from, peer.valid_to)} ${present}`);
  }
  const x5tS256 = sha256Thumbprint(peer.raw);
  const record = await certificates.findByThumbprint(x5tS256);
  if (record?.type === 'signing') {
    const needed = 'mTLS needs the Transport certificate ("mtls.cert" in thredd.json)';
    throw refused(`The client certificate is a Signing certificate (KID ${record.kid}); ${needed}.`);
  }
  return x5tS256;
}

/** A 400 whose detail (and only error, keyed to the request itself) says why the certificate was refused. */
function refused(why: string) {
  return invalidRequest({ '': [why] }, why);
}

function reason(code: string, validFrom: string, validTo: string): string {
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return `it expired on ${new Date(validTo).toISOString()}.`;
    case 'CERT_NOT_YET_VALID':
      return `it is not valid before ${new Date(validFrom).toISOString()}.`;
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'CERT_SIGNATURE_FAILURE':
      return "it was not issued by this sandbox's Sandbox Issuing CA (only certificates the sandbox issued are accepted, as on Thredd).";
    case 'INVALID_PURPOSE':
      return 'it is not for client authentication (a Transport certificate is).';
    default:
      return "it does not verify against this sandbox's CA.";
  }
}
