import { createPublicKey, type KeyObject } from 'node:crypto';
import { Attributes, CertificationRequest, CertificationRequestInfo } from '@peculiar/asn1-csr';
import { AsnConvert } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { toPem } from '../x509/pem';
import { buildName, type DnFields } from './distinguishedName';
import { sha256SignatureAlgorithm, signSha256 } from './signatureAlgorithm';

/**
 * A PKCS#10 certificate signing request (RFC 2986), laid out like `openssl req -new -sha256`:
 * version 0, the subject in C, O, OU, CN order, the key, an empty attribute set, SHA-256 signature.
 * The structure comes from @peculiar/asn1-csr rather than node-forge because forge cannot
 * represent EC keys; the signature is native `crypto.sign` (forge's JavaScript RSA is ~2× slower).
 */
export function buildCsr(subject: DnFields, privateKey: KeyObject): { der: Buffer; pem: string } {
  const publicKeyDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const info = new CertificationRequestInfo({
    version: 0,
    subject: buildName(subject),
    subjectPKInfo: AsnConvert.parse(publicKeyDer, SubjectPublicKeyInfo),
    attributes: new Attributes(),
  });
  const infoDer = new Uint8Array(AsnConvert.serialize(info));
  const request = new CertificationRequest({
    certificationRequestInfo: info,
    signatureAlgorithm: sha256SignatureAlgorithm(privateKey),
    signature: new Uint8Array(signSha256(infoDer, privateKey)).buffer,
  });
  const der = Buffer.from(AsnConvert.serialize(request));
  return { der, pem: toPem('CERTIFICATE REQUEST', der) };
}
