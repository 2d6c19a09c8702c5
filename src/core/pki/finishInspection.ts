import { X509Certificate, type KeyObject } from 'node:crypto';
import type { ClassifiedInput } from './classifyInput';
import { describeCsr, type CsrInfo } from './csrInfo';
import { displayName, PkiError, type InputName } from './errors';
import { describeKey, type KeyDescription } from './keyAlgorithms';
import { openPkcs12 } from './readPkcs12';
import { readPrivateKey } from './readPrivateKey';

/** What an inspection finds, with each certificate described as `T` (in full, or the overview's summary). */
export type InspectionResult<T> =
  | {
      kind: 'certificates';
      /** Leaf first, in file order. */
      certificates: T[];
      /** The private key that came with them (PKCS#12, same PEM file, or the key file). */
      privateKey?: KeyDescription;
    }
  | { kind: 'csr'; csr: CsrInfo };

export interface FinishOptions extends InputName {
  /** For a PKCS#12 file, or an encrypted key in the same PEM file. */
  passphrase?: string;
  /** Checks `keyMatches` against this key. */
  privateKey?: KeyObject;
}

/** Describes a file's certificates (DER as found, and parsed by Node), leaf first. */
export type CertificateDescriber<T> = (ders: Buffer[], x509s: X509Certificate[]) => Promise<T[]>;

/**
 * The step after classifyInput, shared by the full inspection and the overview: refuses a lone key, reads a
 * CSR, opens a PKCS#12 file or the key beside PEM certificates, has `describe` describe the certificates, and
 * checks whether the key (given, or found) belongs to the leaf.
 */
export async function finishInspection<T extends { keyMatches?: boolean }>(
  input: ClassifiedInput,
  options: FinishOptions,
  describe: CertificateDescriber<T>,
): Promise<InspectionResult<T>> {
  const name = displayName(options);
  if (input.kind === 'private-key') {
    throw new PkiError(
      'key-not-certificate',
      `${name} is a private key, not a certificate: inspect the certificate file instead, and give this ` +
        `key with --key to check they match.`,
    );
  }
  if (input.kind === 'csr') {
    return { kind: 'csr', csr: await describeCsr(input.der, options.privateKey) };
  }

  let ders: Buffer[];
  let x509s: X509Certificate[];
  let privateKey = options.privateKey;
  if (input.kind === 'pkcs12') {
    const contents = openPkcs12(input.der, options.passphrase, name);
    ders = contents.certificates;
    privateKey ??= contents.privateKey;
    if (ders.length === 0) throw new PkiError('no-certificate', `${name} holds no certificate.`);
    x509s = ders.map((der) => new X509Certificate(der));
  } else {
    ({ certificates: ders, x509s } = input);
    if (input.keyBlock && !privateKey && (options.passphrase !== undefined || !input.keyBlock.label.includes('ENCRYPTED')))
      privateKey = readPrivateKey(input.keyBlock.text, { name, passphrase: options.passphrase });
  }

  const certificates = await describe(ders, x509s);
  if (privateKey) certificates[0].keyMatches = x509s[0].checkPrivateKey(privateKey);
  return { kind: 'certificates', certificates, privateKey: privateKey ? describeKey(privateKey) : undefined };
}
