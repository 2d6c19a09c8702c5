import * as path from 'node:path';

export const CERTIFICATE_TYPES = ['transport', 'signing', 'encryption'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

/** The file suffixes in Thredd Portal's OpenSSL command (`<name>-rtstransport.key` etc.). */
export const FILE_SUFFIXES: Record<CertificateType, string> = {
  transport: '-rtstransport',
  signing: '-rtssigning',
  encryption: '-rtsencryption',
};

/**
 * Where `openssl req … -keyout <name>-rtstransport.key -out <name>-rtstransport.csr` would write. Kept
 * apart from the CSR code (ASN.1) so `thredd csr` can check its targets before loading that code.
 */
export function keyAndCsrPaths(outDir: string, type: CertificateType, baseName: string): { keyPath: string; csrPath: string } {
  const base = `${fileSafe(baseName)}${FILE_SUFFIXES[type]}`;
  return { keyPath: path.resolve(outDir, `${base}.key`), csrPath: path.resolve(outDir, `${base}.csr`) };
}

/** A common name may hold "/" or ":" (allowed in a subject) which cannot be in a file name. */
function fileSafe(name: string): string {
  return name.replace(/[/\\:*?"<>|]/g, '_');
}
