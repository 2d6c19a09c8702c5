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
  | {
      kind: 'certificates';
      /** DER as found in the file, leaf first. */
      certificates: Buffer[];
      /** The same certificates parsed by Node: telling them apart parses them, so later steps need not again. */
      x509s: X509Certificate[];
      keyBlock?: PemBlock;
      /**
       * Certificates and nothing else, in the file's own form: PEM certificate blocks only, or one DER
       * certificate. Not with a key or another PEM block beside them, nor base64 without its armour.
       */
      plain: boolean;
    }
  | { kind: 'csr'; der: Buffer }
  | { kind: 'pkcs12'; der: Buffer }
  | { kind: 'private-key' };

/** Tells PEM from DER (so either works wherever a file is asked for) and which object it holds. */
export function classifyInput(data: Uint8Array, name: string): ClassifiedInput {
  if (data.length === 0) throw new PkiError('unrecognized', `${name} is empty.`);
  if (looksLikePem(data)) return classifyPem(Buffer.from(data).toString('latin1'), name);
  const der = Buffer.from(data);
  const asDer = classifyDer(der, true);
  if (asDer) return asDer;
  // Base64 of DER without the BEGIN/END lines, as some portals and clipboards produce.
  const text = der.toString('latin1').trim();
  if (text.length > 32 && /^[A-Za-z0-9+/=\s]+$/.test(text)) {
    const decoded = classifyDer(Buffer.from(text, 'base64'), false);
    if (decoded) return decoded;
  }
  throw new PkiError('unrecognized', `${name} is not a certificate, CSR, private key or PKCS#12 file (neither PEM nor DER could be read).`);
}

function classifyPem(text: string, name: string): ClassifiedInput {
  const blocks = parsePemBlocksFor(text, name);
  const certificates = blocks.filter((block) => CERTIFICATE_LABELS.includes(block.label));
  const keyBlock = blocks.find((block) => KEY_LABELS.includes(block.label));
  if (certificates.length > 0) {
    const x509s = certificates.map((block, index) => {
      const x509 = parseCertificate(block.der);
      if (!x509)
        throw new PkiError(
          'damaged-pem',
          `${name}: certificate ${index + 1} is damaged (its content is not a valid X.509 certificate). Copy it again.`,
        );
      return x509;
    });
    const plain = certificates.length === blocks.length;
    return { kind: 'certificates', certificates: certificates.map((block) => block.der), x509s, keyBlock, plain };
  }
  const csr = blocks.find((block) => CSR_LABELS.includes(block.label));
  if (csr) return { kind: 'csr', der: csr.der };
  if (keyBlock) return { kind: 'private-key' };
  throw new PkiError(
    'unsupported',
    `${name} holds ${blocks.map((block) => `"${block.label}"`).join(', ')}, not a certificate, CSR, private key or PKCS#12 file.`,
  );
}

/** `plain`: the file's own bytes, not base64 text decoded. */
function classifyDer(der: Buffer, plain: boolean): ClassifiedInput | undefined {
  if (der[0] !== 0x30) return undefined; // every one of these is an ASN.1 SEQUENCE
  const x509 = parseCertificate(der);
  if (x509) return { kind: 'certificates', certificates: [der], x509s: [x509], plain };
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

function parseCertificate(der: Uint8Array): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}

function isCsr(der: Uint8Array): boolean {
  try {
    return AsnConvert.parse(der, CertificationRequest).certificationRequestInfoRaw !== undefined;
  } catch {
    return false;
  }
}
