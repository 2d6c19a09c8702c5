import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { AsnConvert } from '@peculiar/asn1-schema';
import { looksLikePem, parsePemBlocks, PemFormatError, type PemBlock } from '../x509/pem';
import { CERTIFICATE_LABELS, KEY_LABELS } from '../x509/pemLabels';
import { displayName, PkiError, type InputName } from './errors';

export interface ReadKeyOptions extends InputName {
  passphrase?: string;
}

/**
 * Reads a private key in any form OpenSSL writes: PKCS#8 (`BEGIN PRIVATE KEY`), encrypted PKCS#8,
 * PKCS#1 (`BEGIN RSA PRIVATE KEY`, also with legacy `Proc-Type: 4,ENCRYPTED`), SEC1
 * (`BEGIN EC PRIVATE KEY`), as PEM or DER. Node's native parser does the decoding and decryption.
 */
export function readPrivateKey(data: Uint8Array | string, options: ReadKeyOptions = {}): KeyObject {
  const name = displayName(options);
  if (looksLikePem(data)) {
    const blocks = parsePemBlocksFor(typeof data === 'string' ? data : Buffer.from(data).toString('latin1'), name);
    const block = blocks.find((candidate) => KEY_LABELS.includes(candidate.label));
    if (!block) throw notAKey(blocks, name);
    return readPemKey(block, options, name);
  }
  return readDerKey(Buffer.from(data), options, name);
}

/** PEM parse errors as the typed errors users see. */
export function parsePemBlocksFor(text: string, name: string): PemBlock[] {
  try {
    return parsePemBlocks(text);
  } catch (error) {
    if (!(error instanceof PemFormatError)) throw error;
    const code = error.reason === 'truncated' ? 'truncated-pem' : error.reason === 'bad-base64' ? 'damaged-pem' : 'unrecognized';
    throw new PkiError(code, `${name}: ${error.message}. Copy the whole file again, including the BEGIN and END lines.`);
  }
}

function readPemKey(block: PemBlock, options: ReadKeyOptions, name: string): KeyObject {
  // The block's own text keeps the RFC 1421 headers a legacy encrypted PKCS#1 key needs.
  const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || block.headers?.includes('ENCRYPTED');
  if (encrypted && options.passphrase === undefined) throw passphraseRequired(name);
  const pem = block.text;
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase: options.passphrase });
  } catch (error) {
    if (encrypted) throw new PkiError('wrong-passphrase', `wrong passphrase for ${name}: the key could not be decrypted with it.`);
    throw new PkiError(
      'unrecognized',
      `${name} holds a "${block.label}" block that is not a valid private key (${(error as Error).message}).`,
    );
  }
}

function readDerKey(der: Buffer, options: ReadKeyOptions, name: string): KeyObject {
  if (isEncryptedPkcs8(der)) {
    if (options.passphrase === undefined) throw passphraseRequired(name);
    try {
      return createPrivateKey({ key: der, format: 'der', type: 'pkcs8', passphrase: options.passphrase });
    } catch {
      // A wrong passphrase usually fails the padding check, but 1 in ~256 decrypts to garbage instead.
      throw new PkiError('wrong-passphrase', `wrong passphrase for ${name}: the key could not be decrypted with it.`);
    }
  }
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      return createPrivateKey({ key: der, format: 'der', type });
    } catch {
      // try the next format
    }
  }
  if (isDerCertificate(der)) return throwCertificateNotKey(name);
  throw new PkiError('unrecognized', `${name} is not a private key (neither PEM nor a DER PKCS#8, PKCS#1 or SEC1 key).`);
}

/** EncryptedPrivateKeyInfo (RFC 5958 §3) starts with an AlgorithmIdentifier, never an INTEGER. */
function isEncryptedPkcs8(der: Buffer): boolean {
  try {
    AsnConvert.parse(der, EncryptedPrivateKeyInfo);
    return true;
  } catch {
    return false;
  }
}

function passphraseRequired(name: string): PkiError {
  return new PkiError(
    'passphrase-required',
    `${name} is an encrypted private key: give its passphrase (in the CLI, name an environment variable with --passphrase-env).`,
  );
}

function isDerCertificate(der: Buffer): boolean {
  try {
    new X509Certificate(der);
    return true;
  } catch {
    return false;
  }
}

function throwCertificateNotKey(name: string): never {
  throw new PkiError('certificate-not-key', `${name} is a certificate, not a private key: give the .key file generated with the CSR.`);
}

function notAKey(blocks: PemBlock[], name: string): PkiError {
  if (blocks.some((block) => CERTIFICATE_LABELS.includes(block.label))) throwCertificateNotKey(name);
  return new PkiError('no-key', `${name} holds no private key (found: ${blocks.map((block) => block.label).join(', ')}).`);
}
