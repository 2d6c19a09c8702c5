import type { DetailedPeerCertificate } from 'node:tls';

/**
 * The DER of each certificate the peer's chain holds, leaf first. Node links them through issuerCertificate and
 * links a self-signed root to itself, so the walk stops at the first certificate it has already seen.
 */
export function peerChainDer(peer: DetailedPeerCertificate | undefined): Buffer[] {
  const chain: Buffer[] = [];
  const seen = new Set<string>();
  for (let current = peer; current?.raw && !seen.has(current.fingerprint256); current = current.issuerCertificate) {
    seen.add(current.fingerprint256);
    chain.push(current.raw);
  }
  return chain;
}
