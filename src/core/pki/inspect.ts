import { X509Certificate, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeCertificate, type CertificateInfo, type DescribeOptions } from './certificateInfo';
import { classifyInput } from './classifyInput';
import { describeCsr, type CsrInfo } from './csrInfo';
import { PkiError } from './errors';
import { describeKey, type KeyDescription } from './keyAlgorithms';
import { readPkcs12 } from './readPkcs12';
import { readPrivateKey } from './readPrivateKey';
import { verifyChain } from './verifyChain';

export type InspectResult =
  | {
      kind: 'certificates';
      /** Leaf first, in file order. */
      certificates: CertificateInfo[];
      /** The private key that came with them (PKCS#12, same PEM file, or the key file). */
      privateKey?: KeyDescription;
    }
  | { kind: 'csr'; csr: CsrInfo };

export interface InspectBytesOptions extends DescribeOptions {
  /** How the input is named in messages (its file name). */
  name?: string;
  /** For a PKCS#12 file, or an encrypted key in the same PEM file. */
  passphrase?: string;
  /** Checks `keyMatches` against this key. */
  privateKey?: KeyObject;
  /** Trust anchors (DER) to verify the chain against, and how to name them in messages. */
  caCertificates?: Uint8Array[];
  caName?: string;
}

/** Inspects certificate(s), a CSR or a PKCS#12 file given as bytes (PEM, DER or PFX). */
export async function inspectBytes(data: Uint8Array, options: InspectBytesOptions = {}): Promise<InspectResult> {
  const name = options.name ?? 'the input';
  const input = classifyInput(data, name);
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

  let ders = input.kind === 'certificates' ? input.certificates : [];
  let privateKey = options.privateKey;
  if (input.kind === 'pkcs12') {
    const contents = openPkcs12(input.der, options.passphrase, name);
    ders = contents.certificates;
    privateKey ??= contents.privateKey;
    if (ders.length === 0) throw new PkiError('no-certificate', `${name} holds no certificate.`);
  } else if (input.keyBlock && !privateKey && (options.passphrase !== undefined || !input.keyBlock.label.includes('ENCRYPTED'))) {
    privateKey = readPrivateKey(input.keyBlock.text, { name, passphrase: options.passphrase });
  }

  const x509s = ders.map((der) => new X509Certificate(der));
  const trusted = options.caCertificates?.map((der) => new X509Certificate(der));
  const links = verifyChain(x509s, trusted, options.caName);
  const certificates = await Promise.all(ders.map((der) => describeCertificate(der, options)));
  certificates.forEach((info, index) => {
    if (links)
      Object.assign(info, { chainVerified: links[index].verified }, links[index].problem ? { chainProblem: links[index].problem } : {});
  });
  if (privateKey) certificates[0].keyMatches = x509s[0].checkPrivateKey(privateKey);
  return { kind: 'certificates', certificates, privateKey: privateKey ? describeKey(privateKey) : undefined };
}

export interface InspectFileOptions extends DescribeOptions {
  passphrase?: string;
  /** A private key file to check against the certificate (PEM or DER, any format OpenSSL writes). */
  keyFile?: string;
  /** Trusted CA certificate(s) to verify the chain up to. */
  caFile?: string;
}

/** Inspects a file; errors name the file by its base name and say what to do. */
export async function inspectFile(file: string, options: InspectFileOptions = {}): Promise<InspectResult> {
  const privateKey = options.keyFile
    ? readPrivateKey(await readInput(options.keyFile), { name: path.basename(options.keyFile), passphrase: options.passphrase })
    : undefined;
  const caCertificates = options.caFile ? readCertificates(await readInput(options.caFile), path.basename(options.caFile)) : undefined;
  return inspectBytes(await readInput(file), {
    ...options,
    name: path.basename(file),
    privateKey,
    caCertificates,
    caName: options.caFile && path.basename(options.caFile),
  });
}

/**
 * The DER certificates in a file that must hold certificates (a chain, a CA bundle). A CSR, a key
 * or a PKCS#12 file there gets a message saying what it is instead.
 */
export function readCertificates(data: Uint8Array, name: string, passphrase?: string): Buffer[] {
  const input = classifyInput(data, name);
  switch (input.kind) {
    case 'certificates':
      return input.certificates;
    case 'csr':
      throw new PkiError(
        'csr-not-certificate',
        `${name} is a certificate signing request, not a certificate: upload it in Thredd Portal to get the certificate.`,
      );
    case 'private-key':
      throw new PkiError(
        'key-not-certificate',
        `${name} is a private key, not a certificate: give the certificate (.pem/.crt) Thredd Portal issued.`,
      );
    case 'pkcs12':
      return openPkcs12(input.der, passphrase, name).certificates;
  }
}

/** Reads a file, turning "not found" into a message naming it. */
export async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PkiError('unrecognized', `${file} does not exist.`, file);
    if (code === 'EISDIR') throw new PkiError('unrecognized', `${file} is a folder, not a file.`, file);
    if (code === 'EACCES' || code === 'EPERM')
      throw new PkiError(
        'unrecognized',
        `${file} cannot be read: permission denied. Check the file's owner and mode (keys are 0600, readable by their owner only).`,
        file,
      );
    throw new PkiError('unrecognized', `${file} cannot be read: ${(error as Error).message}.`, file);
  }
}

function openPkcs12(der: Buffer, passphrase: string | undefined, name: string) {
  if (passphrase !== undefined) return readPkcs12(der, passphrase, name);
  try {
    return readPkcs12(der, '', name); // some exports use an empty passphrase
  } catch (error) {
    if (error instanceof PkiError && error.code === 'wrong-passphrase') {
      throw new PkiError(
        'passphrase-required',
        `${name} is a PKCS#12 file protected by a passphrase: give it (in the CLI, name an environment variable with --passphrase-env).`,
      );
    }
    throw error;
  }
}
