import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientRegistration } from '../../core/auth';
import { writeFileAtomic, writeFileExclusive } from '../../core/fs/safeWrite';
import { CliError, type CliIo, type CliValues } from '../command';
import { text } from './authSupport';

/** Where the credentials of a registration go: a 0600 file, the screen, or both. */
export interface SecretsDestination {
  file?: string;
  show: boolean;
  /** Update rotates the token of an existing client, so its file is replaced; register never replaces one. */
  replace: boolean;
}

interface SavedSecrets {
  client_id: string;
  registration_client_uri?: string;
  registration_access_token?: string;
  client_secret?: string;
}

/**
 * Checked before anything is sent: the server shows a new registration access token only once, so it
 * must have somewhere to go (and not be printed unasked), and that place must be writable.
 */
export function secretsDestination(values: CliValues, io: CliIo, usage: string, replace: boolean): SecretsDestination {
  const given = text(values, 'secrets-out');
  const show = values['show-token'] === true;
  if (!given && !show) {
    throw new CliError(
      `The answer holds a registration access token, shown only once. Say where it goes: --secrets-out ` +
        `FILE (written with mode 0600) or --show-token (printed).\nUsage: ${usage}`,
      2,
    );
  }
  const file = given && path.resolve(io.cwd, given);
  if (file && !fs.statSync(path.dirname(file), { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError(`The folder for ${given} does not exist (${path.dirname(file)}): create it first. Nothing was sent.`);
  }
  if (file && !replace && fs.existsSync(file)) {
    throw new CliError(
      `${given} already exists and may hold another client's registration access token: choose a new file. Nothing was sent.`,
    );
  }
  return { file, show, replace };
}

/**
 * Writes the credentials with mode 0600. An update answer may leave out the token (when the server
 * does not rotate it) or the client secret: the file then keeps the ones it had, or the token used.
 */
export async function saveSecrets(
  io: CliIo,
  destination: SecretsDestination & { file: string },
  registration: ClientRegistration,
  usedToken?: string,
): Promise<void> {
  const previous = destination.replace ? readSaved(destination.file) : undefined;
  const secrets: SavedSecrets = {
    client_id: registration.clientId,
    registration_client_uri: registration.registrationClientUri ?? previous?.registration_client_uri,
    registration_access_token: registration.registrationAccessToken ?? usedToken ?? previous?.registration_access_token,
    client_secret: registration.clientSecret ?? previous?.client_secret,
  };
  const data = JSON.stringify(secrets, null, 2) + '\n';
  try {
    await (destination.replace ? writeFileAtomic(destination.file, data, 0o600) : writeFileExclusive(destination.file, data, 0o600));
  } catch (error) {
    // The server has already answered: losing the token would lose the client, so it is shown once.
    io.err(`Could not write ${destination.file}: ${(error as Error).message}. Store these now, they are not shown again:\n${data}`);
    throw new CliError(`The registration succeeded but its secrets could not be saved to ${destination.file}.`);
  }
  const fresh = [
    registration.registrationAccessToken && 'a new registration access token',
    registration.clientSecret && 'a new client secret',
  ]
    .filter(Boolean)
    .join(' and ');
  io.err(
    `Saved ${fresh || 'the registration (its access token unchanged)'} to ${destination.file} (mode 0600). Keep it ` +
      `out of the repository; use it as: THREDD_RAT=… thredd dcr get --client-uri URI --rat-env ` +
      `THREDD_RAT\n`,
  );
}

function readSaved(file: string): Partial<SavedSecrets> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SavedSecrets>;
  } catch {
    return undefined;
  }
}
