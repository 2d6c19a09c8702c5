import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeCertificate, type CertificateInfo, type DescribeOptions } from './certificateInfo';
import { classifyInput } from './classifyInput';
import { displayName, PkiError } from './errors';
import { finishInspection, type CertificateDescriber, type FinishOptions, type InspectionResult } from './finishInspection';
import { openPkcs12 } from './readPkcs12';
import { readPrivateKey } from './readPrivateKey';
import { verifyChain } from './verifyChain';

export type InspectResult = InspectionResult<CertificateInfo>;

export interface InspectBytesOptions extends DescribeOptions, FinishOptions {
  /** Trust anchors (DER) to verify the chain against, and how to name them in messages. */
  caCertificates?: Uint8Array[];
  caName?: string;
}

/** Inspects certificate(s), a CSR or a PKCS#12 file given as bytes (PEM, DER or PFX). */
export async function inspectBytes(data: Uint8Array, options: InspectBytesOptions = {}): Promise<InspectResult> {
  return finishInspection(classifyInput(data, displayName(options)), options, describeInFull(options));
}

/** Everything about each certificate (describeCertificate), with the chain checked, against the CA file when given. */
export function describeInFull(options: InspectBytesOptions): CertificateDescriber<CertificateInfo> {
  return async (ders, x509s) => {
    const trusted = options.caCertificates?.map((der) => new X509Certificate(der));
    const links = verifyChain(x509s, trusted, options.caName);
    const certificates = await Promise.all(ders.map((der) => describeCertificate(der, options)));
    if (links)
      certificates.forEach((info, index) =>
        Object.assign(info, { chainVerified: links[index].verified }, links[index].problem ? { chainProblem: links[index].problem } : {}),
      );
    return certificates;
  };
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
