import type { X509Certificate } from 'node:crypto';

/** Node's checkIssued reads "this was issued by": names, key identifiers and key usage; then the signature itself. */
export function isIssuedBy(subject: X509Certificate, issuer: X509Certificate): boolean {
  return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
}

/** A certificate that issued itself: a root, or a lone self-signed server certificate. */
export function isSelfSigned(certificate: X509Certificate): boolean {
  return isIssuedBy(certificate, certificate);
}
