import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Provider } from 'oidc-provider';
import type { SandboxClientMetadata } from './authorizationServer';
import { writeJsonFile } from './stateFiles';

/** Management credentials are answered to the client, not part of its metadata. */
const NOT_METADATA = ['registration_access_token', 'registration_client_uri'];

function fileFor(dir: string, clientId: string): string {
  return path.join(dir, `${createHash('sha256').update(clientId).digest('hex').slice(0, 32)}.json`);
}

/** Clients registered through DCR in earlier runs, to register again at start. */
export async function loadRegistrations(dir: string, onError: (message: string) => void): Promise<SandboxClientMetadata[]> {
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  const clients: SandboxClientMetadata[] = [];
  for (const name of names.filter((item) => item.endsWith('.json'))) {
    try {
      clients.push(JSON.parse(await fs.promises.readFile(path.join(dir, name), 'utf8')) as SandboxClientMetadata);
    } catch (error) {
      onError(`Skipped the registered client in ${path.join(dir, name)}: ${(error as Error).message}`);
    }
  }
  return clients;
}

/**
 * Keeps DCR clients (RFC 7591 create, RFC 7592 update and delete) in the state folder, one file each
 * (0600: they may hold a client secret). Registration access tokens stay in memory: after a restart a
 * client keeps working for tokens, but managing it needs a new registration.
 */
export function persistRegistrations(provider: Provider, dir: string, onError: (message: string) => void): void {
  const save = (metadata: Record<string, unknown>) => {
    const clean = Object.fromEntries(Object.entries(metadata).filter(([key]) => !NOT_METADATA.includes(key)));
    writeJsonFile(fileFor(dir, String(clean.client_id)), clean, 0o600).catch((error: Error) =>
      onError(`Could not save registered client ${String(clean.client_id)}: ${error.message}`),
    );
  };
  provider.on('registration_create.success', (_ctx: unknown, client: { metadata(): Record<string, unknown> }) => save(client.metadata()));
  provider.on('registration_update.success', (ctx: { body?: Record<string, unknown> }) => {
    if (ctx.body && typeof ctx.body.client_id === 'string') save(ctx.body);
  });
  provider.on('registration_delete.success', (_ctx: unknown, client: { clientId: string }) => {
    fs.promises
      .rm(fileFor(dir, client.clientId), { force: true })
      .catch((error: Error) => onError(`Could not remove registered client ${client.clientId}: ${error.message}`));
  });
}
