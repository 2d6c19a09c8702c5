import { X509Certificate } from 'node:crypto';
import { CertificationRequest } from '@peculiar/asn1-csr';
import { AsnConvert } from '@peculiar/asn1-schema';
import { looksLikePem, type PemBlock } from '../x509/pem';
import { CERTIFICATE_LABELS, CSR_LABELS, KEY_LABELS } from '../x509/pemLabels';
import { PkiError } from './errors';
import { parsePfx } from './readPkcs12';
import { parsePemBlocksFor, readPrivateKey } from './readPrivateKey';

/** What a file turned out to be. PEM files may hold certificates and a key together. */
export type ClassifiedInput =
  | { kind: 'certificates'; certificates: Buffer[]; keyBlock?: PemBlock }
  | { kind: 'csr'; der: Buffer }
  | { kind: 'pkcs12'; der: Buffer }
  | { kind: 'private-key' };

/** Tells PEM from DER (so either works wherever a file is asked for) and which object it holds. */
export function classifyInput(data: Uint8Array, name: string): ClassifiedInput {
  if (data.length === 0) throw new PkiError('unrecognized', `${name} is empty.`);
  if (looksLikePem(data)) return classifyPem(Buffer.from(data).toString('latin1'), name);
  const der = Buffer.from(data);
  const asDer = classifyDer(der);
  if (asDer) return asDer;
  // Base64 of DER without the BEGIN/END lines, as some portals and clipboards produce.
  const text = der.toString('latin1').trim();
  if (text.length > 32 && /^[A-Za-z0-9+/=\s]+$/.test(text)) {
    const decoded = classifyDer(Buffer.from(text, 'base64'));
    if (decoded) return decoded;
  }
  throw new PkiError('unrecognized', `${name} is not a certificate, CSR, private key or PKCS#12 file (neither PEM nor DER could be read).`);
}

function classifyPem(text: string, name: string): ClassifiedInput {
  const blocks = parsePemBlocksFor(text, name);
  const certificates = blocks.filter((block) => CERTIFICATE_LABELS.includes(block.label));
  const keyBlock = blocks.find((block) => KEY_LABELS.includes(block.label));
  if (certificates.length > 0) {
    for (const [index, block] of certificates.entries()) {
      if (!isCertificate(block.der))
        throw new PkiError(
          'damaged-pem',
          `${name}: certificate ${index + 1} is damaged (its content is not a valid X.509 certificate). Copy it again.`,
        );
    }
    return { kind: 'certificates', certificates: certificates.map((block) => block.der), keyBlock };
  }
  const csr = blocks.find((block) => CSR_LABELS.includes(block.label));
  if (csr) return { kind: 'csr', der: csr.der };
  if (keyBlock) return { kind: 'private-key' };
  throw new PkiError(
    'unsupported',
    `${name} holds ${blocks.map((block) => `"${block.label}"`).join(', ')}, not a certificate, CSR, private key or PKCS#12 file.`,
  );
}

function classifyDer(der: Buffer): ClassifiedInput | undefined {
  if (der[0] !== 0x30) return undefined; // every one of these is an ASN.1 SEQUENCE
  if (isCertificate(der)) return { kind: 'certificates', certificates: [der] };
  if (isCsr(der)) return { kind: 'csr', der };
  if (parsePfx(der)) return { kind: 'pkcs12', der };
  try {
    readPrivateKey(der);
    return { kind: 'private-key' };
  } catch (error) {
    if (error instanceof PkiError && error.code === 'passphrase-required') return { kind: 'private-key' };
  }
  return undefined;
}

function isCertificate(der: Uint8Array): boolean {
  try {
    new X509Certificate(der);
    return true;
  } catch {
    return false;
  }
}

function isCsr(der: Uint8Array): boolean {
  try {
    return AsnConvert.parse(der, CertificationRequest).certificationRequestInfoRaw !== undefined;
  } catch {
    return false;
  }
}
