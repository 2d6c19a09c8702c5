import { SANDBOX_API_ROOT } from '../../core/catalogue';
import { removeRunningFile, writeRunningFile } from '../../core/sandboxStatus/runningFile';
import { CLIENT_SECRET_ENV, DEFAULT_PORTS } from '../../sandbox/sandboxDefaults';
import { startSandbox, type RunningSandbox } from '../../sandbox/startSandbox';
import { CliError, type CliCommand } from '../command';
import { stringOption, wholeNumber } from './pkiCliSupport';
import { portOption, stateDirOf } from './sandboxCliSupport';

const USAGE = 'thredd sandbox [--state DIR] [--host 127.0.0.1] [--port-tls 8443] [--port-mtls 8444] [--latency MS] [--owner NAME] [--json]';

export const sandboxServeCommand: CliCommand = {
  path: ['sandbox'],
  summary: 'Run the local Thredd sandbox (CA, /oauth2/token, API on TLS and mTLS) until Ctrl+C',
  usage: USAGE,
  options: {
    state: { type: 'string' },
    host: { type: 'string' },
    'port-tls': { type: 'string' },
    'port-mtls': { type: 'string' },
    latency: { type: 'string' },
    // Who started it ("npm start", "VS Code"): an editor that finds this sandbox running says so.
    owner: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    if (positionals.length > 0)
      throw new CliError(`"sandbox ${positionals[0]}" is not a command: use thredd sandbox, thredd sandbox init or thredd sandbox issue.`);
    const json = values.json === true;
    const options = {
      stateDir: stateDirOf(values, io),
      host: stringOption(values, 'host'),
      ports: { tls: portOption(values, 'port-tls', DEFAULT_PORTS.tls), mtls: portOption(values, 'port-mtls', DEFAULT_PORTS.mtls) },
      apiLatencyMs: wholeNumber(values, 'latency', 0, 10_000),
      log: json ? undefined : (line: string) => io.out(`${new Date().toISOString().slice(11, 23)} ${line}\n`),
    };
    // Listen for Ctrl+C/SIGTERM before anything starts: a signal right after the URLs are printed must stop, not kill.
    const signal = listenForStop();
    let sandbox: RunningSandbox;
    try {
      sandbox = await startSandbox(options);
    } catch (error) {
      signal.dispose();
      throw error;
    }
    const { urls } = sandbox;
    const running = { pid: process.pid, owner: stringOption(values, 'owner') ?? 'thredd sandbox', startedAt: new Date().toISOString() };
    await writeRunningFile(sandbox.stateDir, { ...running, urls: { tls: urls.tls, mtls: urls.mtls, token: urls.token } });
    io.out(json ? JSON.stringify(describe(sandbox)) + '\n' : banner(sandbox));
    await signal.stopped;
    await removeRunningFile(sandbox.stateDir, process.pid);
    await sandbox.stop();
    if (!json) io.out('Sandbox stopped.\n');
    return 0;
  },
};

function describe(sandbox: RunningSandbox) {
  const { urls } = sandbox;
  return {
    urls: {
      tls: urls.tls,
      mtls: urls.mtls,
      token: urls.token,
      mtlsToken: urls.mtlsToken,
      introspection: urls.introspection,
      registration: urls.registration,
      portal: urls.portal,
      jwks: urls.jwks(),
      ehiJwks: sandbox.ehi.jwks,
    },
    orgId: sandbox.orgId,
    application: sandbox.application,
    stateDir: sandbox.stateDir,
    files: sandbox.files,
    ehi: { kid: sandbox.ehi.kid, files: sandbox.ehi.files },
  };
}

function banner(sandbox: RunningSandbox): string {
  const { urls, application } = sandbox;
  return [
    '',
    'Thredd sandbox running (Ctrl+C to stop)',
    `  API over TLS   ${urls.tls}${SANDBOX_API_ROOT}   (like uat-api)`,
    `  API over mTLS  ${urls.mtls}${SANDBOX_API_ROOT}   (like uat-mtls: client certificate required)`,
    `  Token          ${urls.token} and ${urls.mtlsToken}`,
    `  Org JWKS       ${urls.jwks()}`,
    `  Portal         ${urls.portal}/applications/${application.appId}/certificates`,
    '',
    `  Application ${application.appId}, PMID ${application.pmid}, scopes ${application.scopes.join(' ')}`,
    `  private_key_jwt client  ${application.clientIds.privateKeyJwt}`,
    `  client secret client    ${application.clientIds.clientSecret}`,
    '',
    `  State (CA keys)  ${sandbox.stateDir}`,
    `  Root CA          ${sandbox.files.rootCa}`,
    `  Client secret    ${sandbox.files.clientSecret}  (also ${CLIENT_SECRET_ENV} in the workspace .env after "thredd sandbox init")`,
    '',
    // Issue 14: scripts and users look for the line that starts with "EHI JWKS".
    `EHI JWKS  ${sandbox.ehi.jwks}   (Thredd's side: keys for X-Thredd-Signature, kid ${sandbox.ehi.kid})`,
    `  EHI trust chain   ${sandbox.ehi.files.trustChain}  (install on your EHI endpoint for mTLS)`,
    `  EHI client cert   ${sandbox.ehi.files.clientCert}`,
    '',
    'Set up a workspace (keys, certificates, thredd.json): thredd sandbox init --workspace DIR',
    '',
  ].join('\n');
}

/**
 * Listens for Ctrl+C (SIGINT) and SIGTERM from before the sandbox starts, so a signal that comes right
 * after the URLs are printed stops it cleanly instead of killing the process. The handlers go after the
 * first signal, so a second one still kills.
 */
function listenForStop(): { stopped: Promise<void>; dispose(): void } {
  let dispose: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      dispose();
      resolve();
    };
    dispose = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return { stopped, dispose };
}
