import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate, PeerCertificate, TLSSocket } from 'node:tls';
import { hexFingerprint, sha256Thumbprint } from '../x509/thumbprints';
import { peerChainDer } from './peerChain';
import type { CertificateSummary, ClientCertificateFacts, TlsFacts } from './types';

/** "C=GB\nO=Thredd\nCN=x" (Node's X509Certificate form) → "C=GB, O=Thredd, CN=x". */
function distinguishedName(text: string): string {
  return text.split('\n').filter(Boolean).join(', ');
}

export function summarizeCertificate(der: Buffer): CertificateSummary {
  const cert = new X509Certificate(der);
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    serialNumber: cert.serialNumber,
    sha256Fingerprint: hexFingerprint(der, 'sha256'),
    subjectAltName: cert.subjectAltName,
  };
}

/** The chain the server sent, leaf first; Node links it through issuerCertificate and ends a root on itself. */
export function serverChain(peer: DetailedPeerCertificate | undefined): CertificateSummary[] {
  return peerChainDer(peer).map(summarizeCertificate);
}

export function clientCertificateFacts(local: PeerCertificate | object | null): ClientCertificateFacts | undefined {
  const raw = (local as PeerCertificate | null)?.raw;
  if (!raw) return undefined;
  const summary = summarizeCertificate(raw);
  return { subject: summary.subject, issuer: summary.issuer, notAfter: summary.notAfter, x5tS256: sha256Thumbprint(raw) };
}

/** Reads what the handshake settled; call on 'secureConnect'. */
export function readTlsFacts(socket: TLSSocket): TlsFacts {
  const cipher = socket.getCipher();
  // Node sets a code string here (typed as Error), or leaves it null/undefined when verified.
  const authorizationError = socket.authorizationError as unknown as string | Error | null | undefined;
  return {
    protocol: socket.getProtocol(),
    cipher: cipher?.standardName ?? cipher?.name ?? '',
    alpnProtocol: socket.alpnProtocol ?? false,
    authorized: socket.authorized,
    authorizationError: authorizationError
      ? String(typeof authorizationError === 'string' ? authorizationError : authorizationError.message)
      : undefined,
    serverChain: serverChain(socket.getPeerCertificate(true)),
    clientCertificate: clientCertificateFacts(socket.getCertificate()),
  };
}
