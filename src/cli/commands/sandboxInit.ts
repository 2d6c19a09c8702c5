import * as path from 'node:path';
import { initSandboxWorkspace } from '../../sandbox/initSandboxWorkspace';
import { CLIENT_SECRET_ENV, DEFAULT_PORTS } from '../../sandbox/sandboxDefaults';
import { openSandboxState } from '../../sandbox/sandboxState';
import { sandboxUrls } from '../../sandbox/sandboxUrls';
import type { CliCommand } from '../command';
import { stringOption } from './pkiCliSupport';
import { daysOption, portOption, stateDirOf } from './sandboxCliSupport';

const USAGE =
  'thredd sandbox init [--workspace DIR] [--state DIR] [--host 127.0.0.1] [--port-tls 8443] [--port-mtls 8444] [--days N] [--json]';

export const sandboxInitCommand: CliCommand = {
  path: ['sandbox', 'init'],
  summary: 'Generate sandbox keys and CSRs, have the sandbox CA issue the certificates, and write thredd.json',
  usage: USAGE,
  options: {
    workspace: { type: 'string' },
    state: { type: 'string' },
    host: { type: 'string' },
    'port-tls': { type: 'string' },
    'port-mtls': { type: 'string' },
    days: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const workspaceDir = path.resolve(io.cwd, stringOption(values, 'workspace') ?? '.');
    const stateDir = stateDirOf(values, io, workspaceDir);
    const { identity } = await openSandboxState(stateDir);
    const tlsPort = portOption(values, 'port-tls', DEFAULT_PORTS.tls);
    const mtlsPort = portOption(values, 'port-mtls', DEFAULT_PORTS.mtls);
    const urls = sandboxUrls(stringOption(values, 'host') ?? '127.0.0.1', tlsPort, mtlsPort, identity.orgId);
    const result = await initSandboxWorkspace({ workspaceDir, sandbox: { stateDir, urls }, days: daysOption(values) });
    if (values.json) {
      io.out(JSON.stringify({ ...result, stateDir }, null, 2) + '\n');
      return 0;
    }
    const shown = (file: string) => path.relative(io.cwd, file) || '.';
    io.out(
      [
        ...result.changes.map((change) => `${change.action.padEnd(9)} ${shown(change.file)}`),
        '',
        `Signing certificate KID ${result.kid} (on the organisation JWKS); environments ` +
          `${result.environments.join(', ')} in ${shown(result.configFile)}.`,
        `EHI: Thredd's signing kid ${result.ehi.kid}; trust chain for your endpoint's mTLS ${shown(result.ehi.files.trustChain)}.`,
        `The client secret is in ${shown(result.files.dotenv)} as ${CLIENT_SECRET_ENV} (git-ignored); ` +
          'thredd.json reads it from the environment.',
        `Next: thredd sandbox --state ${shown(stateDir)}   (then send the requests in ${shown(workspaceDir)})`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
