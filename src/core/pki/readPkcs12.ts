import { createPrivateKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { id_data, id_encryptedData } from '@peculiar/asn1-cms';
import {
  AuthenticatedSafe,
  CertBag,
  id_certBag,
  id_keyBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
  PFX,
  SafeContents,
} from '@peculiar/asn1-pfx';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import type * as Forge from 'node-forge';
import { loadForge } from './forge';
import { PkiError } from './errors';
import { MAC_DIGESTS, pkcs12Mac } from './pkcs12Mac';

const PBES2 = '1.2.840.113549.1.5.13';

export interface Pkcs12Contents {
  /** DER certificates in file order (exact bytes, so fingerprints match OpenSSL's). */
  certificates: Buffer[];
  privateKey?: KeyObject;
}

/** Is this DER a PFX at all (version 3 with an authSafe)? Used to tell file kinds apart. */
export function parsePfx(der: Uint8Array): PFX | undefined {
  try {
    const pfx = AsnConvert.parse(der, PFX);
    return pfx.version === 3 ? pfx : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens a PKCS#12 file (RFC 7292) in password-integrity mode, as written by OpenSSL 1.x/3.x
 * (including -legacy RC2/3DES) and Windows. The structure is read with @peculiar/asn1-pfx, keys are
 * decrypted natively; node-forge supplies the PKCS#12 KDF for the MAC and decrypts certificate
 * safes (Node's crypto has no PKCS#12 KDF, and OpenSSL 3 dropped RC2 from its default provider).
 */
export function readPkcs12(der: Uint8Array, passphrase: string, name = 'the PKCS#12 file'): Pkcs12Contents {
  const pfx = parsePfx(der);
  if (!pfx) throw new PkiError('unrecognized', `${name} is not a PKCS#12 (.pfx/.p12) file.`);
  if (pfx.authSafe.contentType !== id_data) {
    throw new PkiError('unsupported', `${name} uses public-key integrity mode, which is not supported: export it again with a passphrase.`);
  }
  const authSafeDer = octets(pfx.authSafe.content);
  const wrongPassphrase = new PkiError('wrong-passphrase', `wrong passphrase for ${name}: check it and try again.`);
  if (pfx.macData) {
    const { mac, macSalt, iterations } = pfx.macData;
    const digestOid = mac.digestAlgorithm.algorithm;
    if (!MAC_DIGESTS[digestOid]) throw new PkiError('unsupported', `${name} uses a MAC digest (${digestOid}) that is not supported.`);
    const expected = Buffer.from(mac.digest.buffer);
    const actual = pkcs12Mac(digestOid, passphrase, new Uint8Array(macSalt.buffer), iterations, authSafeDer);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw wrongPassphrase;
  }

  const result: Pkcs12Contents = { certificates: [] };
  for (const contentInfo of AsnConvert.parse(authSafeDer, AuthenticatedSafe)) {
    let safeDer: Uint8Array;
    if (contentInfo.contentType === id_data) safeDer = octets(contentInfo.content);
    else if (contentInfo.contentType === id_encryptedData) safeDer = decryptEncryptedData(contentInfo.content, passphrase, wrongPassphrase);
    else throw new PkiError('unsupported', `${name} holds an envelope-encrypted part, which is not supported.`);
    for (const bag of AsnConvert.parse(safeDer, SafeContents)) {
      if (bag.bagId === id_certBag) {
        const certBag = AsnConvert.parse(bag.bagValue, CertBag);
        if (certBag.certId === id_x509Certificate) result.certificates.push(Buffer.from(octets(certBag.certValue)));
      } else if (bag.bagId === id_pkcs8ShroudedKeyBag && !result.privateKey) {
        result.privateKey = decryptKeyBag(bag.bagValue, passphrase, wrongPassphrase);
      } else if (bag.bagId === id_keyBag && !result.privateKey) {
        result.privateKey = createPrivateKey({ key: Buffer.from(bag.bagValue), format: 'der', type: 'pkcs8' });
      }
    }
  }
  return result;
}

/**
 * readPkcs12 for a file a user named: without a passphrase it tries the empty one some exports use, and
 * says a passphrase is needed (rather than wrong) when that fails.
 */
export function openPkcs12(der: Buffer, passphrase: string | undefined, name: string): Pkcs12Contents {
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

function octets(der: ArrayBuffer): Uint8Array {
  return new Uint8Array(AsnConvert.parse(der, OctetString).buffer);
}

/**
 * Shrouded key bag = EncryptedPrivateKeyInfo. Node decrypts PBES2 and 3DES natively (and fast);
 * forge covers what OpenSSL 3's default provider lacks (RC2 from very old exports).
 */
function decryptKeyBag(der: ArrayBuffer, passphrase: string, wrongPassphrase: PkiError): KeyObject {
  try {
    return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8', passphrase });
  } catch {
    // fall through to forge
  }
  const forge = loadForge();
  let decrypted: Forge.asn1.Asn1 | null;
  try {
    const info = forge.asn1.fromDer(Buffer.from(der).toString('binary'));
    const algorithm = ((info.value as Forge.asn1.Asn1[])[0].value as Forge.asn1.Asn1[])[0];
    decrypted = forge.pki.decryptPrivateKeyInfo(info, forgePassword(forge.asn1.derToOid(algorithm.value as string), passphrase));
  } catch {
    decrypted = null;
  }
  if (!decrypted) throw wrongPassphrase;
  return createPrivateKey({ key: Buffer.from(forge.asn1.toDer(decrypted).getBytes(), 'binary'), format: 'der', type: 'pkcs8' });
}

/**
 * forge feeds PBES2 passwords to PBKDF2 as "binary" strings, while OpenSSL uses the UTF-8 bytes;
 * the PKCS#12 PBEs take the text itself (forge makes it BMPString, as RFC 7292 Appendix B says).
 */
function forgePassword(algorithmOid: string, passphrase: string): string {
  return algorithmOid === PBES2 ? Buffer.from(passphrase, 'utf8').toString('binary') : passphrase;
}

/** forge's PBE cipher factory, which its type definitions omit. */
interface ForgePbe {
  getCipher(oid: string, params: Forge.asn1.Asn1, password: string): Forge.cipher.BlockCipher;
}

/** EncryptedData (RFC 5652 §8) holding a SafeContents, usually the certificates. */
function decryptEncryptedData(der: ArrayBuffer, passphrase: string, wrongPassphrase: PkiError): Uint8Array {
  const forge = loadForge();
  const encryptedData = forge.asn1.fromDer(Buffer.from(der).toString('binary'));
  const [, encryptedContentInfo] = encryptedData.value as Forge.asn1.Asn1[];
  const [, algorithm, content] = encryptedContentInfo.value as Forge.asn1.Asn1[];
  const [oid, params] = algorithm.value as Forge.asn1.Asn1[];
  const algorithmOid = forge.asn1.derToOid(oid.value as string);
  // [0] IMPLICIT OCTET STRING, either primitive or (BER) split into OCTET STRING pieces.
  const ciphertext =
    typeof content.value === 'string' ? content.value : (content.value as Forge.asn1.Asn1[]).map((piece) => piece.value as string).join('');
  const cipher = (forge.pki as unknown as { pbe: ForgePbe }).pbe.getCipher(algorithmOid, params, forgePassword(algorithmOid, passphrase));
  cipher.update(forge.util.createBuffer(ciphertext));
  if (!cipher.finish()) throw wrongPassphrase;
  return Buffer.from(cipher.output.getBytes(), 'binary');
}
