import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { CertificationRequest } from '@peculiar/asn1-csr';
import { AsnConvert } from '@peculiar/asn1-schema';
import { describeCsr } from '../core/pki/csrInfo';
import { formatName } from '../core/pki/distinguishedName';
import { issueCertificate } from '../core/pki/issueCertificate';
import { parsePemBlocks } from '../core/x509/pem';
import { jwkThumbprint, sha256Thumbprint } from '../core/x509/thumbprints';
import type { SandboxCa } from './certificateAuthority';
import { DEFAULT_CERTIFICATE_DAYS } from './sandboxDefaults';
import { SandboxError } from './sandboxErrors';

const DAY = 24 * 60 * 60 * 1000;
/** notBefore slightly in the past, so a client whose clock runs a little behind accepts it at once. */
const BACKDATE_MS = 5 * 60 * 1000;

export const SANDBOX_CERTIFICATE_TYPES = ['transport', 'signing'] as const;
export type SandboxCertificateType = (typeof SANDBOX_CERTIFICATE_TYPES)[number];

export interface CsrIssueRequest {
  csrPem: string;
  type: string;
  /** Validity in days from now (default 350); negative issues an already expired certificate, for tests. */
  days?: number;
  /** Where the CSR came from, for messages. */
  source?: string;
  now?: Date;
}

export interface IssuedFromCsr {
  type: SandboxCertificateType;
  pem: string;
  der: Buffer;
  /** Upper-case hex, as `openssl x509 -serial` prints it. */
  serialNumber: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  /** e.g. "RSA 2048", "EC P-256", as the portal's Key Type column. */
  keyType: string;
  /** RFC 8705 thumbprint: what a token bound to this (Transport) certificate carries in cnf.x5t#S256. */
  x5tS256: string;
  /** Signing certificates: the RFC 7638 JWK thumbprint of the key, used as the KID on the org JWKS. */
  kid?: string;
}

/**
 * Does what Thredd Portal does with an uploaded CSR: checks it (PKCS#10, self-signature, RSA 2048+ or
 * P-256) and has the Issuing CA sign a Transport (clientAuth, for mTLS) or Signing certificate.
 */
export async function issueFromCsr(ca: SandboxCa, request: CsrIssueRequest): Promise<IssuedFromCsr> {
  const type = checkType(request.type);
  const days = request.days ?? DEFAULT_CERTIFICATE_DAYS;
  if (!Number.isFinite(days))
    throw new SandboxError(
      `days must be a number (got ${String(request.days)}).`,
      'Give the validity in days, e.g. 350; a negative number issues an expired certificate.',
    );
  const source = request.source ?? 'The CSR';
  const der = csrDer(request.csrPem, source);
  const { subject, publicKey } = await readCsr(der, source);

  const now = request.now ?? new Date();
  const notAfter = new Date(now.getTime() + days * DAY);
  // An expired certificate (days <= 0) looks like one that lived its whole life rather than one born dead.
  const notBefore = days > 0 ? new Date(now.getTime() - BACKDATE_MS) : new Date(notAfter.getTime() - DEFAULT_CERTIFICATE_DAYS * DAY);
  const isRsa = publicKey.asymmetricKeyType === 'rsa';
  const issued = issueCertificate({
    subject,
    publicKey,
    issuer: { certificateDer: ca.issuing.der, privateKey: ca.issuing.privateKey },
    notBefore,
    notAfter,
    ...(type === 'transport'
      ? { keyUsage: isRsa ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'], extendedKeyUsage: ['clientAuth'] }
      : { keyUsage: ['digitalSignature', 'nonRepudiation'] }),
  });
  const x509 = new X509Certificate(issued.der);
  return {
    type,
    pem: issued.pem,
    der: issued.der,
    serialNumber: x509.serialNumber.toUpperCase(),
    subject: formatName(subject),
    notBefore: notBefore.toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
    keyType: isRsa ? `RSA ${publicKey.asymmetricKeyDetails?.modulusLength}` : 'EC P-256',
    x5tS256: sha256Thumbprint(issued.der),
    kid: type === 'signing' ? await jwkThumbprint(publicKey) : undefined,
  };
}

function checkType(type: string): SandboxCertificateType {
  if ((SANDBOX_CERTIFICATE_TYPES as readonly string[]).includes(type)) return type as SandboxCertificateType;
  throw new SandboxError(
    `Unknown certificate type "${type}".`,
    'Use "transport" (mTLS) or "signing" (private_key_jwt); the sandbox issues no Encryption certificates.',
  );
}

function csrDer(pem: string, source: string): Buffer {
  let blocks;
  try {
    blocks = parsePemBlocks(pem);
  } catch (error) {
    throw new SandboxError(
      `${source} is not a readable PEM CSR: ${(error as Error).message}.`,
      'Upload the .csr file made with "thredd csr" (or "Thredd: Generate Key and CSR…"), whole and unchanged.',
    );
  }
  const csr = blocks.find((block) => block.label === 'CERTIFICATE REQUEST' || block.label === 'NEW CERTIFICATE REQUEST');
  if (csr) return csr.der;
  const labels = blocks.map((block) => block.label);
  if (labels.some((label) => label.includes('PRIVATE KEY'))) {
    throw new SandboxError(
      `${source} holds a private key, not a CSR.`,
      'Never upload a private key: it must stay on your machine. Upload the .csr file made with it.',
    );
  }
  if (labels.includes('CERTIFICATE'))
    throw new SandboxError(`${source} is a certificate, not a CSR.`, 'Upload the .csr file (-----BEGIN CERTIFICATE REQUEST-----).');
  throw new SandboxError(
    `${source} has no "-----BEGIN CERTIFICATE REQUEST-----" block.`,
    'Upload the .csr file made with "thredd csr" (or "Thredd: Generate Key and CSR…").',
  );
}

async function readCsr(
  der: Buffer,
  source: string,
): Promise<{ subject: CertificationRequest['certificationRequestInfo']['subject']; publicKey: KeyObject }> {
  let request: CertificationRequest;
  let info;
  try {
    request = AsnConvert.parse(der, CertificationRequest);
    info = await describeCsr(der);
  } catch (error) {
    throw new SandboxError(
      `${source} is not a PKCS#10 certificate request (${(error as Error).message}).`,
      'Generate the CSR again with "thredd csr".',
    );
  }
  if (!info.signatureValid)
    throw new SandboxError(
      `${source} is not signed by its own key (the signature does not verify): it was changed after it was made.`,
      'Generate the key and CSR again and upload the new CSR unchanged.',
    );
  const subject = request.certificationRequestInfo.subject;
  if (subject.length === 0)
    throw new SandboxError(`${source} has an empty subject.`, 'Give the CSR at least a common name (CN), e.g. thredd csr --cn my-app.');
  const publicKey = createPublicKey({
    key: Buffer.from(AsnConvert.serialize(request.certificationRequestInfo.subjectPKInfo)),
    format: 'der',
    type: 'spki',
  });
  const details = publicKey.asymmetricKeyDetails;
  const strongRsa = publicKey.asymmetricKeyType === 'rsa' && (details?.modulusLength ?? 0) >= 2048;
  const p256 = publicKey.asymmetricKeyType === 'ec' && details?.namedCurve === 'prime256v1';
  if (!strongRsa && !p256) {
    throw new SandboxError(
      `${source} is for ${info.publicKey.type} ${info.publicKey.curve ?? info.publicKey.bits ?? ''} key, which Thredd does not accept.`,
      "Use an RSA 2048 key (what Thredd Portal's command makes) or P-256.",
    );
  }
  return { subject, publicKey };
}
