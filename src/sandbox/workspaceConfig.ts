import { ConfigEditError, ConfigEditor } from '../core/config/configEditor';
import { CLIENT_SECRET_ENV, KID_ENV } from './sandboxDefaults';
import { SandboxError } from './sandboxErrors';
import type { SandboxUrls } from './sandboxUrls';

/** The names `sandbox init` gives its entries in thredd.json (the samples' .thredd files use them). */
export const SANDBOX_ENTRY_NAMES = {
  tlsEnvironment: 'sandbox',
  mtlsEnvironment: 'sandbox-mtls',
  readOnlyEnvironment: 'sandbox-readonly',
  privateKeyJwtApplication: 'sandbox-app',
  clientSecretApplication: 'sandbox-secret-app',
  readOnlyApplication: 'sandbox-readonly-app',
} as const;

export interface SandboxConfigInput {
  urls: SandboxUrls;
  appId: string;
  clientIds: { privateKeyJwt: string; clientSecret: string };
  scopes: string[];
  /** Paths relative to thredd.json, with forward slashes. */
  files: { ca: string; transportCert: string; transportKey: string; signingKey: string; signingCert: string };
}

/**
 * The sandbox's environments and applications for thredd.json:
 * - `sandbox-mtls` (the default): private_key_jwt over mTLS, tokens bound to the Transport certificate;
 * - `sandbox`: the TLS listener with the client secret, read from ${env:THREDD_SANDBOX_CLIENT_SECRET};
 * - `sandbox-readonly`: like sandbox-mtls but asking only for cards.read, to see a 403 for writes.
 */
export function sandboxConfigEntries(input: SandboxConfigInput) {
  const names = SANDBOX_ENTRY_NAMES;
  // cardProduct: Create Card's product id, a product of the sandbox's program (a UAT environment names its own).
  const variables = { tlsBaseUrl: input.urls.tls, mtlsBaseUrl: input.urls.mtls, cardProduct: '1001' };
  const mtls = { cert: input.files.transportCert, key: input.files.transportKey };
  const privateKeyJwt = {
    method: 'private_key_jwt',
    key: input.files.signingKey,
    cert: input.files.signingCert,
    // Generated per sandbox, so it lives in the git-ignored .env and a committed thredd.json stays unchanged.
    kid: `\${env:${KID_ENV}}`,
    alg: 'RS256',
  };
  const readScope = input.scopes.filter((scope) => scope.endsWith('.read'));
  return {
    environments: {
      [names.mtlsEnvironment]: {
        baseUrl: input.urls.mtls,
        tokenUrl: input.urls.mtlsToken,
        region: '0',
        application: names.privateKeyJwtApplication,
        ca: input.files.ca,
        mtls,
        variables,
      },
      [names.tlsEnvironment]: {
        baseUrl: input.urls.tls,
        tokenUrl: input.urls.token,
        region: '0',
        application: names.clientSecretApplication,
        ca: input.files.ca,
        variables,
      },
      [names.readOnlyEnvironment]: {
        baseUrl: input.urls.mtls,
        tokenUrl: input.urls.mtlsToken,
        region: '0',
        application: names.readOnlyApplication,
        ca: input.files.ca,
        mtls,
        variables,
      },
    } as Record<string, Record<string, unknown>>,
    applications: {
      [names.privateKeyJwtApplication]: {
        appId: input.appId,
        clientId: input.clientIds.privateKeyJwt,
        auth: privateKeyJwt,
        scopes: input.scopes,
      },
      [names.clientSecretApplication]: {
        appId: input.appId,
        clientId: input.clientIds.clientSecret,
        auth: { method: 'client_secret_post', secret: `\${env:${CLIENT_SECRET_ENV}}` },
        scopes: input.scopes,
      },
      [names.readOnlyApplication]: { appId: input.appId, clientId: input.clientIds.privateKeyJwt, auth: privateKeyJwt, scopes: readScope },
    } as Record<string, Record<string, unknown>>,
  };
}

const NEW_CONFIG = `{
  // Thredd environments and applications. "thredd sandbox init" (or "Thredd: Set Up Sandbox Credentials") wrote the
  // sandbox-* entries and the files they name (certs/, .env); run it again to refresh them.
  "defaultEnvironment": "sandbox-mtls",
  "environments": {},
  "applications": {}
}
`;

/**
 * thredd.json text with the sandbox entries added or replaced, everything else (the user's own entries,
 * comments, formatting) kept, edited in place by the ConfigEditor. `defaultEnvironment` is set only when
 * missing or naming no environment.
 */
export function applySandboxConfig(text: string | undefined, file: string, input: SandboxConfigInput): string {
  try {
    const editor = ConfigEditor.open(text, file, { skeleton: NEW_CONFIG, purpose: 'the sandbox entries cannot be added to it' });
    const entries = sandboxConfigEntries(input);
    for (const [name, environment] of Object.entries(entries.environments)) editor.set('environments', name, environment, { force: true });
    for (const [name, application] of Object.entries(entries.applications)) editor.set('applications', name, application, { force: true });
    editor.setDefaultEnvironment(SANDBOX_ENTRY_NAMES.mtlsEnvironment);
    return editor.text;
  } catch (error) {
    // The sandbox commands report SandboxErrors, with the step that gets the user going again.
    if (error instanceof ConfigEditError) {
      throw new SandboxError(error.message, 'Fix the file (the Problems view shows where), then run "thredd sandbox init" again.');
    }
    throw error;
  }
}
