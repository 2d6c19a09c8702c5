import { checkEhiEndpoint, formatReport, loadCheckOptions } from '../../core/ehi/check';
import { sandboxStateDir } from '../../core/sandboxStatus/stateDir';
import { statePaths } from '../../sandbox/stateFiles';
import { CliError, type CliCommand } from '../command';
import { filePath, stringOption, wholeNumber } from './pkiCliSupport';

const USAGE = 'thredd ehi check URL [--mtls] [--ca FILE] [--client-ca FILE] [--cert FILE --key FILE] [--timeout MS] [--json]';

export const ehiCheckCommand: CliCommand = {
  path: ['ehi', 'check'],
  summary: 'Check an EHI endpoint the way Thredd will: chain, name, expiry, key, TLS versions, cipher suites, mTLS',
  usage: USAGE,
  options: {
    mtls: { type: 'boolean' },
    ca: { type: 'string' },
    'client-ca': { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new CliError(`give exactly one endpoint URL. Usage: ${USAGE}`);
    const timeoutMs = wholeNumber(values, 'timeout', 1);
    const file = (option: string) => {
      const value = stringOption(values, option);
      return value === undefined ? undefined : filePath(io, value);
    };
    const sandbox = statePaths(sandboxStateDir(io.cwd));
    const options = await loadCheckOptions({
      url: positionals[0],
      mtls: values.mtls === true,
      ca: file('ca'),
      clientCa: file('client-ca'),
      cert: file('cert'),
      key: file('key'),
      sandboxClientCertificate: { cert: sandbox.ehiClientCert, key: sandbox.ehiClientKey },
      timeoutMs,
    });
    const report = await checkEhiEndpoint(options);
    io.out(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
    return report.ok ? 0 : 1;
  },
};
