// A sandbox on free ports of 127.0.0.1 with a workspace set up by initSandboxWorkspace, and the project's
// own HTTP and token clients: the journey the samples make, driven from tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseEnv } from 'node:util';
import type { TokenResult } from '../../../src/core/auth';
import { TokenClient } from '../../../src/core/auth';
import { loadConfigFile, type Application, type Environment, type ThreddConfig } from '../../../src/core/config';
import { bodyBytes, createHttpClient, HttpClient, loadTlsSettings, type HttpResponse, type TlsSettings } from '../../../src/core/http';
import { initSandboxWorkspace, startSandbox, type InitSandboxWorkspaceResult, type RunningSandbox, type StartSandboxOptions } from '../../../src/sandbox';

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
  call(method: string, url: string, options?: { headers?: Record<string, string>; body?: unknown; tls?: TlsSettings }): Promise<{ response: HttpResponse; json: Record<string, unknown> }>;
  close(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startSandboxFixture(options: Partial<StartSandboxOptions> & { dir?: string } = {}): Promise<SandboxFixture> {
  const dir = options.dir ?? tempDir('thredd-sandbox-');
  const workspace = path.join(dir, 'workspace');
  const stateDir = path.join(workspace, '.thredd', 'sandbox');
  const sandbox = await startSandbox({ ports: { tls: 0, mtls: 0 }, ...options, stateDir });
  const init = await initSandboxWorkspace({ workspaceDir: workspace, sandbox });
  const secret = parseEnv(fs.readFileSync(init.files.dotenv, 'utf8')).THREDD_SANDBOX_CLIENT_SECRET;
  const loaded = await loadConfigFile(init.configFile, { env: { THREDD_SANDBOX_CLIENT_SECRET: secret } });
  if (!loaded.config) throw new Error(`thredd.json from sandbox init is invalid: ${JSON.stringify(loaded.diagnostics)}`);
  const config = loaded.config;
  const http = createHttpClient();
  const tokens = new TokenClient({ http });
  const target = (name: string) => {
    const environment = config.environments[name];
    return { environment, application: config.applications[environment.application!] };
  };
  const tls = (name: string) => loadTlsSettings(config.environments[name]);
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
    async call(method, url, callOptions = {}) {
      const headers = { accept: 'application/json', ...(callOptions.body === undefined ? {} : { 'content-type': 'application/json' }), ...callOptions.headers };
      const response = await http.send({ method, url, headers, body: callOptions.body === undefined ? undefined : JSON.stringify(callOptions.body), tls: callOptions.tls });
      const text = (await bodyBytes(response.body)).toString('utf8');
      return { response, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    async close() {
      await http.close();
      await sandbox.stop();
      if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
