import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../core/fs/safeWrite';
import { CONFIG_FILE_NAME } from '../core/config/loadConfig';
import { loadOrCreateEhiPki, type EhiFiles } from './ehi';
import { CLIENT_SECRET_ENV, DEFAULT_PORTS, SANDBOX_SCOPES } from './sandboxDefaults';
import { openSandboxState } from './sandboxState';
import { sandboxUrls, type SandboxUrls } from './sandboxUrls';
import { readIfExists } from './stateFiles';
import { ensureCredential, type CredentialFiles } from './workspaceCredentials';
import { applySandboxConfig, SANDBOX_ENTRY_NAMES } from './workspaceConfig';
import { ensureGitignored, setDotenvValue, type FileAction } from './workspaceFiles';

export interface InitSandboxWorkspaceOptions {
  /** The folder that gets thredd.json, certs/, .env and .gitignore. */
  workspaceDir: string;
  /** A running sandbox, or where its state is and (optionally) its URLs; default ports 8443/8444 otherwise. */
  sandbox: { stateDir: string; urls?: SandboxUrls };
  /** Validity of newly issued certificates, in days (default 350). */
  days?: number;
}

export interface InitSandboxWorkspaceResult {
  configFile: string;
  files: {
    caCert: string;
    transport: CredentialFiles;
    signing: CredentialFiles;
    dotenv: string;
    gitignore: string;
  };
  /** The Signing certificate's KID, written into thredd.json. */
  kid: string;
  /** The Transport certificate's x5t#S256, which tokens from the mTLS listener are bound to. */
  transportX5tS256: string;
  environments: string[];
  applications: string[];
  /** Thredd's side of EHI in the state folder: the signing kid and the files (trust chain for the user's endpoint). */
  ehi: { kid: string; files: EhiFiles };
  /** What happened to each file, in order: created, updated, replaced, kept or unchanged. */
  changes: { file: string; action: FileAction }[];
}

const CERTS_DIR = 'certs';
const BASE_NAME = 'sandbox-app';
/** Never committed: the sandbox state (CA keys), the client secret and the generated credentials. */
const IGNORED = ['.thredd/', '.env', `${CERTS_DIR}/${BASE_NAME}-*`, `${CERTS_DIR}/sandbox-ca.pem`];

/**
 * "Set Up Sandbox Credentials": generates the Transport and Signing keys and CSRs, has the sandbox CA
 * issue their certificates (from the state folder; the server need not run), and writes thredd.json's
 * sandbox environments and applications. The client secret goes to .env (0600, git-ignored) and
 * thredd.json refers to it as ${env:THREDD_SANDBOX_CLIENT_SECRET}, never by value. Safe to run again.
 */
export async function initSandboxWorkspace(options: InitSandboxWorkspaceOptions): Promise<InitSandboxWorkspaceResult> {
  const workspace = path.resolve(options.workspaceDir);
  const certsDir = path.join(workspace, CERTS_DIR);
  await fs.promises.mkdir(certsDir, { recursive: true });
  const state = await openSandboxState(options.sandbox.stateDir);
  const { identity } = state;
  const subject = {
    country: 'GB',
    organization: identity.organisationName,
    organizationalUnit: identity.application.name,
    commonName: BASE_NAME,
  };
  const changes: InitSandboxWorkspaceResult['changes'] = [];
  const record = (file: string, action: FileAction) => changes.push({ file, action });

  // Sequential: both may create the same state files on a first run.
  const transport = await ensureCredential(state, certsDir, 'transport', subject, BASE_NAME, options.days);
  const signing = await ensureCredential(state, certsDir, 'signing', subject, BASE_NAME, options.days);
  const ehi = await loadOrCreateEhiPki(state.paths);
  for (const credential of [transport, signing]) {
    for (const kind of ['key', 'csr', 'cert'] as const) record(credential.files[kind], credential.actions[kind]);
  }

  const caCert = path.join(certsDir, 'sandbox-ca.pem');
  const caBefore = await readIfExists(caCert);
  if (caBefore !== state.ca.rootPem) await writeFileAtomic(caCert, state.ca.rootPem, 0o644);
  record(caCert, caBefore === undefined ? 'created' : caBefore === state.ca.rootPem ? 'unchanged' : 'replaced');

  const dotenv = path.join(workspace, '.env');
  record(dotenv, await setDotenvValue(dotenv, CLIENT_SECRET_ENV, state.clientSecret));
  const gitignore = path.join(workspace, '.gitignore');
  record(gitignore, await ensureGitignored(gitignore, IGNORED));

  const configFile = path.join(workspace, CONFIG_FILE_NAME);
  const before = await readIfExists(configFile);
  const relative = (file: string) => path.relative(workspace, file).split(path.sep).join('/');
  const text = applySandboxConfig(before, configFile, {
    urls: options.sandbox.urls ?? sandboxUrls('127.0.0.1', DEFAULT_PORTS.tls, DEFAULT_PORTS.mtls, identity.orgId),
    appId: identity.application.appId,
    clientIds: identity.clients,
    scopes: [...SANDBOX_SCOPES],
    kid: signing.kid!,
    files: {
      ca: relative(caCert),
      transportCert: relative(transport.files.cert),
      transportKey: relative(transport.files.key),
      signingKey: relative(signing.files.key),
      signingCert: relative(signing.files.cert),
    },
  });
  if (text !== before) await writeFileAtomic(configFile, text); // keeps the mode of an existing thredd.json
  record(configFile, before === undefined ? 'created' : text === before ? 'unchanged' : 'updated');

  return {
    configFile,
    files: { caCert, transport: transport.files, signing: signing.files, dotenv, gitignore },
    kid: signing.kid!,
    transportX5tS256: transport.x5tS256,
    ehi: { kid: ehi.signing.kid, files: ehi.files },
    environments: [SANDBOX_ENTRY_NAMES.mtlsEnvironment, SANDBOX_ENTRY_NAMES.tlsEnvironment, SANDBOX_ENTRY_NAMES.readOnlyEnvironment],
    applications: [
      SANDBOX_ENTRY_NAMES.privateKeyJwtApplication,
      SANDBOX_ENTRY_NAMES.clientSecretApplication,
      SANDBOX_ENTRY_NAMES.readOnlyApplication,
    ],
    changes,
  };
}
