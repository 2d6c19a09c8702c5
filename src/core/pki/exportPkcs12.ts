import { randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileExistsError, writeFileExclusive } from '../fs/safeWrite';
import { certificateIndexOfKey, readableName } from '../x509/x509Text';
import { createPkcs12 } from './createPkcs12';
import { PkiError } from './errors';
import { readCertificates, readInput } from './inspect';
import { readPrivateKey } from './readPrivateKey';

export interface ExportPkcs12Options {
  certFile: string;
  keyFile: string;
  /** More CA certificates to include (the cert file may already hold its chain after the leaf). */
  chainFile?: string;
  outFile: string;
  passphrase: string;
  /** For an encrypted key file. */
  keyPassphrase?: string;
  legacy?: boolean;
}

/**
 * Makes a .pfx from a certificate and its key (+ chain), as `openssl pkcs12 -export` would. The
 * key must belong to the certificate; the output appears whole or not at all and never replaces a file.
 */
export async function exportPkcs12(options: ExportPkcs12Options): Promise<{ outFile: string; certificateCount: number }> {
  if (fs.existsSync(options.outFile)) throw new FileExistsError(options.outFile);
  const folder = path.dirname(options.outFile);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new PkiError(
      'no-folder',
      `The folder for ${path.basename(options.outFile)} does not exist: ${folder}. Create it first, or save the .pfx in another folder.`,
      options.outFile,
    );
  }
  const certificates = readCertificates(await readInput(options.certFile), path.basename(options.certFile));
  const [leaf, ...certChain] = certificates;
  const extra = options.chainFile ? readCertificates(await readInput(options.chainFile), path.basename(options.chainFile)) : [];
  const chain = [...certChain, ...extra].filter(
    (der, index, all) => !der.equals(leaf) && all.findIndex((other) => other.equals(der)) === index,
  );
  const privateKey = readPrivateKey(await readInput(options.keyFile), {
    name: path.basename(options.keyFile),
    passphrase: options.keyPassphrase,
  });
  checkKeyBelongs(certificates, privateKey, options);
  const pfx = createPkcs12({ certificate: leaf, privateKey, chain, passphrase: options.passphrase, legacy: options.legacy });
  await writeNewFileAtomic(options.outFile, pfx);
  return { outFile: options.outFile, certificateCount: 1 + chain.length };
}

/** The key must be the first certificate's; say which files are wrong, and spot a chain with the leaf further down. */
function checkKeyBelongs(certificates: Buffer[], privateKey: KeyObject, options: ExportPkcs12Options): void {
  const x509s = certificates.map((der) => new X509Certificate(der));
  if (x509s[0].checkPrivateKey(privateKey)) return;
  const certName = path.basename(options.certFile);
  const keyName = path.basename(options.keyFile);
  const owner = certificateIndexOfKey(x509s, privateKey);
  if (owner > 0) {
    throw new PkiError(
      'key-mismatch',
      `${certName} is out of order: ${keyName} belongs to certificate ${owner + 1} (` +
        `${readableName(x509s[owner].subject)}), but certificate 1 (${readableName(x509s[0].subject)}) comes first. ` +
        'Put the certificate of the key first, then the CA certificates that issued it.',
      options.certFile,
    );
  }
  throw new PkiError(
    'key-mismatch',
    `${keyName} does not belong to the certificate in ${certName} (their public keys differ): use the ` +
      `key generated with this certificate's CSR.`,
    options.keyFile,
  );
}

/**
 * Atomic and exclusive: the bytes go to a temporary file which is then hard-linked to the target
 * (link fails if the target exists, unlike rename). Where hard links are not supported (FAT,
 * some network shares) it falls back to an exclusive create. Mode 0600: the file holds a key.
 */
async function writeNewFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFileExclusive(temp, data, 0o600);
  try {
    await fs.promises.link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(file);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    await writeFileExclusive(file, data, 0o600);
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
}
