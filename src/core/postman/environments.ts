/**
 * The thredd.json side of an import: one environment per Postman environment file (or one named after the
 * collection when there is none), carrying the base URL, variables, and the token settings the collection's auth
 * or its Generate Token request gave; and an application per environment for those settings.
 */
import type { SecretNames } from './fileVariables';
import { isCredentialName } from './fileVariables';
import type { PostmanCollection, PostmanEnvironment, PostmanVariable } from './model';
import { environmentVariableName } from './names';
import { bareReference, substitute } from './references';
import type { TokenRequest } from './tokenPattern';

export interface ConfigEntry {
  name: string;
  entry: Record<string, unknown>;
}

export interface EnvironmentPlan {
  environments: ConfigEntry[];
  applications: ConfigEntry[];
  notes: { name: string; message: string }[];
}

const BASE_URL_NAMES = /^(base_?url|base_?uri|api_?url|url|host|base|server)$/i;
const HTTP_URL = /^https?:\/\/[^\s{}]+$/;

function valuesOf(variables: readonly PostmanVariable[]): Map<string, string> {
  return new Map(variables.filter((variable) => !variable.disabled).map((variable) => [variable.key, variable.value]));
}

function baseUrlOf(values: ReadonlyMap<string, string>, requestUrls: readonly string[]): string | undefined {
  for (const [key, value] of values) {
    const resolved = substitute(value, values).replace(/\/+$/, '');
    if (BASE_URL_NAMES.test(key) && HTTP_URL.test(resolved)) return resolved;
  }
  for (const raw of requestUrls) {
    const resolved = substitute(raw, values);
    const origin = /^(https?:\/\/[^/?#\s{}]+)/.exec(resolved)?.[1];
    if (origin) return origin;
  }
  return undefined;
}

function secretReference(key: string, secrets: SecretNames): string {
  return `\${env:${secrets.take(key)}}`;
}

export interface EnvironmentInput {
  collection: PostmanCollection;
  environments: readonly PostmanEnvironment[];
  /** Collection variables that an environment also sets: written into every environment so the environment's value wins. */
  overridden: ReadonlySet<string>;
  token?: Omit<TokenRequest, 'variable'>;
  requestUrls: readonly string[];
  secrets: SecretNames;
}

function applicationEntry(
  token: Omit<TokenRequest, 'variable'>,
  values: ReadonlyMap<string, string>,
  secrets: SecretNames,
  note: (m: string) => void,
) {
  let clientId = substitute(token.clientId, values);
  if (!clientId || clientId.includes('{{')) {
    const name = bareReference(token.clientId) ?? 'client_id';
    clientId = `\${env:${environmentVariableName(name)}}`;
    note(`the client id has no value here; it is read from the environment variable ${environmentVariableName(name)}`);
  }
  const scopes = token.scopes.map((scope) => substitute(scope, values)).filter((scope) => !scope.includes('{{'));
  if (token.method === 'private_key_jwt') {
    note(
      'the token request signs a client assertion (private_key_jwt): put the Signing key at keys/signing.key or change "key" to its path',
    );
    return { clientId, auth: { method: 'private_key_jwt', key: 'keys/signing.key' }, scopes };
  }
  // The secret never goes into thredd.json: Thredd reads it from the process environment.
  const secretName = bareReference(token.clientSecret ?? '') ?? 'client_secret';
  return { clientId, auth: { method: token.method, secret: secretReference(secretName, secrets) }, scopes };
}

export function planEnvironments(input: EnvironmentInput): EnvironmentPlan {
  const plan: EnvironmentPlan = { environments: [], applications: [], notes: [] };
  const collectionValues = valuesOf(input.collection.variables);
  const sources: { name: string; variables: PostmanVariable[] }[] = input.environments.length
    ? input.environments.map((environment) => ({ name: environment.name, variables: environment.values }))
    : [{ name: input.collection.name, variables: [] }];
  for (const source of sources) {
    const note = (message: string) => plan.notes.push({ name: `environment "${source.name}"`, message });
    const values = new Map([...collectionValues, ...valuesOf(source.variables)]);
    const variables: Record<string, string> = {};
    const own = new Set(source.variables.map((variable) => variable.key));
    const inherited = input.collection.variables.filter((variable) => input.overridden.has(variable.key) && !own.has(variable.key));
    for (const variable of [...source.variables, ...inherited]) {
      if (variable.disabled) {
        note(`variable "${variable.key}" is disabled in Postman and was not imported`);
        continue;
      }
      // A credential-like name gets an ${env:} reference even when empty, so its value is never pasted into thredd.json.
      variables[variable.key] =
        variable.secret || isCredentialName(variable.key) ? secretReference(variable.key, input.secrets) : variable.value;
    }
    let baseUrl = baseUrlOf(values, input.requestUrls);
    if (!baseUrl) {
      baseUrl = 'http://localhost';
      note('no base URL was found (no baseUrl-like variable, no absolute request URL): set "baseUrl"');
    }
    const entry: Record<string, unknown> = { baseUrl };
    if (input.token) {
      const tokenUrl = substitute(input.token.tokenUrl, values);
      if (HTTP_URL.test(tokenUrl)) {
        entry.tokenUrl = tokenUrl;
        entry.application = source.name;
        plan.applications.push({ name: source.name, entry: applicationEntry(input.token, values, input.secrets, note) });
      } else {
        note(`the token URL "${input.token.tokenUrl}" has no value here, so no tokenUrl or application was written: add them`);
      }
    }
    if (Object.keys(variables).length) entry.variables = variables;
    plan.environments.push({ name: source.name, entry });
  }
  return plan;
}
