import type { KeyObject } from 'node:crypto';
import * as path from 'node:path';
import { ensureStateDir, statePaths } from '../stateFiles';
import { loadOrCreateEhiPki, type EhiFiles } from './ehiPki';

export { addEhiRoutes, ehiJwksDocument, ehiJwksUrl } from './ehiRoutes';
export { EHI_CA_NAMES, ehiKid, loadOrCreateEhiPki, type EhiFiles, type EhiPki } from './ehiPki';

/** The sandbox's EHI signing key and kid (created on first use), for signing messages as Thredd does. */
export async function loadEhiSigning(stateDir: string): Promise<EhiSigning> {
  return signingOf(await openEhiPki(stateDir));
}

export interface EhiClientCredentials {
  /** The EHI client certificate then the issuing CA, as a TLS client sends it. */
  certPem: string;
  keyPem: string;
  /** Issuing CA then root: what an endpoint trusts for this client certificate. */
  trustChainPem: string;
  files: EhiFiles;
}

/** The "EHI client" certificate and key (created on first use) the simulator presents over mTLS. */
export async function ehiClientCredentials(stateDir: string): Promise<EhiClientCredentials> {
  return clientOf(await openEhiPki(stateDir));
}

/** What `ehi send` needs to play Thredd: the signing key and, over mTLS, the client certificate; the state is read once. */
export async function ehiSenderCredentials(
  stateDir: string,
  options: { mtls: boolean },
): Promise<{ signing: EhiSigning; client?: { certPem: string; keyPem: string; source: string } }> {
  const pki = await openEhiPki(stateDir);
  if (!options.mtls) return { signing: signingOf(pki) };
  const client = clientOf(pki);
  return { signing: signingOf(pki), client: { certPem: client.certPem, keyPem: client.keyPem, source: client.files.clientCert } };
}

type EhiPkiState = Awaited<ReturnType<typeof openEhiPki>>;
type EhiSigning = { key: KeyObject; kid: string; certificatePem: string };

function signingOf(pki: EhiPkiState): EhiSigning {
  return { key: pki.signing.key, kid: pki.signing.kid, certificatePem: pki.signing.certificate.pem };
}

function clientOf(pki: EhiPkiState): EhiClientCredentials {
  return { certPem: pki.client.chainPem, keyPem: pki.client.keyPem, trustChainPem: pki.trustChainPem, files: pki.files };
}

async function openEhiPki(stateDir: string) {
  const dir = path.resolve(stateDir);
  await ensureStateDir(dir);
  return loadOrCreateEhiPki(statePaths(dir));
}
