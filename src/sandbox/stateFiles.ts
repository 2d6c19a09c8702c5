import { createPrivateKey, generateKeyPair, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { FileExistsError, writeFileAtomic, writeFileExclusive } from '../core/fs/safeWrite';
import { SandboxError } from './sandboxErrors';

const generate = promisify(generateKeyPair);

/** Where everything lives inside the state folder. */
export function statePaths(stateDir: string) {
  const at = (...parts: string[]) => path.join(stateDir, ...parts);
  return {
    dir: stateDir,
    identity: at('sandbox.json'),
    clientSecret: at('client-secret'),
    rootKey: at('ca', 'root-ca.key'),
    rootCert: at('ca', 'root-ca.pem'),
    issuingKey: at('ca', 'issuing-ca.key'),
    issuingCert: at('ca', 'issuing-ca.pem'),
    serverKey: at('server', 'server.key'),
    serverCert: at('server', 'server.pem'),
    tokenSigningKey: at('keys', 'token-signing.key'),
    directoryKey: at('keys', 'directory-signing.key'),
    certificates: at('certificates'),
    registrations: at('registrations'),
    apiData: at('api-data.json'),
    // EHI (issue 14): Thredd's side of the External Host Interface, played by the sandbox.
    ehiSigningKey: at('ehi', 'signing.key'),
    ehiSigningCert: at('ehi', 'signing.pem'),
    ehiRootKey: at('ehi', 'root-ca-g1.key'),
    ehiRootCert: at('ehi', 'root-ca-g1.pem'),
    ehiIssuingKey: at('ehi', 'issuing-ca-g1.key'),
    ehiIssuingCert: at('ehi', 'issuing-ca-g1.pem'),
    ehiClientKey: at('ehi', 'ehi-client.key'),
    ehiClientCert: at('ehi', 'ehi-client.pem'),
    /** Root + issuing CA, for the user's endpoint to trust Thredd's (sandbox) EHI client certificate. */
    ehiTrustChain: at('ehi', 'trust-chain.pem'),
  };
}

export type StatePaths = ReturnType<typeof statePaths>;

/**
 * Creates the state folder and its sub-folders readable only by the user (they hold CA keys). An existing
 * folder keeps its permissions: --state may point somewhere the user manages (still, keys are 0600).
 */
export async function ensureStateDir(stateDir: string): Promise<void> {
  let created: string | undefined;
  for (const dir of [stateDir, ...['ca', 'server', 'keys', 'certificates', 'registrations'].map((name) => path.join(stateDir, name))]) {
    try {
      const first = await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
      created ??= first;
    } catch (error) {
      throw new SandboxError(
        `Cannot create the sandbox state folder ${dir}: ${(error as Error).message}.`,
        'Choose a writable folder with --state (or the stateDir option).',
      );
    }
  }
  // mkdir's mode is masked by the umask; make sure a folder we made is 0700 whatever the umask.
  if (created && path.resolve(created) === path.resolve(stateDir)) await fs.promises.chmod(stateDir, 0o700);
}

/** The file's text, or undefined when it does not exist. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function readJsonFile<T>(file: string): Promise<T | undefined> {
  const text = await readIfExists(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new SandboxError(
      `The sandbox state file ${file} is damaged (${(error as Error).message}).`,
      'Restore it, or delete the state folder to start a fresh sandbox (its CA and certificates are then replaced).',
    );
  }
}

export async function writeJsonFile(file: string, value: unknown, mode = 0o600): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n', mode);
}

export type KeySpec = { type: 'rsa'; bits: 2048 } | { type: 'ec'; curve: 'P-256' };

/**
 * The private key in `file`, created once (PKCS#8 PEM, 0600) and never replaced: a CA whose key changed
 * would invalidate every certificate it issued. Two processes racing to create it read the winner's.
 */
export async function loadOrCreateKey(
  file: string,
  spec: KeySpec = { type: 'rsa', bits: 2048 },
): Promise<{ key: KeyObject; created: boolean }> {
  const existing = await readIfExists(file);
  if (existing !== undefined) return { key: parseKey(existing, file), created: false };
  const { privateKey } =
    spec.type === 'rsa' ? await generate('rsa', { modulusLength: spec.bits }) : await generate('ec', { namedCurve: spec.curve });
  try {
    await writeFileExclusive(file, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 0o600);
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw error;
    return { key: parseKey(await fs.promises.readFile(file, 'utf8'), file), created: false };
  }
  return { key: privateKey, created: true };
}

function parseKey(pem: string, file: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    throw new SandboxError(
      `The sandbox key ${file} cannot be read (${(error as Error).message}).`,
      'Delete the state folder to start a fresh sandbox (its CA and certificates are then replaced).',
    );
  }
}
