// A sandbox on free ports of 127.0.0.1 with a workspace set up by initSandboxWorkspace, and the project's
// own HTTP and token clients: the journey the samples make, driven from tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseEnv } from 'node:util';
import type { ClientRegistration, TokenResult } from '../../../src/core/auth';
import { registerClient, TokenClient } from '../../../src/core/auth';
import { loadConfigFile, type Application, type Environment, type ThreddConfig } from '../../../src/core/config';
import {
  bodyBytes,
  createHttpClient,
  HttpClient,
  loadTlsSettings,
  type HttpResponse,
  type NetworkOptions,
  type TlsSettings,
} from '../../../src/core/http';
import { SANDBOX_API_ROOT } from '../../../src/core/catalogue';
import {
  initSandboxWorkspace,
  startSandbox,
  type InitSandboxWorkspaceResult,
  type RunningSandbox,
  type StartSandboxOptions,
} from '../../../src/sandbox';

export interface SandboxFixture {
  dir: string;
  workspace: string;
  stateDir: string;
  sandbox: RunningSandbox;
  init: InitSandboxWorkspaceResult;
  config: ThreddConfig;
  http: HttpClient;
  tokens: TokenClient;
  target(environment: string): { environment: Environment; application: Application };
  tls(environment: string): Promise<TlsSettings>;
  token(environment: string, scopes?: string[]): Promise<TokenResult>;
  /** An API call with the token and X-Region headers given (nothing is added). */
  call(
    method: string,
    url: string,
    options?: { headers?: Record<string, string>; body?: unknown; tls?: TlsSettings },
  ): Promise<{ response: HttpResponse; json: Record<string, unknown> }>;
  /**
   * A call of the sandbox's API (`path` below /core/api/v1) as a client of `environment` (default sandbox-mtls)
   * makes it: its token, its certificate, X-Region 0; `headers` adds to or replaces those.
   */
  api(method: string, path: string, options?: ApiCallOptions): Promise<ApiAnswer>;
  /**
   * Registers a client (RFC 7591) over mTLS with a software statement the sandbox's portal issues for its
   * application, and the client metadata given.
   */
  register(metadata: Record<string, unknown>): Promise<ClientRegistration>;
  close(): Promise<void>;
}

export interface ApiCallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  environment?: string;
}

export interface ApiAnswer {
  status: number;
  headers: HttpResponse['headers'];
  /** The JSON body; undefined when there is none (a 204). */
  json: unknown;
}

/** The API root the sandbox serves, as request files write it after {{baseUrl}}. */
export const API = SANDBOX_API_ROOT;

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** `network` routes the fixture's HTTP client (e.g. through a test proxy); direct by default. */
export async function startSandboxFixture(
  options: Partial<StartSandboxOptions> & { dir?: string; network?: NetworkOptions } = {},
): Promise<SandboxFixture> {
  const dir = options.dir ?? tempDir('thredd-sandbox-');
  const workspace = path.join(dir, 'workspace');
  const stateDir = path.join(workspace, '.thredd', 'sandbox');
  const { network, ...sandboxOptions } = options;
  const sandbox = await startSandbox({ ports: { tls: 0, mtls: 0 }, ...sandboxOptions, stateDir });
  const init = await initSandboxWorkspace({ workspaceDir: workspace, sandbox });
  const secret = parseEnv(fs.readFileSync(init.files.dotenv, 'utf8')).THREDD_SANDBOX_CLIENT_SECRET;
  const loaded = await loadConfigFile(init.configFile, { env: { THREDD_SANDBOX_CLIENT_SECRET: secret } });
  if (!loaded.config) throw new Error(`thredd.json from sandbox init is invalid: ${JSON.stringify(loaded.diagnostics)}`);
  const config = loaded.config;
  const http = createHttpClient({ network });
  const tokens = new TokenClient({ http });
  const target = (name: string) => {
    const environment = config.environments[name];
    return { environment, application: config.applications[environment.application!] };
  };
  const tls = (name: string) => loadTlsSettings(config.environments[name]);
  const accessTokens = new Map<string, Promise<string>>();
  const accessToken = (name: string) => {
    let token = accessTokens.get(name);
    if (!token) {
      token = tokens.requestToken(target(name)).then((result) => result.accessToken);
      accessTokens.set(name, token);
    }
    return token;
  };
  const call: SandboxFixture['call'] = async (method, url, callOptions = {}) => {
    const headers = {
      accept: 'application/json',
      ...(callOptions.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...callOptions.headers,
    };
    const response = await http.send({
      method,
      url,
      headers,
      body: callOptions.body === undefined ? undefined : JSON.stringify(callOptions.body),
      tls: callOptions.tls,
    });
    const text = (await bodyBytes(response.body)).toString('utf8');
    return { response, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return {
    dir,
    workspace,
    stateDir,
    sandbox,
    init,
    config,
    http,
    tokens,
    target,
    tls,
    token: (name, scopes) => tokens.requestToken({ ...target(name), scopes }),
    call,
    async api(method, path, apiOptions = {}) {
      const name = apiOptions.environment ?? 'sandbox-mtls';
      const headers = {
        accept: 'application/json',
        authorization: `Bearer ${await accessToken(name)}`,
        'x-region': '0',
        ...(apiOptions.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...apiOptions.headers,
      };
      const body = apiOptions.body === undefined ? undefined : JSON.stringify(apiOptions.body);
      const url = `${config.environments[name].baseUrl}${SANDBOX_API_ROOT}${path}`;
      const response = await http.send({ method, url, headers, body, tls: await tls(name) });
      const text = (await bodyBytes(response.body)).toString('utf8');
      return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
    },
    async register(metadata) {
      const ssa = await call('POST', `${sandbox.urls.portal}/applications/${sandbox.application.appId}/software-statement`, {
        tls: { ca: sandbox.caCertPem },
      });
      if (ssa.response.status !== 201) throw new Error(`the portal answered ${ssa.response.status} for a software statement`);
      return registerClient(http, {
        registrationUrl: String(ssa.json.registration_endpoint),
        softwareStatement: String(ssa.json.software_statement),
        initialAccessToken: String(ssa.json.initial_access_token),
        metadata,
        tls: await tls('sandbox-mtls'),
      });
    },
    async close() {
      await http.close();
      await sandbox.stop();
      if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
