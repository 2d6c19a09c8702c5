// The "mtls" certificate and key files, read with the product's own PEM reader before Node sees them:
// a truncated, damaged or swapped file is then reported by name, not as an OpenSSL code.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { looksLikePem, parsePemBlocks, PemFormatError, toPem, type PemBlock } from '../x509/pem';
import { CERTIFICATE_LABELS, CSR_LABELS, KEY_LABELS } from '../x509/pemLabels';
import { certificateIndexOfKey } from '../x509/x509Text';
import { TlsConfigError } from './tlsConfigError';

export interface CertificateFile {
  /** PEM text Node accepts: the file as written, or its DER certificate armoured. */
  pem: string;
  /** Leaf first, in file order. */
  certificates: X509Certificate[];
}

/** Reads the certificate file: PEM certificates (the leaf first), or one DER certificate as elsewhere in the product. */
export function readCertificateFile(data: Buffer, file: string): CertificateFile {
  if (!looksLikePem(data)) {
    const der = derCertificate(data);
    if (!der) throw new TlsConfigError(`${file} is not a certificate: it is neither PEM text nor a DER certificate.`, CERT_FIX, file);
    return { pem: toPem('CERTIFICATE', data), certificates: [der] };
  }
  const text = data.toString('latin1');
  const blocks = pemBlocks(text, file, 'certificate');
  const certificates = blocks.filter((block) => CERTIFICATE_LABELS.includes(block.label));
  if (certificates.length === 0) {
    if (blocks.some((block) => CSR_LABELS.includes(block.label))) {
      throw new TlsConfigError(
        `${file} is a certificate signing request (CSR), not a certificate.`,
        'Upload the CSR in Thredd Portal, then point "cert" under "mtls" at the certificate it issues.',
        file,
      );
    }
    if (blocks.some((block) => KEY_LABELS.includes(block.label))) {
      throw new TlsConfigError(
        `${file} holds a private key, not a certificate.`,
        'Point "key" under "mtls" at this file and "cert" at the certificate.',
        file,
      );
    }
    throw new TlsConfigError(`${file} holds ${blocks.map((block) => `"${block.label}"`).join(', ')}, not a certificate.`, CERT_FIX, file);
  }
  return {
    pem: text,
    certificates: certificates.map((block, index) => {
      const certificate = derCertificate(block.der);
      if (!certificate)
        throw new TlsConfigError(
          `${file}: certificate ${index + 1} is damaged (not a valid X.509 certificate).`,
          'Copy the certificate again from Thredd Portal.',
          file,
        );
      return certificate;
    }),
  };
}

/** Checks the key file holds a PEM private key; decrypting it stays with Node (passphrase errors are worded by the caller). */
export function checkKeyFile(data: Buffer, file: string): void {
  if (!looksLikePem(data)) throw new TlsConfigError(`${file} is not a PEM private key.`, KEY_FIX, file);
  const blocks = pemBlocks(data.toString('latin1'), file, 'key');
  if (blocks.some((block) => KEY_LABELS.includes(block.label))) return;
  const holds = blocks.some((block) => CERTIFICATE_LABELS.includes(block.label))
    ? 'a certificate'
    : blocks.some((block) => CSR_LABELS.includes(block.label))
      ? 'a certificate signing request'
      : blocks.map((block) => `"${block.label}"`).join(', ');
  throw new TlsConfigError(`${file} holds ${holds}, not a private key.`, KEY_FIX, file);
}

/**
 * For a key that does not fit the first certificate: the index of the certificate it does fit (a chain
 * with the leaf further down), or -1. Undefined when the key cannot be opened to check.
 */
export function certificateOfKey(certificates: X509Certificate[], keyPem: string, passphrase: string | undefined): number | undefined {
  try {
    const key = createPrivateKey({ key: keyPem, format: 'pem', passphrase });
    return certificateIndexOfKey(certificates, key);
  } catch {
    return undefined;
  }
}

const CERT_FIX = 'Point "cert" under "mtls" at the Transport Certificate Thredd Portal issued (-----BEGIN CERTIFICATE-----).';
const KEY_FIX = 'Point "key" under "mtls" at the private key generated with the CSR (-----BEGIN PRIVATE KEY-----).';

function pemBlocks(text: string, file: string, what: 'certificate' | 'key'): PemBlock[] {
  try {
    return parsePemBlocks(text);
  } catch (error) {
    if (!(error instanceof PemFormatError)) throw error;
    throw new TlsConfigError(`${file}: ${error.message}.`, `Copy the whole ${what} again, including the BEGIN and END lines.`, file);
  }
}

function derCertificate(der: Buffer): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}
