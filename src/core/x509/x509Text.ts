import type { KeyObject, X509Certificate } from 'node:crypto';

/**
 * Node's subject or issuer text ("C=GB\nO=Acme\nCN=app") the way messages show it, most specific
 * first: "CN=app, O=Acme, C=GB". Kept apart from the ASN.1 code, so the HTTP layer can use it cheaply.
 */
export function readableName(name: string): string {
  return name.split('\n').reverse().join(', ');
}

/** The index of the certificate `key` belongs to, or -1: a chain file may hold the leaf further down. */
export function certificateIndexOfKey(certificates: readonly X509Certificate[], key: KeyObject): number {
  return certificates.findIndex((certificate) => certificate.checkPrivateKey(key));
}
