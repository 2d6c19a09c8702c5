import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  deleteRegistration,
  readRegistration,
  registerClient,
  updateRegistration,
  type ClientMetadata,
  type ClientRegistration,
} from '../../core/auth';
import type { HttpClient, TlsSettings } from '../../core/http';
import { MASK } from '../../core/requestFile/secrets';
import { CliError, type CliCommand, type CliIo, type CliValues } from '../command';
import { fromEnv, printWarnings, required, text, TLS_OPTIONS, TLS_USAGE, tlsFromOptions } from './authSupport';
import { PROXY_OPTIONS, PROXY_USAGE, withHttpClient } from './httpSupport';
import { saveSecrets, secretsDestination, type SecretsDestination } from './dcrSecrets';

const MANAGE = '--client-uri URI --rat-env VAR';
/** Register and update answer with credentials (a new registration access token): the user says where they go. */
const SECRETS = '(--secrets-out FILE | --show-token)';
const SENDING = `${TLS_USAGE} ${PROXY_USAGE}`;
const USAGES = {
  register: `thredd dcr register [--url URL] --ssa FILE [--iat-env VAR] [--metadata FILE] [--scope "a b"] ${SECRETS} [--json] ${SENDING}`,
  get: `thredd dcr get ${MANAGE} [--json] ${SENDING}`,
  update: `thredd dcr update ${MANAGE} --metadata FILE ${SECRETS} [--json] ${SENDING}`,
  delete: `thredd dcr delete ${MANAGE} ${SENDING}`,
};
const COMMON = { json: { type: 'boolean' as const }, ...TLS_OPTIONS, ...PROXY_OPTIONS };
const MANAGE_OPTIONS = { 'client-uri': { type: 'string' as const }, 'rat-env': { type: 'string' as const }, ...COMMON };
const SECRETS_OPTIONS = { 'secrets-out': { type: 'string' as const }, 'show-token': { type: 'boolean' as const } };
/** Registration fields that are credentials: never printed unless --show-token. */
const SECRET_FIELDS = ['registration_access_token', 'client_secret'] as const;

interface Context {
  http: HttpClient;
  tls: TlsSettings;
  registrationUrl?: string;
}

/** Runs one DCR action with the CLI's HTTP client and the TLS settings of the options. */
async function withContext(values: CliValues, io: CliIo, action: (context: Context) => Promise<void>): Promise<number> {
  const { tls, environment } = await tlsFromOptions(values, io);
  await withHttpClient(values, io, environment, (http) => action({ http, tls, registrationUrl: environment?.registrationUrl }));
  return 0;
}

function readMetadata(io: CliIo, file: string | undefined): ClientMetadata {
  if (!file) return {};
  const absolute = path.resolve(io.cwd, file);
  try {
    const value: unknown = JSON.parse(fs.readFileSync(absolute, 'utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
    return value as ClientMetadata;
  } catch (error) {
    throw new CliError(`${absolute} must be a JSON object of client metadata (RFC 7591): ${(error as Error).message}.`);
  }
}

function maskedMetadata(metadata: ClientMetadata, show: boolean): ClientMetadata {
  if (show) return metadata;
  const masked: ClientMetadata = { ...metadata };
  for (const field of SECRET_FIELDS) if (typeof masked[field] === 'string') masked[field] = MASK;
  return masked;
}

/** Prints a registration; its credentials only with --show-token, else it says where they were saved. */
async function report(
  io: CliIo,
  registration: ClientRegistration,
  values: CliValues,
  verb: string,
  destination: SecretsDestination,
  usedToken?: string,
): Promise<void> {
  printWarnings(io, registration.warnings);
  if (destination.file) await saveSecrets(io, { ...destination, file: destination.file }, registration, usedToken);
  if (values.json === true) {
    io.out(JSON.stringify(maskedMetadata(registration.metadata, destination.show), null, 2) + '\n');
    return;
  }
  io.out(`${verb} client ${registration.clientId} (scope: ${String(registration.metadata.scope ?? '(none)')})\n`);
  if (registration.registrationAccessToken) {
    io.out(
      `registration_client_uri: ${registration.registrationClientUri}\nregistration_access_token: ` +
        `${destination.show ? registration.registrationAccessToken : MASK}\n`,
    );
  }
  if (registration.clientSecret) io.out(`client_secret: ${destination.show ? registration.clientSecret : MASK}\n`);
}

function manageArgs(values: CliValues, io: CliIo, usage: string) {
  return {
    registrationClientUri: required(values, 'client-uri', usage),
    registrationAccessToken: fromEnv(io, required(values, 'rat-env', usage), 'the registration access token'),
  };
}

export const dcrRegisterCommand: CliCommand = {
  path: ['dcr', 'register'],
  summary: 'Register an OAuth client with a software statement (RFC 7591)',
  usage: USAGES.register,
  options: {
    url: { type: 'string' },
    ssa: { type: 'string' },
    'iat-env': { type: 'string' },
    metadata: { type: 'string' },
    scope: { type: 'string' },
    ...SECRETS_OPTIONS,
    ...COMMON,
  },
  run: (values, _positionals, io) =>
    withContext(values, io, async ({ http, tls, registrationUrl }) => {
      const destination = secretsDestination(values, io, USAGES.register, false);
      const url = text(values, 'url') ?? registrationUrl ?? required(values, 'url', USAGES.register);
      const ssaFile = path.resolve(io.cwd, required(values, 'ssa', USAGES.register));
      if (!fs.existsSync(ssaFile)) throw new CliError(`The software statement file ${ssaFile} does not exist.`);
      const iatVar = text(values, 'iat-env');
      const metadata: ClientMetadata = {
        grant_types: ['client_credentials'],
        token_endpoint_auth_method: 'private_key_jwt',
        ...(tls.clientCertificate ? { tls_client_certificate_bound_access_tokens: true } : {}),
        ...readMetadata(io, text(values, 'metadata')),
        ...(text(values, 'scope') ? { scope: text(values, 'scope') } : {}),
      };
      const registration = await registerClient(http, {
        registrationUrl: url,
        softwareStatement: fs.readFileSync(ssaFile, 'utf8').trim(),
        initialAccessToken: iatVar ? fromEnv(io, iatVar, 'the initial access token') : undefined,
        metadata,
        tls,
      });
      await report(io, registration, values, 'Registered', destination);
    }),
};

export const dcrGetCommand = manageCommand('get', 'Read a registered client (RFC 7592)', async (http, manage, values, io) => {
  const registration = await readRegistration(http, manage);
  const shown = maskedMetadata(registration.metadata, false);
  io.out(values.json ? JSON.stringify(shown, null, 2) + '\n' : `Client ${registration.clientId}\n${JSON.stringify(shown, null, 2)}\n`);
});

export const dcrUpdateCommand: CliCommand = {
  path: ['dcr', 'update'],
  summary: "Replace a registered client's metadata (RFC 7592 PUT)",
  usage: USAGES.update,
  options: { metadata: { type: 'string' }, ...SECRETS_OPTIONS, ...MANAGE_OPTIONS },
  run: (values, _positionals, io) =>
    withContext(values, io, async ({ http, tls }) => {
      const destination = secretsDestination(values, io, USAGES.update, true);
      const manage = { ...manageArgs(values, io, USAGES.update), tls };
      const changes = readMetadata(io, required(values, 'metadata', USAGES.update));
      // PUT replaces everything: start from the current registration so unspecified fields stay.
      const current = await readRegistration(http, manage);
      const updated = await updateRegistration(http, {
        ...manage,
        clientId: current.clientId,
        metadata: { ...current.metadata, ...changes },
      });
      await report(io, updated, values, 'Updated', destination, manage.registrationAccessToken);
    }),
};

export const dcrDeleteCommand = manageCommand('delete', 'Delete a registered client (RFC 7592)', async (http, manage, _values, io) => {
  await deleteRegistration(http, manage);
  io.out(`Deleted ${manage.registrationClientUri}\n`);
});

type ManageArgs = ReturnType<typeof manageArgs> & { tls: TlsSettings };

/** A command on an existing registration (RFC 7592): its client URI and registration access token, nothing else. */
function manageCommand(
  name: 'get' | 'delete',
  summary: string,
  action: (http: HttpClient, manage: ManageArgs, values: CliValues, io: CliIo) => Promise<void>,
): CliCommand {
  return {
    path: ['dcr', name],
    summary,
    usage: USAGES[name],
    options: MANAGE_OPTIONS,
    run: (values, _positionals, io) =>
      withContext(values, io, ({ http, tls }) => action(http, { ...manageArgs(values, io, USAGES[name]), tls }, values, io)),
  };
}
