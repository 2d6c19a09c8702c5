import type { X509Certificate } from 'node:crypto';
import { isIssuedBy, isSelfSigned } from '../x509/issuedBy';
import { readableName } from '../x509/x509Text';

export interface ChainLink {
  /** The path from this certificate up to a trusted (or self-signed) root verifies. */
  verified: boolean;
  problem?: string;
}

/**
 * Checks each link of a chain (leaf first), like a TLS peer would minus dates and revocation:
 * issuer name and key identifiers (Node's checkIssued), the signature (verify), and that the issuer
 * is a CA. The top must be in `trusted` or be issued by one of them; without `trusted`, the chain
 * must end in a self-signed root. Returns undefined when there is nothing to check against and the
 * links that can be checked are in order.
 */
export function verifyChain(chain: X509Certificate[], trusted?: X509Certificate[], trustedName = 'the CA file'): ChainLink[] | undefined {
  const top = chain[chain.length - 1];
  const topIsRoot = isSelfSigned(top);
  // Without a root or a CA file the top cannot be checked, but a broken link (a chain out of order:
  // one certificate not issued by the next) still must show.
  const brokenLink = chain.some((_, index) => index + 1 < chain.length && linkProblem(chain, index, chain[index + 1]) !== undefined);
  if (!trusted && !(chain.length > 1 && topIsRoot) && !brokenLink) return undefined;

  const links: ChainLink[] = new Array(chain.length);
  for (let index = chain.length - 1; index >= 0; index--) {
    const certificate = chain[index];
    const above = index + 1 < chain.length ? links[index + 1] : undefined;
    const problem =
      index + 1 < chain.length ? linkProblem(chain, index, chain[index + 1]) : topProblem(certificate, trusted, trustedName, index);
    if (problem) links[index] = { verified: false, problem };
    else if (above && !above.verified) links[index] = { verified: false, problem: `certificate ${index + 2} above it does not verify` };
    else links[index] = { verified: true };
  }
  return links;
}

function label(certificate: X509Certificate, index: number): string {
  return `certificate ${index + 1} (${readableName(certificate.subject)})`;
}

function linkProblem(chain: X509Certificate[], index: number, issuer: X509Certificate): string | undefined {
  const certificate = chain[index];
  if (!certificate.checkIssued(issuer)) {
    return (
      `${label(certificate, index)} was not issued by ${label(issuer, index + 1)}: its issuer is ` +
      `${readableName(certificate.issuer)}. Put the chain in order, leaf first.`
    );
  }
  if (!certificate.verify(issuer.publicKey))
    return `the signature on ${label(certificate, index)} does not verify with the key of ${label(issuer, index + 1)}.`;
  if (!issuer.ca) return `${label(issuer, index + 1)} is not a CA certificate, so it cannot issue ${label(certificate, index)}.`;
  return undefined;
}

function topProblem(
  certificate: X509Certificate,
  trusted: X509Certificate[] | undefined,
  trustedName: string,
  index: number,
): string | undefined {
  if (!trusted) return isSelfSigned(certificate) ? undefined : `${label(certificate, index)} is not a self-signed root`;
  if (trusted.some((anchor) => anchor.fingerprint256 === certificate.fingerprint256)) return undefined;
  const issuer = trusted.find((anchor) => isIssuedBy(certificate, anchor));
  if (!issuer)
    return `no certificate in ${trustedName} issued ${label(certificate, index)}, whose issuer is ${readableName(certificate.issuer)}.`;
  if (!issuer.ca) return `the certificate in ${trustedName} that issued ${label(certificate, index)} is not a CA certificate.`;
  return undefined;
}
