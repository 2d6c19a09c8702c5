import { X509Certificate, type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  Certificate,
  ExtendedKeyUsage,
  KeyUsage,
  SubjectAlternativeName,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  type GeneralName,
} from '@peculiar/asn1-x509';
import { daysUntil, statusAt, type CertificateStatus } from '../x509/certificateStatus';
import { isSelfSigned } from '../x509/issuedBy';
import { hexFingerprint, jwkThumbprint, sha256Thumbprint } from '../x509/thumbprints';
import { formatName, nameAttributes, type NameAttribute } from './distinguishedName';
import { describeKey, type KeyDescription } from './keyAlgorithms';
import { signatureAlgorithmName } from './signatureAlgorithm';

export interface PublicKeyInfo extends KeyDescription {
  /** RFC 7638 thumbprint (SHA-256, base64url). */
  jwkThumbprint: string;
}

export interface CertificateInfo {
  subject: string;
  subjectFields: Record<string, string>;
  issuer: string;
  issuerFields: Record<string, string>;
  /** Upper-case hex, as `openssl x509 -serial` prints it. */
  serialNumber: string;
  subjectAltNames: string[];
  keyUsage: string[];
  extendedKeyUsage: string[];
  notBefore: string;
  notAfter: string;
  /** Whole days until notAfter (partial days dropped); negative once expired. */
  daysRemaining: number;
  status: CertificateStatus;
  sha1Fingerprint: string;
  sha256Fingerprint: string;
  /** RFC 8705 x5t#S256: what a certificate-bound token's `cnf` carries. */
  x5tS256: string;
  publicKey: PublicKeyInfo;
  signatureAlgorithm: string;
  isCa: boolean;
  selfSigned: boolean;
  /** Set when a private key was given: does it belong to this certificate? */
  keyMatches?: boolean;
  /** Set when the chain could be checked: does the path from this certificate up verify? */
  chainVerified?: boolean;
  /** Why the chain does not verify at this certificate. */
  chainProblem?: string;
}

export interface DescribeOptions {
  /** `expiring` when fewer days than this remain (Thredd emails 60 days before expiry). */
  warningDays?: number;
  now?: Date;
}

/** Everything a user needs to know about one DER certificate. */
export async function describeCertificate(der: Uint8Array, options: DescribeOptions = {}): Promise<CertificateInfo> {
  const x509 = new X509Certificate(der);
  const tbs = AsnConvert.parse(der, Certificate).tbsCertificate;
  const notBefore = tbs.validity.notBefore.getTime();
  const notAfter = tbs.validity.notAfter.getTime();
  const now = options.now ?? new Date();
  const extension = (oid: string) => tbs.extensions?.find((candidate) => candidate.extnID === oid)?.extnValue.buffer;

  const keyUsageDer = extension(id_ce_keyUsage);
  const ekuDer = extension(id_ce_extKeyUsage);
  const sanDer = extension(id_ce_subjectAltName);
  return {
    subject: formatName(tbs.subject),
    subjectFields: fieldsOf(nameAttributes(tbs.subject)),
    issuer: formatName(tbs.issuer),
    issuerFields: fieldsOf(nameAttributes(tbs.issuer)),
    serialNumber: x509.serialNumber.toUpperCase(),
    subjectAltNames: sanDer ? Array.from(AsnConvert.parse(sanDer, SubjectAlternativeName), formatGeneralName) : [],
    keyUsage: keyUsageDer ? AsnConvert.parse(keyUsageDer, KeyUsage).toJSON() : [],
    extendedKeyUsage: ekuDer ? Array.from(AsnConvert.parse(ekuDer, ExtendedKeyUsage), (oid) => EKU_NAMES[oid] ?? oid) : [],
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    daysRemaining: daysUntil(notAfter, now),
    status: statusAt(now, notBefore, notAfter, options.warningDays ?? 60),
    sha1Fingerprint: hexFingerprint(der, 'sha1'),
    sha256Fingerprint: hexFingerprint(der, 'sha256'),
    x5tS256: sha256Thumbprint(der),
    publicKey: await publicKeyInfo(x509.publicKey),
    signatureAlgorithm: signatureAlgorithmName(tbs.signature.algorithm),
    isCa: x509.ca,
    selfSigned: isSelfSigned(x509),
  };
}

export async function publicKeyInfo(key: KeyObject): Promise<PublicKeyInfo> {
  return { ...describeKey(key), jwkThumbprint: await jwkThumbprint(key) };
}

export function fieldsOf(attributes: NameAttribute[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const attribute of attributes)
    fields[attribute.type] = fields[attribute.type] ? `${fields[attribute.type]}, ${attribute.value}` : attribute.value;
  return fields;
}

const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

/** OpenSSL's spelling: "DNS:host", "IP Address:1.2.3.4", "email:...", "URI:...". */
function formatGeneralName(name: GeneralName): string {
  if (name.dNSName !== undefined) return `DNS:${name.dNSName}`;
  if (name.iPAddress !== undefined) return `IP Address:${name.iPAddress}`;
  if (name.rfc822Name !== undefined) return `email:${name.rfc822Name}`;
  if (name.uniformResourceIdentifier !== undefined) return `URI:${name.uniformResourceIdentifier}`;
  if (name.directoryName !== undefined) return `DirName:${formatName(name.directoryName)}`;
  if (name.registeredID !== undefined) return `Registered ID:${name.registeredID}`;
  return 'othername:<unsupported>';
}
