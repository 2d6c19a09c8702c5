import type { X509Certificate } from 'node:crypto';
import { statusAt, type CertificateStatus } from '../../x509/certificateStatus';
import { isIssuedBy, isSelfSigned } from '../../x509/issuedBy';
import { readableName } from '../../x509/x509Text';
import { fail, pass, type EhiFinding } from '../findings';

/** One certificate of the path from the server's certificate to a trust anchor, as `openssl s_client` prints a depth. */
export interface ChainDepth {
  depth: number;
  certificate: X509Certificate;
  /** Whether the server sent it, or it came from the trust anchors. */
  source: 'sent' | 'trust-store';
  /** OpenSSL's wording of the verify error at this depth; undefined for `verify return:1`. */
  error?: string;
}

const MAX_DEPTH = 10;

/**
 * The path from the leaf to a trust anchor: each issuer taken from what the server sent first, then from the
 * anchors. Every depth is verified like OpenSSL's `verify return:1`: signed by the next, within its dates, the
 * issuers marked CA, and the top a trusted anchor.
 */
export function buildChain(sent: X509Certificate[], anchors: X509Certificate[], now = new Date()): ChainDepth[] {
  const anchorPrints = new Set(anchors.map((anchor) => anchor.fingerprint256));
  const path: ChainDepth[] = [{ depth: 0, certificate: sent[0], source: 'sent' }];
  for (let current = path[0]; path.length <= MAX_DEPTH;) {
    const certificate = current.certificate;
    current.error = dateError(certificate, now) ?? (current.depth > 0 && !certificate.ca ? 'invalid CA certificate' : undefined);
    const trusted = anchorPrints.has(certificate.fingerprint256);
    if (trusted && isSelfSigned(certificate)) break;
    const fromServer = sent.find((candidate) => candidate !== certificate && isIssuedBy(certificate, candidate));
    const fromAnchors = fromServer
      ? undefined
      : anchors.find((candidate) => candidate !== certificate && isIssuedBy(certificate, candidate));
    const issuer = fromServer ?? fromAnchors;
    // An anchor that is not a root ends the path where its own issuer is unknown (OpenSSL's partial chain).
    if (!issuer && trusted) break;
    if (!issuer) {
      current.error ??= isSelfSigned(certificate)
        ? current.depth === 0
          ? 'self-signed certificate'
          : 'self-signed certificate in certificate chain'
        : current.depth === 0
          ? 'unable to verify the first certificate'
          : 'unable to get local issuer certificate';
      break;
    }
    if (issuer === certificate) break;
    current = { depth: current.depth + 1, certificate: issuer, source: fromServer ? 'sent' : 'trust-store' };
    path.push(current);
  }
  return path;
}

/** OpenSSL's wording of a certificate outside its dates. */
const DATE_ERRORS: Partial<Record<CertificateStatus, string>> = {
  expired: 'certificate has expired',
  'not-yet-valid': 'certificate is not yet valid',
};

function dateError(certificate: X509Certificate, now: Date): string | undefined {
  // No warning days: only the dates themselves fail a depth.
  return DATE_ERRORS[statusAt(now, new Date(certificate.validFrom), new Date(certificate.validTo), 0)];
}

/** The guide asks for `verify return:1` at every depth (section 5, "Test using OpenSSL"). */
export function chainFindings(path: ChainDepth[]): EhiFinding[] {
  const findings = path.map((link) => {
    const name = readableName(link.certificate.subject);
    const where = link.source === 'sent' ? 'sent by the server' : 'from the trust anchors';
    const id = `chain.depth${link.depth}`;
    if (!link.error) return pass(id, `depth=${link.depth} ${name} (${where}): verify return:1`);
    return fail(id, `depth=${link.depth} ${name} (${where}): verify error: ${link.error}`, fixFor(link.error));
  });
  return [...findings, intermediateFinding(path)];
}

function fixFor(error: string): string {
  if (error.includes('expired') || error.includes('not yet valid'))
    return 'Install a certificate that is valid today (renew it with your CA).';
  if (error === 'invalid CA certificate')
    return 'Send the issuing CA certificate, not another end-entity certificate, after the server certificate.';
  if (error.startsWith('self-signed')) {
    return 'Use a certificate from a public CA, as Thredd trusts public CAs (pass --ca only to test a private CA).';
  }
  return (
    'Configure the server to send its intermediate certificate after the server certificate, ' +
    'and use a CA Thredd trusts (--ca for a private CA).'
  );
}

/**
 * The guide: "configure your server's TLS setup so that it sends the Server Certificate and the Intermediate
 * Certificate". An issuer that is not a self-signed root must come from the server, not from our trust store.
 */
function intermediateFinding(path: ChainDepth[]): EhiFinding {
  const borrowed = path.filter((link) => link.depth > 0 && link.source === 'trust-store' && !isSelfSigned(link.certificate));
  const last = path[path.length - 1];
  const missing = last.error?.startsWith('unable to') ? last : undefined;
  if (borrowed.length === 0 && !missing) {
    const intermediates = path.filter((link) => link.depth > 0 && !isSelfSigned(link.certificate)).length;
    return pass(
      'chain.intermediate',
      intermediates > 0
        ? `The server sends its intermediate certificate${intermediates > 1 ? 's' : ''}.`
        : 'No intermediate certificate is needed.',
    );
  }
  const names = missing ? `the issuer of ${readableName(missing.certificate.subject)} (${readableName(missing.certificate.issuer)})` : '';
  const which = borrowed.map((link) => readableName(link.certificate.subject)).join('; ') || names;
  return fail(
    'chain.intermediate',
    `The server does not send its intermediate certificate: ${which}. Thredd then cannot build the chain of trust.`,
    'Configure the server to send the full chain (server certificate, then the intermediate), e.g. a fullchain PEM file.',
  );
}
