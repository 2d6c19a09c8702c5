import { SANDBOX_IDENTITY } from './sandboxDefaults';
import { SandboxError } from './sandboxErrors';
import { readJsonFile, writeJsonFile, type StatePaths } from './stateFiles';

/**
 * The organisation, its application and OAuth clients, as kept in sandbox.json. The application's scopes
 * are not kept: the sandbox derives them from the catalogue each time it starts (SANDBOX_SCOPES).
 */
export interface SandboxIdentity {
  version: 2;
  orgId: string;
  organisationName: string;
  application: { appId: string; name: string; pmid: string };
  clients: { privateKeyJwt: string; clientSecret: string };
  createdAt: string;
}

/** Version 1 also stored the application's scopes, which froze them: a scope added later was refused. */
interface SandboxIdentityV1 extends Omit<SandboxIdentity, 'version' | 'application'> {
  version: 1;
  application: SandboxIdentity['application'] & { scopes?: string[] };
}

/** The state's identity; a version 1 file is rewritten as version 2, its stored scopes dropped. */
export async function loadOrCreateIdentity(paths: StatePaths): Promise<SandboxIdentity> {
  const existing = await readJsonFile<SandboxIdentity | SandboxIdentityV1>(paths.identity);
  if (existing) {
    if (
      (existing.version !== 1 && existing.version !== 2) ||
      !existing.orgId ||
      !existing.application?.appId ||
      !existing.clients?.privateKeyJwt
    ) {
      throw new SandboxError(
        `${paths.identity} is not a sandbox identity this version understands.`,
        'Delete the state folder to start a fresh sandbox.',
      );
    }
    if (existing.version === 2) return existing;
    const migrated = upgradeIdentity(existing);
    await writeJsonFile(paths.identity, migrated, 0o644);
    return migrated;
  }
  const identity: SandboxIdentity = {
    version: 2,
    orgId: SANDBOX_IDENTITY.orgId,
    organisationName: SANDBOX_IDENTITY.organisationName,
    application: { appId: SANDBOX_IDENTITY.appId, name: SANDBOX_IDENTITY.applicationName, pmid: SANDBOX_IDENTITY.pmid },
    clients: { privateKeyJwt: SANDBOX_IDENTITY.privateKeyJwtClientId, clientSecret: SANDBOX_IDENTITY.clientSecretClientId },
    createdAt: new Date().toISOString(),
  };
  await writeJsonFile(paths.identity, identity, 0o644);
  return identity;
}

function upgradeIdentity(old: SandboxIdentityV1): SandboxIdentity {
  const { appId, name, pmid } = old.application;
  return {
    version: 2,
    orgId: old.orgId,
    organisationName: old.organisationName,
    application: { appId, name, pmid },
    clients: old.clients,
    createdAt: old.createdAt,
  };
}
