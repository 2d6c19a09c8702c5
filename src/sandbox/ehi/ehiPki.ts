import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../core/fs/safeWrite';
import { issueCertificate, type ExtendedKeyUsageName, type KeyUsageName } from '../../core/pki/issueCertificate';
import { loadOrCreateCaPair, loadOrIssue, type CaCertificate, type SandboxCa } from '../certificateAuthority';
import { SandboxError } from '../sandboxErrors';
import { loadOrCreateKey, readIfExists, type StatePaths } from '../stateFiles';

const DAY = 24 * 60 * 60 * 1000;
const LEAF_DAYS = 350;

/**
 * Named like the pair Thredd's EHI client certificate comes from ("Thredd Root CA - G1" / "Thredd Issuing CA - G1",
 * EHI mTLS page), with "Sandbox" in the name and an organisation that says it is local, so nobody takes them for
 * Thredd's. (Thredd's own UAT JWKS certificate names a "Thredd Sandbox Issuing CA - G1" of "Thredd UK Limited";
 * ours is told apart by O and OU.)
 */
export const EHI_CA_NAMES = {
  subject: { country: 'GB', organization: 'Thredd VS Code Sandbox', organizationalUnit: 'Local only - not issued by Thredd' },
  rootName: 'Thredd Sandbox Root CA - G1',
  issuingName: 'Thredd Sandbox Issuing CA - G1',
};
const LEAF_SUBJECT = { country: 'GB', organization: 'Thredd VS Code Sandbox', organizationalUnit: 'EHI' };

export interface EhiPki {
  ca: SandboxCa;
  /** The key Thredd's side signs EHI messages with (RSA 2048), its certificate and its opaque kid. */
  signing: { key: KeyObject; certificate: CaCertificate; kid: string };
  /** The "EHI client" certificate the simulator presents over mTLS, as Thredd's gateway does. */
  client: { keyPem: string; certPem: string; chainPem: string };
  /** Issuing CA then root: what the user's endpoint installs to trust the EHI client certificate. */
  trustChainPem: string;
  files: EhiFiles;
}

export interface EhiFiles {
  signingKey: string;
  signingCert: string;
  rootCert: string;
  issuingCert: string;
  clientKey: string;
  clientCert: string;
  trustChain: string;
}

/**
 * Thredd's side of EHI in the state folder, made once and kept: the G1-named CA pair, the signing key and
 * certificate, the EHI client key and certificate, and the trust-chain PEM. Keys are 0600 and never replaced;
 * a certificate that is missing, expiring or no longer fits its key is re-issued (loadOrIssue).
 */
export async function loadOrCreateEhiPki(paths: StatePaths, now = new Date()): Promise<EhiPki> {
  await ensureEhiDir(path.dirname(paths.ehiSigningKey));
  const [ca, signingKey, clientKey] = await Promise.all([
    loadOrCreateCaPair(
      { rootKey: paths.ehiRootKey, rootCert: paths.ehiRootCert, issuingKey: paths.ehiIssuingKey, issuingCert: paths.ehiIssuingCert },
      EHI_CA_NAMES,
      now,
    ),
    loadOrCreateKey(paths.ehiSigningKey),
    loadOrCreateKey(paths.ehiClientKey),
  ]);
  const signingCert = await issueLeaf(paths.ehiSigningCert, signingKey.key, ca, now, 'Thredd Sandbox EHI Signing', ['digitalSignature']);
  const clientCert = await issueLeaf(paths.ehiClientCert, clientKey.key, ca, now, 'Thredd Sandbox EHI Client', undefined, ['clientAuth']);
  const trustChainPem = ca.chainPem;
  if ((await readIfExists(paths.ehiTrustChain)) !== trustChainPem) await writeFileAtomic(paths.ehiTrustChain, trustChainPem, 0o644);
  return {
    ca,
    signing: { key: signingKey.key, certificate: signingCert, kid: ehiKid(signingKey.key) },
    client: {
      keyPem: clientKey.key.export({ type: 'pkcs8', format: 'pem' }) as string,
      certPem: clientCert.pem,
      chainPem: clientCert.pem + ca.issuing.pem,
    },
    trustChainPem,
    files: {
      signingKey: paths.ehiSigningKey,
      signingCert: paths.ehiSigningCert,
      rootCert: paths.ehiRootCert,
      issuingCert: paths.ehiIssuingCert,
      clientKey: paths.ehiClientKey,
      clientCert: paths.ehiClientCert,
      trustChain: paths.ehiTrustChain,
    },
  };
}

/**
 * An opaque key id like Thredd's (43 base64url characters), stable for the key's life. Deliberately not the RFC 7638
 * thumbprint, which Thredd's kid is not either: a verifier must look kids up, never compute them.
 */
export function ehiKid(key: KeyObject): string {
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update('thredd-sandbox-ehi-signing-key\0').update(spki).digest('base64url');
}

function issueLeaf(
  file: string,
  key: KeyObject,
  ca: SandboxCa,
  now: Date,
  commonName: string,
  keyUsage?: KeyUsageName[],
  extendedKeyUsage?: ExtendedKeyUsageName[],
): Promise<CaCertificate> {
  return loadOrIssue(file, key, now, ca.issuing, () =>
    issueCertificate({
      subject: { ...LEAF_SUBJECT, commonName },
      publicKey: createPublicKey(key),
      issuer: { certificateDer: ca.issuing.der, privateKey: ca.issuing.privateKey },
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + LEAF_DAYS * DAY),
      keyUsage,
      extendedKeyUsage,
    }),
  );
}

async function ensureEhiDir(dir: string): Promise<void> {
  try {
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new SandboxError(
      `Cannot create the sandbox's EHI folder ${dir}: ${(error as Error).message}.`,
      'Choose a writable state folder with --state (or the stateDir option).',
    );
  }
}
