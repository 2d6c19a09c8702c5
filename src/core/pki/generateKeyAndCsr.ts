import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { FileExistsError, writeFileExclusive } from '../fs/safeWrite';
import { buildCsr } from './buildCsr';
import { keyAndCsrPaths, type CertificateType } from './certificateFiles';
import type { DnFields } from './distinguishedName';
import { generateKeyPairFor, type KeyAlgorithm } from './keyAlgorithms';
import { validateSubject } from './subject';

export { CERTIFICATE_TYPES, FILE_SUFFIXES, type CertificateType } from './certificateFiles';

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
  /**
   * A key pair already being generated (generateKeyPairFor with keyAlgorithm): `thredd csr` starts it before
   * loading this code, so the prime search runs while the ASN.1 code compiles.
   */
  pendingKeyPair?: Promise<{ privateKey: KeyObject }>;
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
  const { keyPath, csrPath } = keyAndCsrPaths(options.outDir, options.type, options.baseName ?? subject.commonName!);
  for (const target of [keyPath, csrPath]) {
    if (fs.existsSync(target)) throw new FileExistsError(target);
  }
  if (options.passphrase === '') throw new TypeError('generateKeyAndCsr: an empty passphrase would not protect the key; omit it instead');

  const { privateKey } = await (options.pendingKeyPair ?? generateKeyPairFor(keyAlgorithm));
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
