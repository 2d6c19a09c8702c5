import * as fs from 'node:fs';
import * as path from 'node:path';
import { deleteRegistration, readRegistration, registerClient, updateRegistration, type ClientMetadata, type ClientRegistration } from '../../core/auth';
import { HttpClient, type TlsSettings } from '../../core/http';
import { CliError, type CliCommand, type CliIo, type CliValues } from '../command';
import { asCliError, fromEnv, printWarnings, required, text, TLS_OPTIONS, TLS_USAGE, tlsFromOptions } from './authSupport';

const MANAGE = '--client-uri URI --rat-env VAR';
const USAGES = {
  register: `thredd dcr register [--url URL] --ssa FILE [--iat-env VAR] [--metadata FILE] [--scope "a b"] [--json] ${TLS_USAGE}`,
  get: `thredd dcr get ${MANAGE} [--json] ${TLS_USAGE}`,
  update: `thredd dcr update ${MANAGE} --metadata FILE [--json] ${TLS_USAGE}`,
  delete: `thredd dcr delete ${MANAGE} ${TLS_USAGE}`,
};
const COMMON = { json: { type: 'boolean' as const }, ...TLS_OPTIONS };
const MANAGE_OPTIONS = { 'client-uri': { type: 'string' as const }, 'rat-env': { type: 'string' as const }, ...COMMON };

interface Context {
  http: HttpClient;
  tls: TlsSettings;
  registrationUrl?: string;
}

/** Runs one DCR action with a fresh HTTP client and the TLS settings of the options. */
async function withContext(values: CliValues, io: CliIo, action: (context: Context) => Promise<void>): Promise<number> {
  const http = new HttpClient();
  try {
    const { tls, environment } = await tlsFromOptions(values, io);
    await action({ http, tls, registrationUrl: environment?.registrationUrl });
    return 0;
  } catch (error) {
    throw asCliError(error);
  } finally {
    await http.close();
  }
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

/** Prints a registration; the access token and client URI manage the client, so say where they must go. */
function report(io: CliIo, registration: ClientRegistration, json: boolean, verb: string): void {
  printWarnings(io, registration.warnings);
  if (json) {
    io.out(JSON.stringify(registration.metadata, null, 2) + '\n');
    return;
  }
  io.out(`${verb} client ${registration.clientId} (scope: ${String(registration.metadata.scope ?? '(none)')})\n`);
  if (registration.registrationAccessToken) {
    io.out(`registration_client_uri: ${registration.registrationClientUri}\nregistration_access_token: ${registration.registrationAccessToken}\n`);
    io.err('Keep the registration access token now in a secret store (a password manager or CI secret, never a file in the repository): it is shown only this once and manages this client. Use it as: THREDD_RAT=… thredd dcr get --client-uri URI --rat-env THREDD_RAT\n');
  }
  if (registration.clientSecret) io.err('The response also holds a client_secret; run with --json to capture it, and store it the same way.\n');
}

function manageArgs(values: CliValues, io: CliIo, usage: string) {
  return { registrationClientUri: required(values, 'client-uri', usage), registrationAccessToken: fromEnv(io, required(values, 'rat-env', usage), 'the registration access token') };
}

export const dcrRegisterCommand: CliCommand = {
  path: ['dcr', 'register'],
  summary: 'Register an OAuth client with a software statement (RFC 7591)',
  usage: USAGES.register,
  options: { url: { type: 'string' }, ssa: { type: 'string' }, 'iat-env': { type: 'string' }, metadata: { type: 'string' }, scope: { type: 'string' }, ...COMMON },
  run: (values, _positionals, io) =>
    withContext(values, io, async ({ http, tls, registrationUrl }) => {
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
      report(io, registration, values.json === true, 'Registered');
    }),
};

export const dcrGetCommand: CliCommand = {
  path: ['dcr', 'get'],
  summary: 'Read a registered client (RFC 7592)',
  usage: USAGES.get,
  options: MANAGE_OPTIONS,
  run: (values, _positionals, io) =>
    withContext(values, io, async ({ http, tls }) => {
      const registration = await readRegistration(http, { ...manageArgs(values, io, USAGES.get), tls });
      if (values.json) io.out(JSON.stringify(registration.metadata, null, 2) + '\n');
      else io.out(`Client ${registration.clientId}\n${JSON.stringify({ ...registration.metadata, registration_access_token: undefined }, null, 2)}\n`);
    }),
};

export const dcrUpdateCommand: CliCommand = {
  path: ['dcr', 'update'],
  summary: 'Replace a registered client\'s metadata (RFC 7592 PUT)',
  usage: USAGES.update,
  options: { metadata: { type: 'string' }, ...MANAGE_OPTIONS },
  run: (values, _positionals, io) =>
    withContext(values, io, async ({ http, tls }) => {
      const manage = { ...manageArgs(values, io, USAGES.update), tls };
      const changes = readMetadata(io, required(values, 'metadata', USAGES.update));
      // PUT replaces everything: start from the current registration so unspecified fields stay.
      const current = await readRegistration(http, manage);
      const updated = await updateRegistration(http, { ...manage, clientId: current.clientId, metadata: { ...current.metadata, ...changes } });
      report(io, updated, values.json === true, 'Updated');
    }),
};

export const dcrDeleteCommand: CliCommand = {
  path: ['dcr', 'delete'],
  summary: 'Delete a registered client (RFC 7592)',
  usage: USAGES.delete,
  options: MANAGE_OPTIONS,
  run: (values, _positionals, io) =>
    withContext(values, io, async ({ http, tls }) => {
      const manage = manageArgs(values, io, USAGES.delete);
      await deleteRegistration(http, { ...manage, tls });
      io.out(`Deleted ${manage.registrationClientUri}\n`);
    }),
};
