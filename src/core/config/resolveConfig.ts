import * as path from 'node:path';
import { suggestionText } from '../text/suggest';
import type { ConfigDiagnostic } from './diagnostics';
import { expandEnvReferences, hasEnvReference, type EnvLookup } from './expandEnv';
import type { JsoncDocument, JsonPath } from './jsoncDocument';
import { resolveProxySetting } from './proxySetting';
import type { Application, ApplicationAuth, ClientCertificate, Environment, Region, SigningAlgorithm, ThreddConfig } from './types';

export interface ResolveOptions {
  env: EnvLookup;
  /** False in an untrusted workspace: `${env:...}` values are left unset instead of read. */
  expandEnv: boolean;
  fileExists: (absolutePath: string) => boolean;
}

type RawObject = Record<string, unknown>;

/**
 * Turns a shape-valid thredd.json value into a ThreddConfig: expands `${env:NAME}`, resolves paths
 * against the file's folder, and checks what a schema cannot (references between entries, files on disk).
 */
export function resolveConfig(raw: RawObject, document: JsoncDocument, file: string, options: ResolveOptions) {
  const diagnostics: ConfigDiagnostic[] = [];
  const dir = path.dirname(file);
  const report = (at: JsonPath, severity: ConfigDiagnostic['severity'], message: string, fix: string) =>
    diagnostics.push({ file, range: document.rangeOf(at), severity, message, fix });

  /**
   * A string value with `${env:...}` expanded; unset references come back undefined.
   * `secret`: VS Code can ask for it, so unset is a warning. `optional`: the value can wait (a KID that
   * `thredd sandbox init` has not written to .env yet), so unset is a warning too. Otherwise an error.
   */
  const text = (at: JsonPath, value: unknown, secret = false, optional = false): string | undefined => {
    if (typeof value !== 'string') return undefined;
    if (!hasEnvReference(value)) return value;
    if (!options.expandEnv) return undefined;
    const { value: expanded, missing } = expandEnvReferences(value, options.env);
    if (missing.length === 0) return expanded;
    const names = missing.join(', ');
    if (secret) {
      report(
        at,
        'warning',
        `Environment variable ${names} is not set.`,
        `Export ${names} or set it in the .env beside thredd.json, or (in VS Code) run "Thredd: Set Client Secret" ` +
          'to keep it in SecretStorage.',
      );
    } else if (optional) {
      report(
        at,
        'warning',
        `Environment variable ${names} is not set; client assertions carry no kid until it is.`,
        `Export ${names} or set it in the .env beside thredd.json ("thredd sandbox init" writes the sandbox's).`,
      );
    } else {
      report(
        at,
        'error',
        `Environment variable ${names} is not set.`,
        `Export ${names} or set it in the .env beside thredd.json, or replace the reference with a value.`,
      );
    }
    return undefined;
  };

  const filePath = (at: JsonPath, value: unknown): string | undefined => {
    const relative = text(at, value);
    if (relative === undefined) return undefined;
    const absolute = path.resolve(dir, relative);
    if (!options.fileExists(absolute)) {
      // A warning: a new thredd.json names certificates before they are generated and issued.
      report(
        at,
        'warning',
        `File not found: ${relative} (looked for ${absolute}).`,
        'Fix the path (relative to thredd.json), or generate the key and CSR with "Thredd: Generate Key and CSR…".',
      );
    }
    return absolute;
  };

  const url = (at: JsonPath, value: unknown): string | undefined => {
    const expanded = text(at, value);
    if (expanded === undefined) return undefined;
    if (!/^https?:\/\/[^\s/]+/i.test(expanded)) {
      report(at, 'error', `"${expanded}" is not an http(s) URL.`, 'Write a full URL such as https://uat-mtls.thredd.com.');
    }
    return expanded;
  };

  const applications: Record<string, Application> = {};
  for (const [name, value] of Object.entries((raw.applications ?? {}) as Record<string, RawObject>)) {
    const at = ['applications', name];
    const auth = resolveAuth(value.auth as RawObject, [...at, 'auth'], text, filePath, report);
    applications[name] = {
      name,
      appId: text([...at, 'appId'], value.appId),
      clientId: text([...at, 'clientId'], value.clientId) ?? '',
      auth,
      scopes: (value.scopes as string[] | undefined) ?? [],
      range: document.rangeOf(at),
    };
  }

  const environments: Record<string, Environment> = {};
  for (const [name, value] of Object.entries(raw.environments as Record<string, RawObject>)) {
    const at = ['environments', name];
    const application = value.application as string | undefined;
    if (application !== undefined && !(application in applications)) {
      report(
        [...at, 'application'],
        'error',
        `Environment "${name}" names application "${application}", which is not in "applications": ` +
          `${suggestionText(application, Object.keys(applications))}`,
        'Add the application under "applications" or fix the name.',
      );
    }
    const mtls = value.mtls as RawObject | undefined;
    const tokenUrl = url([...at, 'tokenUrl'], value.tokenUrl);
    environments[name] = {
      name,
      baseUrl: url([...at, 'baseUrl'], value.baseUrl) ?? '',
      tokenUrl,
      audience: text([...at, 'audience'], value.audience) ?? tokenUrl,
      introspectionUrl: url([...at, 'introspectionUrl'], value.introspectionUrl),
      registrationUrl: url([...at, 'registrationUrl'], value.registrationUrl),
      region: (value.region as Region | undefined) ?? '0',
      application,
      clientCertificate: mtls ? resolveClientCertificate(mtls, [...at, 'mtls'], text, filePath, report) : undefined,
      ca: filePath([...at, 'ca'], value.ca) ?? (mtls ? filePath([...at, 'mtls', 'ca'], mtls.ca) : undefined),
      insecure: value.insecure === true,
      proxy: resolveProxySetting([...at, 'proxy'], value.proxy, text, report),
      proxyCa: filePath([...at, 'proxyCa'], value.proxyCa),
      variables: Object.fromEntries(
        Object.entries((value.variables ?? {}) as Record<string, string>).map(([key, item]) => [
          key,
          text([...at, 'variables', key], item) ?? '',
        ]),
      ),
      range: document.rangeOf(at),
    };
  }

  const defaultEnvironment = raw.defaultEnvironment as string | undefined;
  if (defaultEnvironment !== undefined && !(defaultEnvironment in environments)) {
    report(
      ['defaultEnvironment'],
      'error',
      `"defaultEnvironment" is "${defaultEnvironment}", which is not in "environments": ` +
        `${suggestionText(defaultEnvironment, Object.keys(environments))}`,
      `Set it to one of: ${Object.keys(environments).join(', ') || '(add an environment first)'}.`,
    );
  }

  const config: ThreddConfig = { file, dir, defaultEnvironment, environments, applications };
  return { config, diagnostics };
}

type Text = (at: JsonPath, value: unknown, secret?: boolean, optional?: boolean) => string | undefined;
type FilePath = (at: JsonPath, value: unknown) => string | undefined;
type Report = (at: JsonPath, severity: 'error' | 'warning', message: string, fix: string) => void;

function resolveClientCertificate(
  mtls: RawObject,
  at: JsonPath,
  text: Text,
  filePath: FilePath,
  report: Report,
): ClientCertificate | undefined {
  const passphrase = text([...at, 'passphrase'], mtls.passphrase, true);
  const hasPem = mtls.cert !== undefined || mtls.key !== undefined;
  if (mtls.pfx !== undefined && hasPem) {
    report(at, 'error', '"mtls" has both "pfx" and "cert"/"key".', 'Keep either "pfx" (+ "passphrase") or "cert" + "key".');
    return undefined;
  }
  if (mtls.pfx !== undefined) return { kind: 'pfx', pfx: filePath([...at, 'pfx'], mtls.pfx) ?? '', passphrase };
  if (mtls.cert === undefined || mtls.key === undefined) {
    report(
      at,
      'error',
      '"mtls" needs both "cert" and "key" (or a "pfx").',
      'Add the Transport Certificate ("cert") and its private key ("key").',
    );
    return undefined;
  }
  return { kind: 'pem', cert: filePath([...at, 'cert'], mtls.cert) ?? '', key: filePath([...at, 'key'], mtls.key) ?? '', passphrase };
}

function resolveAuth(auth: RawObject, at: JsonPath, text: Text, filePath: FilePath, report: Report): ApplicationAuth {
  if (auth.method === 'private_key_jwt') {
    if (auth.key === undefined) {
      report(
        at,
        'error',
        'private_key_jwt needs "key", the Signing Certificate\'s private key.',
        'Add "key": "certs/<name>-rtssigning.key".',
      );
    }
    if (auth.secret !== undefined) {
      report(
        [...at, 'secret'],
        'warning',
        '"secret" is ignored with private_key_jwt.',
        'Remove "secret", or use "method": "client_secret".',
      );
    }
    return {
      method: 'private_key_jwt',
      key: filePath([...at, 'key'], auth.key) ?? '',
      cert: filePath([...at, 'cert'], auth.cert),
      kid: text([...at, 'kid'], auth.kid, false, true),
      alg: auth.alg as SigningAlgorithm | undefined,
      passphrase: text([...at, 'passphrase'], auth.passphrase, true),
    };
  }
  for (const key of ['key', 'cert', 'kid', 'alg'] as const) {
    if (auth[key] !== undefined) {
      report(
        [...at, key],
        'warning',
        `"${key}" is only used with private_key_jwt.`,
        `Remove "${key}", or set "method": "private_key_jwt".`,
      );
    }
  }
  // "client_secret" is the Thredd guide's name for client_secret_post.
  const method = auth.method === 'client_secret_basic' ? 'client_secret_basic' : 'client_secret_post';
  return { method, secret: text([...at, 'secret'], auth.secret, true) };
}
