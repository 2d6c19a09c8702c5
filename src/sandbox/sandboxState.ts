import { randomBytes, type KeyObject } from 'node:crypto';
import * as path from 'node:path';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';
import { FileExistsError, writeFileExclusive } from '../core/fs/safeWrite';
import { loadOrCreateCa, type SandboxCa } from './certificateAuthority';
import { CertificateRegistry, type CertificateRecord } from './certificateRegistry';
import { issueFromCsr, type CsrIssueRequest } from './csrIssuance';
import { DEFAULT_CERTIFICATE_DAYS } from './sandboxDefaults';
import { SandboxError } from './sandboxErrors';
import { loadOrCreateIdentity, type SandboxIdentity } from './sandboxIdentity';
import { ensureStateDir, loadOrCreateKey, readIfExists, statePaths, type StatePaths } from './stateFiles';

export interface IssueRequest extends Omit<CsrIssueRequest, 'now'> {
  /** Default: the sandbox application. */
  appId?: string;
}

export interface IssueResult {
  record: CertificateRecord;
  /** The certificate, PEM, as Thredd Portal hands it out. */
  certificatePem: string;
  /** Issuing CA then root: what the certificate chains to. */
  caChainPem: string;
}

export interface SandboxState {
  stateDir: string;
  paths: StatePaths;
  identity: SandboxIdentity;
  ca: SandboxCa;
  certificates: CertificateRegistry;
  /** The authorization server's private signing key (its tokens survive a restart). */
  tokenSigningJwk: JWK;
  /** The directory key that signs software statements (RS256), and its public JWK. */
  directoryPrivateKey: KeyObject;
  directoryPublicJwk: JWK;
  /** The client_secret client's secret (the state's client-secret file, 0600). */
  clientSecret: string;
  /** True when this call created the state (new CA). */
  created: boolean;
  issueCertificate(request: IssueRequest): Promise<IssueResult>;
}

export interface OpenStateOptions {
  /** Default validity of issued certificates, in days (350). */
  certificateDays?: number;
}

/**
 * Opens the sandbox state folder, creating what is missing: identity, Root and Issuing CA, signing keys,
 * client secret. Issuing works from here alone, so `thredd sandbox init`/`issue` need no running server.
 */
export async function openSandboxState(stateDir: string, options: OpenStateOptions = {}): Promise<SandboxState> {
  const dir = path.resolve(stateDir);
  await ensureStateDir(dir);
  const paths = statePaths(dir);
  const [identity, ca, tokenKey, directoryKey, clientSecret] = await Promise.all([
    loadOrCreateIdentity(paths),
    loadOrCreateCa(paths),
    loadOrCreateKey(paths.tokenSigningKey),
    loadOrCreateKey(paths.directoryKey),
    loadOrCreateSecret(paths.clientSecret),
  ]);
  const tokenSigningJwk = await privateJwk(tokenKey.key);
  const { kty, n, e, kid, alg, use } = await privateJwk(directoryKey.key);
  const directoryPublicJwk: JWK = { kty, n, e, kid, alg, use };
  const certificates = new CertificateRegistry(paths.certificates);
  const defaultDays = options.certificateDays ?? DEFAULT_CERTIFICATE_DAYS;

  return {
    stateDir: dir,
    paths,
    identity,
    ca,
    certificates,
    tokenSigningJwk,
    directoryPrivateKey: directoryKey.key,
    directoryPublicJwk,
    clientSecret,
    created: ca.created,
    async issueCertificate(request) {
      const appId = request.appId ?? identity.application.appId;
      if (appId !== identity.application.appId) {
        throw new SandboxError(
          `No application ${appId} in this sandbox.`,
          `Use the sandbox application ${identity.application.appId} (or leave the app ID out).`,
          404,
          'application_not_found',
        );
      }
      const issued = await issueFromCsr(ca, { ...request, days: request.days ?? defaultDays });
      const record = await certificates.add(appId, issued);
      return { record, certificatePem: issued.pem, caChainPem: ca.chainPem };
    },
  };
}

/** 256 random bits, created once, readable only by the user. */
async function loadOrCreateSecret(file: string): Promise<string> {
  const existing = await readIfExists(file);
  if (existing !== undefined) return existing.trim();
  const secret = randomBytes(32).toString('base64url');
  try {
    await writeFileExclusive(file, secret + '\n', 0o600);
    return secret;
  } catch (error) {
    if (error instanceof FileExistsError) return ((await readIfExists(file)) ?? '').trim();
    throw error;
  }
}

async function privateJwk(key: KeyObject): Promise<JWK> {
  const jwk = await exportJWK(key);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk, 'sha256'), alg: 'RS256', use: 'sig' };
}
