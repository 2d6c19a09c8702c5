import * as path from 'node:path';
import {
  findConfigFile,
  formatConfigDiagnostic,
  loadConfigFile,
  type Application,
  type Environment,
  type ThreddConfig,
} from '../../core/config';
import { loadCa, loadClientCertificate, loadTlsSettings, type TlsSettings } from '../../core/http';
import { CliError, type CliIo, type CliOptions, type CliValues } from '../command';

/** Options that pick TLS settings: an environment of thredd.json, or files given directly. */
export const TLS_OPTIONS: CliOptions = {
  env: { type: 'string' },
  config: { type: 'string' },
  ca: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
};

export const TLS_USAGE = '[--env NAME [--config FILE] | --cert FILE --key FILE] [--ca FILE]';

export function text(values: CliValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function required(values: CliValues, name: string, usage: string): string {
  const value = text(values, name);
  if (!value) throw new CliError(`--${name} is required. Usage: ${usage}`);
  return value;
}

export function fromEnv(io: CliIo, variable: string, what: string): string {
  const value = io.env[variable];
  if (!value) throw new CliError(`Environment variable ${variable} (${what}) is not set.`);
  return value;
}

export async function loadConfig(values: CliValues, io: CliIo): Promise<ThreddConfig> {
  const option = text(values, 'config');
  const file = option ? path.resolve(io.cwd, option) : findConfigFile(io.cwd);
  if (!file)
    throw new CliError(`No thredd.json found in ${io.cwd} or above; pass --config FILE or create one with "Thredd: Create thredd.json".`);
  const { config, diagnostics } = await loadConfigFile(file, { env: io.env });
  // Warnings (e.g. a secret variable unset for another environment) are `thredd config check`'s business.
  for (const diagnostic of diagnostics.filter((item) => item.severity === 'error')) io.err(formatConfigDiagnostic(diagnostic) + '\n');
  if (!config) throw new CliError(`${file} has errors; fix them first (thredd config check).`);
  return config;
}

/** The environment named by --env, else the default one, else the only one. */
export function pickEnvironment(config: ThreddConfig, name: string | undefined): Environment {
  const names = Object.keys(config.environments);
  const chosen = name ?? config.defaultEnvironment ?? (names.length === 1 ? names[0] : undefined);
  if (!chosen) throw new CliError(`Several environments in ${config.file} and no "defaultEnvironment": pass --env (${names.join(', ')}).`);
  const environment = config.environments[chosen];
  if (!environment) throw new CliError(`No environment "${chosen}" in ${config.file}; it has: ${names.join(', ')}.`);
  return environment;
}

export function applicationOf(config: ThreddConfig, environment: Environment): Application {
  const application = environment.application ? config.applications[environment.application] : undefined;
  if (!application)
    throw new CliError(`Environment "${environment.name}" names no application; add "application" to it in ${config.file}.`);
  return application;
}

/** TLS from --env (its mtls, ca, insecure) and/or --cert/--key/--ca files; an extra --ca adds to the environment's. */
export async function tlsFromOptions(values: CliValues, io: CliIo): Promise<{ tls: TlsSettings; environment?: Environment }> {
  let tls: TlsSettings = {};
  let environment: Environment | undefined;
  if (text(values, 'env') || text(values, 'config')) {
    environment = pickEnvironment(await loadConfig(values, io), text(values, 'env'));
    tls = await loadTlsSettings(environment, {
      certificatePassphrase: environment.clientCertificate?.passphrase ?? io.env.THREDD_CERT_PASSPHRASE,
    });
  }
  const cert = text(values, 'cert');
  const key = text(values, 'key');
  if (cert || key) {
    if (!cert || !key) throw new CliError('--cert and --key go together (the Transport Certificate and its private key).');
    tls.clientCertificate = await loadClientCertificate({
      kind: 'pem',
      cert: path.resolve(io.cwd, cert),
      key: path.resolve(io.cwd, key),
      passphrase: io.env.THREDD_CERT_PASSPHRASE,
    });
  }
  const ca = text(values, 'ca');
  if (ca) {
    const file = path.resolve(io.cwd, ca);
    tls.ca = (tls.ca ? `${tls.ca}\n` : '') + (await loadCa(file, { flag: '--ca' }));
    tls.caSource = file;
  }
  return { tls, environment };
}

/** Shows the first 6 characters and the length, so logs and screenshots never hold a usable token. */
export function redact(token: string): string {
  return `${token.slice(0, 6)}…(${token.length} chars)`;
}

export function printWarnings(io: CliIo, warnings: string[]): void {
  for (const warning of warnings) io.err(`warning: ${warning}\n`);
}
