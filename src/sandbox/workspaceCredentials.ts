import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../core/fs/safeWrite';
import { buildCsr } from '../core/pki/buildCsr';
import { describeCsr } from '../core/pki/csrInfo';
import type { DnFields } from '../core/pki/distinguishedName';
import { FILE_SUFFIXES, generateKeyAndCsr } from '../core/pki/generateKeyAndCsr';
import { parsePemBlocks } from '../core/x509/pem';
import { jwkThumbprint, sha256Thumbprint } from '../core/x509/thumbprints';
import type { SandboxCertificateType } from './csrIssuance';
import { SandboxError } from './sandboxErrors';
import type { SandboxState } from './sandboxState';
import { readIfExists } from './stateFiles';
import type { FileAction } from './workspaceFiles';

const DAY = 24 * 60 * 60 * 1000;

export interface CredentialFiles {
  key: string;
  csr: string;
  cert: string;
}

export interface Credential {
  files: CredentialFiles;
  /** Signing: the KID of the certificate on the organisation JWKS. */
  kid?: string;
  x5tS256: string;
  notAfter: string;
  actions: Record<keyof CredentialFiles, FileAction>;
}

/**
 * A key, CSR and sandbox-issued certificate of one type in `dir`, made like a user would for Thredd:
 * key and CSR with the project's CSR feature, then the certificate from the sandbox CA. A key is never
 * replaced; a certificate that no longer fits (expired, another sandbox CA, unknown to this state) is
 * issued again for the same key, so re-running init repairs rather than multiplies.
 */
export async function ensureCredential(
  state: SandboxState,
  dir: string,
  type: SandboxCertificateType,
  subject: DnFields,
  baseName: string,
  days?: number,
): Promise<Credential> {
  const base = path.join(dir, `${baseName}${FILE_SUFFIXES[type]}`);
  const files = { key: `${base}.key`, csr: `${base}.csr`, cert: `${base}.pem` };
  const actions: Credential['actions'] = { key: 'kept', csr: 'kept', cert: 'kept' };

  let key: KeyObject;
  const keyPem = await readIfExists(files.key);
  if (keyPem === undefined) {
    if (fs.existsSync(files.csr)) {
      throw new SandboxError(
        `${files.csr} exists without its key ${path.basename(files.key)}.`,
        'Move the old CSR (and certificate) away, then run "thredd sandbox init" again to make a new key pair.',
      );
    }
    const generated = await generateKeyAndCsr({ type, subject, outDir: dir, baseName });
    key = generated.privateKey;
    actions.key = 'created';
    actions.csr = 'created';
  } else {
    try {
      key = createPrivateKey(keyPem);
    } catch (error) {
      throw new SandboxError(
        `${files.key} is not a usable private key (${(error as Error).message}).`,
        'Move it away (keys are never overwritten), then run "thredd sandbox init" again.',
      );
    }
  }

  const current = await usableCertificate(state, files.cert, key);
  if (current) {
    return {
      files,
      kid: type === 'signing' ? await jwkThumbprint(createPublicKey(key)) : undefined,
      x5tS256: current.x5tS256,
      notAfter: current.notAfter,
      actions,
    };
  }
  const csrPem = await csrFor(files.csr, key, subject, actions);
  const certExisted = fs.existsSync(files.cert);
  const issued = await state.issueCertificate({ csrPem, type, days, source: files.csr });
  await writeFileAtomic(files.cert, issued.certificatePem, 0o644);
  actions.cert = certExisted ? 'replaced' : 'created';
  return { files, kid: issued.record.kid, x5tS256: issued.record.x5tS256, notAfter: issued.record.notAfter, actions };
}

/** The certificate in `file` if it belongs to `key`, was issued by this state's CA and has more than a day left. */
async function usableCertificate(
  state: SandboxState,
  file: string,
  key: KeyObject,
): Promise<{ x5tS256: string; notAfter: string } | undefined> {
  const pem = await readIfExists(file);
  if (pem === undefined) return undefined;
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(pem);
  } catch {
    return undefined;
  }
  const fits =
    x509.publicKey.equals(createPublicKey(key)) &&
    x509.verify(state.ca.issuing.x509.publicKey) &&
    Date.parse(x509.validTo) > Date.now() + DAY;
  if (!fits) return undefined;
  const x5tS256 = sha256Thumbprint(x509.raw);
  // The JWKS and the mTLS gate know certificates by their records.
  if (!(await state.certificates.findByThumbprint(x5tS256))) return undefined;
  return { x5tS256, notAfter: new Date(x509.validTo).toISOString() };
}

/** The CSR on disk when it was made with `key`, else a new one from the key (the key stays). */
async function csrFor(file: string, key: KeyObject, subject: DnFields, actions: Credential['actions']): Promise<string> {
  const existing = await readIfExists(file);
  if (existing !== undefined && (await csrMatches(existing, key))) return existing;
  const { pem } = buildCsr(subject, key);
  await writeFileAtomic(file, pem, 0o644);
  actions.csr = existing === undefined ? 'created' : 'replaced';
  return pem;
}

async function csrMatches(pem: string, key: KeyObject): Promise<boolean> {
  try {
    const block = parsePemBlocks(pem).find((item) => item.label === 'CERTIFICATE REQUEST');
    return block !== undefined && (await describeCsr(block.der, key)).keyMatches === true;
  } catch {
    return false;
  }
}
