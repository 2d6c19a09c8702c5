import { createHash, randomBytes, type KeyObject, X509Certificate } from 'node:crypto';
import { ContentInfo, id_data } from '@peculiar/asn1-cms';
import {
  AuthenticatedSafe,
  CertBag,
  id_certBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
  MacData,
  PFX,
  PKCS12Attribute,
  SafeBag,
  SafeContents,
} from '@peculiar/asn1-pfx';
import { DigestInfo } from '@peculiar/asn1-rsa';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, DirectoryString } from '@peculiar/asn1-x509';
import { loadForge } from './forge';
import { PkiError } from './errors';
import { pkcs12Mac } from './pkcs12Mac';

export interface CreatePkcs12Options {
  /** The certificate (DER) the key belongs to. */
  certificate: Uint8Array;
  privateKey: KeyObject;
  /** Issuing CA certificates (DER), nearest first. */
  chain?: Uint8Array[];
  passphrase: string;
  /**
   * For old Windows tooling: key encrypted with pbeWithSHAAnd3-KeyTripleDES-CBC and a SHA-1 MAC
   * instead of OpenSSL 3's defaults (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC; SHA-256 MAC).
   */
  legacy?: boolean;
  /** Shown by Windows' certificate store; defaults to the certificate's common name. */
  friendlyName?: string;
}

const ITERATIONS = 2048; // OpenSSL 3's PKCS12_DEFAULT_ITER
const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
const SHA1 = '1.3.14.3.2.26';
const SHA256 = '2.16.840.1.101.3.4.2.1';

/**
 * Builds a PKCS#12 file (RFC 7292) like `openssl pkcs12 -export`. Works for RSA and EC keys: the
 * structure is @peculiar/asn1-pfx, the AES key encryption is Node's native PKCS#8 export, the legacy
 * 3DES key encryption and the MAC key derivation come from node-forge. Certificates are stored
 * unencrypted (like `-certpbe NONE`): they are public, and every reader accepts a plain bag.
 */
export function createPkcs12(options: CreatePkcs12Options): Buffer {
  const leaf = new X509Certificate(options.certificate);
  if (!leaf.checkPrivateKey(options.privateKey)) {
    throw new PkiError(
      'key-mismatch',
      "the private key does not belong to the certificate (their public keys differ): use the key generated with this certificate's CSR.",
    );
  }
  // OpenSSL uses the certificate's SHA-1 as localKeyId; Windows pairs key and certificate by it.
  const localKeyId = createHash('sha1').update(options.certificate).digest();
  const leafAttributes = [attribute(LOCAL_KEY_ID, new OctetString(localKeyId))];
  const friendlyName = options.friendlyName ?? /(?:^|\n)CN=([^\n]*)/.exec(leaf.subject)?.[1];
  if (friendlyName) leafAttributes.unshift(attribute(FRIENDLY_NAME, new DirectoryString({ bmpString: friendlyName })));

  const certBags = [options.certificate, ...(options.chain ?? [])].map(
    (der, index) =>
      new SafeBag({
        bagId: id_certBag,
        bagValue: AsnConvert.serialize(new CertBag({ certId: id_x509Certificate, certValue: AsnConvert.serialize(new OctetString(der)) })),
        bagAttributes: index === 0 ? leafAttributes : undefined,
      }),
  );
  const keyBag = new SafeBag({
    bagId: id_pkcs8ShroudedKeyBag,
    bagValue: encryptKey(options),
    bagAttributes: [attribute(LOCAL_KEY_ID, new OctetString(localKeyId))],
  });

  const authenticatedSafe = new AuthenticatedSafe([dataContent(new SafeContents(certBags)), dataContent(new SafeContents([keyBag]))]);
  const authSafeDer = new Uint8Array(AsnConvert.serialize(authenticatedSafe));
  const salt = randomBytes(8);
  const digestOid = options.legacy ? SHA1 : SHA256;
  const macData = new MacData({
    mac: new DigestInfo({
      digestAlgorithm: new AlgorithmIdentifier({ algorithm: digestOid, parameters: null }),
      digest: new OctetString(pkcs12Mac(digestOid, options.passphrase, salt, ITERATIONS, authSafeDer)),
    }),
    macSalt: new OctetString(salt),
    iterations: ITERATIONS,
  });
  const pfx = new PFX({
    version: 3,
    authSafe: new ContentInfo({ contentType: id_data, content: AsnConvert.serialize(new OctetString(authSafeDer)) }),
    macData,
  });
  return Buffer.from(AsnConvert.serialize(pfx));
}

function encryptKey(options: CreatePkcs12Options): ArrayBuffer {
  if (!options.legacy) {
    const der = options.privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: options.passphrase });
    return new Uint8Array(der).buffer;
  }
  // The PKCS#12 PBE schemes (RFC 7292 Appendix C) are not in Node's crypto; forge encrypts the PKCS#8 as is.
  const forge = loadForge();
  const pkcs8 = options.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('binary');
  const encrypted = forge.pki.encryptPrivateKeyInfo(forge.asn1.fromDer(pkcs8), options.passphrase, {
    algorithm: '3des',
    count: ITERATIONS,
    saltSize: 8,
  });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(encrypted).getBytes(), 'binary')).buffer;
}

function dataContent(contents: SafeContents): ContentInfo {
  return new ContentInfo({ contentType: id_data, content: AsnConvert.serialize(new OctetString(AsnConvert.serialize(contents))) });
}

function attribute(oid: string, value: object): PKCS12Attribute {
  // PKCS12Attribute's constructor drops its params in asn1-pfx 2.x, so fill the fields afterwards.
  const result = new PKCS12Attribute();
  result.attrId = oid;
  result.attrValues = [AsnConvert.serialize(value)];
  return result;
}
