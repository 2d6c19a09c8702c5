// Runs a corpus case the way a user meets it: through the CLI (what it prints and its exit code) and,
// where the CLI turns a thrown error into its one line, through the core call behind the command too,
// so the test can check that error is a user error (userMessageOf knows it), not a bug.
import * as fs from 'node:fs';
import { runCli } from '../../../src/cli/main';
import { envSecretSource, TokenClient } from '../../../src/core/auth';
import { loadConfigFile } from '../../../src/core/config';
import { userMessageOf } from '../../../src/core/errors/userMessage';
import { createHttpClient, type HttpTimeouts } from '../../../src/core/http';
import { exportPkcs12, inspectFile } from '../../../src/core/pki';
import { parseRequestFile } from '../../../src/core/requestFile';
import { releaseResult, RequestRunner, type RequestRunnerOptions, type RunError } from '../../../src/core/runner';
import { runSession } from '../../../src/core/session';
import type { BadInputCase } from '../../fixtures/bad/cases';
import type { CaseWorkspace } from './caseWorkspace';

export interface CaseOutcome {
  /** What the user sees: the CLI's output, or the core's user message when the case has no CLI path. */
  shown: string;
  /** The CLI's exit code, when the case went through the CLI. */
  exitCode?: number;
  /** Errors the core threw: each must be a user error. */
  thrown: unknown[];
  /** Runner failures: none may be of kind "unknown", the runner's word for a bug. */
  runErrors: RunError[];
}

const PFX_OUT_PASSPHRASE = { CORPUS_PFX_OUT: 'corpus-out' };

export async function runCase(testCase: BadInputCase, workspace: CaseWorkspace): Promise<CaseOutcome> {
  const env: Record<string, string> = { ...testCase.env, ...PFX_OUT_PASSPHRASE };
  const { file } = workspace;
  const via = testCase.via;
  switch (via.command) {
    case 'cert inspect': {
      const options = [
        ...(via.key ? ['--key', via.key] : []),
        ...(via.ca ? ['--ca', via.ca] : []),
        ...(via.passphraseEnv ? ['--passphrase-env', via.passphraseEnv] : []),
      ];
      const passphrase = via.passphraseEnv ? env[via.passphraseEnv] : undefined;
      const thrown = await caught(() =>
        inspectFile(file(via.file), { keyFile: via.key && file(via.key), caFile: via.ca && file(via.ca), passphrase }),
      );
      return { ...(await cli(['cert', 'inspect', via.file, ...options], workspace, env)), thrown, runErrors: [] };
    }
    case 'cert pfx': {
      const thrown = await caught(() =>
        exportPkcs12({
          certFile: file(via.cert),
          keyFile: file(via.key),
          outFile: file(via.out),
          passphrase: PFX_OUT_PASSPHRASE.CORPUS_PFX_OUT,
        }),
      );
      const argv = ['cert', 'pfx', '--cert', via.cert, '--key', via.key, '--out', via.out, '--passphrase-env', 'CORPUS_PFX_OUT'];
      return { ...(await cli(argv, workspace, env)), thrown, runErrors: [] };
    }
    case 'config check':
      return { ...(await cli(['config', 'check', '--config', workspace.configFile!], workspace, env)), thrown: [], runErrors: [] };
    case 'token': {
      const thrown = await requestToken(workspace.configFile!, env);
      return { ...(await cli(['token', '--config', workspace.configFile!], workspace, env)), thrown, runErrors: [] };
    }
    case 'run': {
      const runErrors = await runRequests(workspace, env, {});
      return { ...(await cli(['run', workspace.requestFile!, '--config', workspace.configFile!], workspace, env)), thrown: [], runErrors };
    }
    case 'token client': {
      const thrown = await requestToken(workspace.configFile!, env, { headersMs: via.timeoutMs });
      return {
        shown: thrown.map((error) => userMessageOf(error) ?? String((error as Error)?.stack ?? error)).join('\n'),
        thrown,
        runErrors: [],
      };
    }
    case 'runner': {
      const runErrors = await runRequests(workspace, env, {
        maxBodyBytes: via.maxBodyBytes,
        spillDir: testCase.writes && file(testCase.writes),
      });
      return { shown: runErrors.map((error) => `${error.message} ${error.explanation}`).join('\n'), thrown: [], runErrors };
    }
  }
}

async function cli(argv: string[], workspace: CaseWorkspace, env: Record<string, string>): Promise<{ shown: string; exitCode: number }> {
  let shown = '';
  const write = (text: string) => void (shown += text);
  const exitCode = await runCli(argv, { out: write, err: write, env, cwd: workspace.dir });
  return { shown, exitCode };
}

async function caught(work: () => Promise<unknown>): Promise<unknown[]> {
  try {
    await work();
    return [];
  } catch (error) {
    return [error];
  }
}

/** What `thredd token` does for the default environment, with the core's TokenClient. */
async function requestToken(configFile: string, env: Record<string, string>, timeouts?: HttpTimeouts): Promise<unknown[]> {
  const { config } = await loadConfigFile(configFile, { env });
  if (!config) return []; // a thredd.json with errors is reported as diagnostics, nothing is thrown
  const environment = config.environments[config.defaultEnvironment!];
  const http = createHttpClient();
  try {
    const client = new TokenClient({ http, secrets: envSecretSource(env), timeouts });
    return await caught(() => client.requestToken({ environment, application: config.applications[environment.application!] }));
  } finally {
    await http.close();
  }
}

/** What `thredd run` does, with the core's run session; returns the failures of the requests. */
async function runRequests(
  workspace: CaseWorkspace,
  env: Record<string, string>,
  options: Partial<RequestRunnerOptions>,
): Promise<RunError[]> {
  const { config } = await loadConfigFile(workspace.configFile!, { env });
  const parsed = parseRequestFile(fs.readFileSync(workspace.requestFile!, 'utf8'));
  if (!config || parsed.binary) return []; // the CLI refuses these before the runner sees them
  const http = createHttpClient();
  try {
    const runner = new RequestRunner({ http, secrets: envSecretSource(env), ...options });
    const files = [{ path: workspace.requestFile!, shown: workspace.requestFile!, parsed }];
    const summary = await runSession({ runner, files, contextFor: () => ({ config, processEnv: env, workspaceRoot: workspace.dir }) });
    const results = summary.groups.flatMap((group) => group.results);
    await Promise.all(results.map((result) => releaseResult(result)));
    return results.flatMap((result) => (result.error ? [result.error] : []));
  } finally {
    await http.close();
  }
}
