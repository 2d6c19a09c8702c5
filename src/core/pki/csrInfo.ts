import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { CertificationRequest } from '@peculiar/asn1-csr';
import { AsnConvert } from '@peculiar/asn1-schema';
import { fieldsOf, publicKeyInfo, type PublicKeyInfo } from './certificateInfo';
import { formatName, nameAttributes } from './distinguishedName';
import { signatureAlgorithmName, signatureHash } from './signatureAlgorithm';

export interface CsrInfo {
  subject: string;
  subjectFields: Record<string, string>;
  publicKey: PublicKeyInfo;
  signatureAlgorithm: string;
  /** The request's self-signature verifies with its own key (what `openssl req -verify` checks). */
  signatureValid: boolean;
  /** Set when a private key was given: is it the key this request was made with? */
  keyMatches?: boolean;
}

/** Reads a DER PKCS#10 request (RFC 2986). Throws if the bytes are not one. */
export async function describeCsr(der: Uint8Array, privateKey?: KeyObject): Promise<CsrInfo> {
  const request = AsnConvert.parse(der, CertificationRequest);
  const info = request.certificationRequestInfo;
  const publicKey = createPublicKey({ key: Buffer.from(AsnConvert.serialize(info.subjectPKInfo)), format: 'der', type: 'spki' });
  const hash = signatureHash(request.signatureAlgorithm.algorithm);
  const signed = request.certificationRequestInfoRaw;
  return {
    subject: formatName(info.subject),
    subjectFields: fieldsOf(nameAttributes(info.subject)),
    publicKey: await publicKeyInfo(publicKey),
    signatureAlgorithm: signatureAlgorithmName(request.signatureAlgorithm.algorithm),
    signatureValid:
      hash !== undefined && signed !== undefined && verify(hash, new Uint8Array(signed), publicKey, new Uint8Array(request.signature)),
    keyMatches: privateKey ? createPublicKey(privateKey).equals(publicKey) : undefined,
  };
}
