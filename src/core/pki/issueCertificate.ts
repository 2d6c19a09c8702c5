import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  GeneralName,
  KeyUsage,
  KeyUsageFlags,
  Name,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
  id_kp_clientAuth,
  id_kp_serverAuth,
} from '@peculiar/asn1-x509';
import { toPem } from '../x509/pem';
import { buildName, type DnFields } from './distinguishedName';
import { sha256SignatureAlgorithm, signSha256 } from './signatureAlgorithm';

export type KeyUsageName = keyof typeof KeyUsageFlags;
export type ExtendedKeyUsageName = 'serverAuth' | 'clientAuth';

export interface IssueCertificateOptions {
  subject: DnFields | Name;
  /** The public key the certificate is for. */
  publicKey: KeyObject;
  /** The CA that signs, or 'self-signed' (then `signingKey` is the subject's own private key). */
  issuer: { certificateDer: Uint8Array; privateKey: KeyObject } | 'self-signed';
  signingKey?: KeyObject;
  /** Big-endian bytes or hex; a random positive 128-bit serial by default (RFC 5280 §4.1.2.2). */
  serialNumber?: Uint8Array | string;
  notBefore: Date;
  notAfter: Date;
  isCa?: boolean;
  pathLength?: number;
  /** Defaults: keyCertSign + cRLSign for a CA; digitalSignature (+ keyEncipherment for RSA) otherwise. */
  keyUsage?: KeyUsageName[];
  extendedKeyUsage?: ExtendedKeyUsageName[];
  dnsNames?: string[];
  ipAddresses?: string[];
}

export interface IssuedCertificate {
  der: Buffer;
  pem: string;
}

/** Issues an X.509 v3 certificate (RFC 5280 §4.1), signed with SHA-256 by native crypto. */
export function issueCertificate(options: IssueCertificateOptions): IssuedCertificate {
  const subject = options.subject instanceof Name ? options.subject : buildName(options.subject);
  const spki = AsnConvert.parse(options.publicKey.export({ type: 'spki', format: 'der' }), SubjectPublicKeyInfo);
  const subjectKeyId = keyIdentifier(spki);

  let issuerName: Name;
  let authorityKeyId: Uint8Array;
  let signingKey: KeyObject;
  if (options.issuer === 'self-signed') {
    if (!options.signingKey) throw new TypeError('issueCertificate: a self-signed certificate needs signingKey (the subject private key)');
    issuerName = subject;
    authorityKeyId = subjectKeyId;
    signingKey = options.signingKey;
  } else {
    const issuerCert = AsnConvert.parse(options.issuer.certificateDer, Certificate);
    issuerName = issuerCert.tbsCertificate.subject;
    authorityKeyId = existingSubjectKeyId(issuerCert) ?? keyIdentifier(issuerCert.tbsCertificate.subjectPublicKeyInfo);
    signingKey = options.issuer.privateKey;
  }

  const signature = sha256SignatureAlgorithm(signingKey);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: serialBytes(options.serialNumber),
    signature,
    issuer: issuerName,
    validity: new Validity({ notBefore: options.notBefore, notAfter: options.notAfter }),
    subject,
    subjectPublicKeyInfo: spki,
    extensions: new Extensions(buildExtensions(options, subjectKeyId, authorityKeyId)),
  });
  const tbsDer = AsnConvert.serialize(tbs);
  const certificate = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: signature,
    signatureValue: new Uint8Array(signSha256(new Uint8Array(tbsDer), signingKey)).buffer,
  });
  const der = Buffer.from(AsnConvert.serialize(certificate));
  return { der, pem: toPem('CERTIFICATE', der) };
}

function buildExtensions(options: IssueCertificateOptions, subjectKeyId: Uint8Array, authorityKeyId: Uint8Array): Extension[] {
  const extension = (extnID: string, value: object, critical = false) =>
    new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
  const isRsa = options.publicKey.asymmetricKeyType === 'rsa';
  const usages =
    options.keyUsage ??
    (options.isCa ? ['keyCertSign', 'cRLSign'] : isRsa ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature']);
  const flags = usages.reduce((all, usage) => all | KeyUsageFlags[usage], 0);

  // RFC 5280 §4.2.1.9: basicConstraints is critical in CA certificates.
  const extensions = [
    extension(
      id_ce_basicConstraints,
      new BasicConstraints({ cA: options.isCa ?? false, pathLenConstraint: options.isCa ? options.pathLength : undefined }),
      options.isCa ?? false,
    ),
    extension(id_ce_keyUsage, new KeyUsage(flags), true),
    extension(id_ce_subjectKeyIdentifier, new SubjectKeyIdentifier(subjectKeyId)),
    extension(id_ce_authorityKeyIdentifier, new AuthorityKeyIdentifier({ keyIdentifier: new OctetString(authorityKeyId) })),
  ];
  if (options.extendedKeyUsage?.length) {
    const oids = options.extendedKeyUsage.map((usage) => (usage === 'serverAuth' ? id_kp_serverAuth : id_kp_clientAuth));
    extensions.push(extension(id_ce_extKeyUsage, new ExtendedKeyUsage(oids)));
  }
  const altNames = [
    ...(options.dnsNames ?? []).map((dNSName) => new GeneralName({ dNSName })),
    ...(options.ipAddresses ?? []).map((iPAddress) => new GeneralName({ iPAddress })),
  ];
  if (altNames.length > 0) extensions.push(extension(id_ce_subjectAltName, new SubjectAlternativeName(altNames)));
  return extensions;
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING's bytes. */
function keyIdentifier(spki: SubjectPublicKeyInfo): Uint8Array {
  return createHash('sha1').update(new Uint8Array(spki.subjectPublicKey)).digest();
}

function existingSubjectKeyId(certificate: Certificate): Uint8Array | undefined {
  const found = certificate.tbsCertificate.extensions?.find((extension) => extension.extnID === id_ce_subjectKeyIdentifier);
  if (!found) return undefined;
  return new Uint8Array(AsnConvert.parse(found.extnValue.buffer, SubjectKeyIdentifier).buffer);
}

function serialBytes(serial: Uint8Array | string | undefined): ArrayBuffer {
  let bytes: Uint8Array;
  if (serial === undefined) {
    bytes = randomBytes(16);
    bytes[0] = (bytes[0] & 0x7f) | 0x40; // positive, and no leading zero byte to strip
  } else {
    const hex = typeof serial === 'string' ? serial.replace(/[^0-9a-f]/gi, '') : Buffer.from(serial).toString('hex');
    // An INTEGER is signed: a leading 1 bit would make the serial negative.
    const even = hex.length % 2 === 1 ? `0${hex}` : hex;
    bytes = Buffer.from(parseInt(even.slice(0, 2) || '0', 16) >= 0x80 ? `00${even}` : even || '00', 'hex');
  }
  return new Uint8Array(bytes).buffer;
}
