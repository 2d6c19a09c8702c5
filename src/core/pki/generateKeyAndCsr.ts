import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { FileExistsError, writeFileExclusive } from '../fs/safeWrite';
import { buildCsr } from './buildCsr';
import type { DnFields } from './distinguishedName';
import { generateKeyPairFor, type KeyAlgorithm } from './keyAlgorithms';
import { validateSubject } from './subject';

export const CERTIFICATE_TYPES = ['transport', 'signing', 'encryption'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

/** The file suffixes in Thredd Portal's OpenSSL command (`<name>-rtstransport.key` etc.). */
export const FILE_SUFFIXES: Record<CertificateType, string> = {
  transport: '-rtstransport',
  signing: '-rtssigning',
  encryption: '-rtsencryption',
};

export interface GenerateKeyAndCsrOptions {
  type: CertificateType;
  subject: DnFields;
  /** Default rsa2048, as the portal's command. */
  keyAlgorithm?: KeyAlgorithm;
  /** The folder for both files (created if missing). */
  outDir: string;
  /** Encrypts the key (PKCS#8, AES-256-CBC); without it the key is plain PKCS#8 like `-nodes`. */
  passphrase?: string;
  /** File name before the suffix; defaults to the common name. */
  baseName?: string;
}

export interface GeneratedKeyAndCsr {
  keyPath: string;
  csrPath: string;
  keyPem: string;
  csrPem: string;
  keyAlgorithm: KeyAlgorithm;
  privateKey: KeyObject;
}

/**
 * Does what `openssl req -new -newkey rsa:2048 -nodes -keyout <name>-rtstransport.key
 * -out <name>-rtstransport.csr -subj ... -sha256` does, without OpenSSL. Checks both targets first
 * and never overwrites: a lost key cannot be recovered, and the portal needs its CSR to match.
 */
export async function generateKeyAndCsr(options: GenerateKeyAndCsrOptions): Promise<GeneratedKeyAndCsr> {
  const subject = validateSubject(options.subject);
  const keyAlgorithm = options.keyAlgorithm ?? 'rsa2048';
  const base = `${fileSafe(options.baseName ?? subject.commonName!)}${FILE_SUFFIXES[options.type]}`;
  const keyPath = path.resolve(options.outDir, `${base}.key`);
  const csrPath = path.resolve(options.outDir, `${base}.csr`);
  for (const target of [keyPath, csrPath]) {
    if (fs.existsSync(target)) throw new FileExistsError(target);
  }
  if (options.passphrase === '') throw new TypeError('generateKeyAndCsr: an empty passphrase would not protect the key; omit it instead');

  const { privateKey } = await generateKeyPairFor(keyAlgorithm);
  const csrPem = buildCsr(subject, privateKey).pem;
  const keyPem = (
    options.passphrase === undefined
      ? privateKey.export({ type: 'pkcs8', format: 'pem' })
      : privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: options.passphrase })
  ) as string;

  await fs.promises.mkdir(path.dirname(keyPath), { recursive: true });
  await writeFileExclusive(keyPath, keyPem, 0o600);
  try {
    await writeFileExclusive(csrPath, csrPem, 0o644);
  } catch (error) {
    // The CSR appeared meanwhile or the disk filled up: take back the key so no half pair is left.
    await fs.promises.rm(keyPath, { force: true });
    throw error;
  }
  return { keyPath, csrPath, keyPem, csrPem, keyAlgorithm, privateKey };
}

/** A common name may hold "/" or ":" (allowed in a subject) which cannot be in a file name. */
function fileSafe(name: string): string {
  return name.replace(/[/\\:*?"<>|]/g, '_');
}
