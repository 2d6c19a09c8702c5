import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { writeFileAtomic } from '../core/fs/safeWrite';
import type { DnFields } from '../core/pki/distinguishedName';
import { issueCertificate } from '../core/pki/issueCertificate';
import { loadOrCreateKey, readIfExists, type StatePaths } from './stateFiles';

const DAY = 24 * 60 * 60 * 1000;
const ROOT_DAYS = 3650;
const ISSUING_DAYS = 1825;
const SERVER_DAYS = 350;
/** Certificates closer than this to expiry are renewed at start (same key), before clients see them fail. */
const RENEW_BEFORE_DAYS = 30;

export interface CaCertificate {
  pem: string;
  der: Buffer;
  x509: X509Certificate;
  privateKey: KeyObject;
}

export interface SandboxCa {
  root: CaCertificate;
  issuing: CaCertificate;
  /** What clients trust: the root ("Sandbox Root CA"). */
  rootPem: string;
  /** Issuing CA then root: the chain behind every certificate the sandbox issues. */
  chainPem: string;
  /** True when this call created the CA keys (a fresh state). */
  created: boolean;
}

const SUBJECT = { country: 'GB', organization: 'Thredd Sandbox' };

/**
 * "Sandbox Root CA" and "Sandbox Issuing CA", as Thredd has a root and an issuing CA. Keys are made once
 * and kept; a certificate that is missing, expiring or no longer matches is re-issued with the same key.
 */
export async function loadOrCreateCa(paths: StatePaths, now = new Date()): Promise<SandboxCa> {
  return loadOrCreateCaPair(
    { rootKey: paths.rootKey, rootCert: paths.rootCert, issuingKey: paths.issuingKey, issuingCert: paths.issuingCert },
    { subject: SUBJECT, rootName: 'Sandbox Root CA', issuingName: 'Sandbox Issuing CA' },
    now,
  );
}

export interface CaPairFiles {
  rootKey: string;
  rootCert: string;
  issuingKey: string;
  issuingCert: string;
}

export interface CaPairNames {
  /** Country, organisation (and unit) shared by both certificates. */
  subject: Omit<DnFields, 'commonName'>;
  rootName: string;
  issuingName: string;
}

/** A root CA and an issuing CA under it (path length 0), from these files, made once and kept. */
export async function loadOrCreateCaPair(files: CaPairFiles, names: CaPairNames, now = new Date()): Promise<SandboxCa> {
  const [rootKey, issuingKey] = await Promise.all([loadOrCreateKey(files.rootKey), loadOrCreateKey(files.issuingKey)]);
  const root = await loadOrIssue(files.rootCert, rootKey.key, now, undefined, () =>
    issueCertificate({
      subject: { ...names.subject, commonName: names.rootName },
      publicKey: createPublicKey(rootKey.key),
      issuer: 'self-signed',
      signingKey: rootKey.key,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + ROOT_DAYS * DAY),
      isCa: true,
    }),
  );
  const issuing = await loadOrIssue(files.issuingCert, issuingKey.key, now, root, () =>
    issueCertificate({
      subject: { ...names.subject, commonName: names.issuingName },
      publicKey: createPublicKey(issuingKey.key),
      issuer: { certificateDer: root.der, privateKey: root.privateKey },
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + ISSUING_DAYS * DAY),
      isCa: true,
      pathLength: 0,
    }),
  );
  return { root, issuing, rootPem: root.pem, chainPem: issuing.pem + root.pem, created: rootKey.created };
}

export interface ServerCertificate {
  keyPem: string;
  /** Leaf then issuing CA, as a TLS server sends it. */
  chainPem: string;
}

/** The listeners' certificate for localhost, 127.0.0.1, ::1 and the host they listen on. */
export async function loadOrCreateServerCertificate(
  paths: StatePaths,
  ca: SandboxCa,
  host: string,
  now = new Date(),
): Promise<ServerCertificate> {
  // P-256: made in a millisecond (an RSA key can take a few hundred on a busy machine) and fine for any TLS client.
  const { key } = await loadOrCreateKey(paths.serverKey, { type: 'ec', curve: 'P-256' });
  const names = [...new Set(['localhost', '127.0.0.1', '::1', host])];
  const leaf = await loadOrIssue(
    paths.serverCert,
    key,
    now,
    ca.issuing,
    () =>
      issueCertificate({
        subject: { ...SUBJECT, commonName: 'Thredd Sandbox API' },
        publicKey: createPublicKey(key),
        issuer: { certificateDer: ca.issuing.der, privateKey: ca.issuing.privateKey },
        notBefore: new Date(now.getTime() - DAY),
        notAfter: new Date(now.getTime() + SERVER_DAYS * DAY),
        extendedKeyUsage: ['serverAuth'],
        dnsNames: names.filter((name) => isIP(name) === 0),
        ipAddresses: names.filter((name) => isIP(name) !== 0),
      }),
    (x509) => names.every((name) => (isIP(name) ? x509.checkIP(name) : x509.checkHost(name)) !== undefined),
  );
  return { keyPem: key.export({ type: 'pkcs8', format: 'pem' }) as string, chainPem: leaf.pem + ca.issuing.pem };
}

/** The certificate in `file` when still right for `key` and `issuer`, else a new one written in its place. */
export async function loadOrIssue(
  file: string,
  privateKey: KeyObject,
  now: Date,
  issuer: CaCertificate | undefined,
  issue: () => { der: Buffer; pem: string },
  fits: (x509: X509Certificate) => boolean = () => true,
): Promise<CaCertificate> {
  const existing = await readIfExists(file);
  if (existing !== undefined) {
    const x509 = tryParse(existing);
    const renewAt = now.getTime() + RENEW_BEFORE_DAYS * DAY;
    if (
      x509 &&
      x509.publicKey.equals(createPublicKey(privateKey)) &&
      x509.verify(issuer ? issuer.x509.publicKey : x509.publicKey) &&
      new Date(x509.validTo).getTime() > renewAt &&
      fits(x509)
    ) {
      return { pem: existing, der: Buffer.from(x509.raw), x509, privateKey };
    }
  }
  const { der, pem } = issue();
  await writeFileAtomic(file, pem, 0o644);
  return { pem, der, x509: new X509Certificate(der), privateKey };
}

function tryParse(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}
