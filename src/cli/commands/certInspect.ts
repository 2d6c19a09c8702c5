import * as path from 'node:path';
import { inspectFile } from '../../core/pki';
import { CliError, type CliCommand } from '../command';
import { formatInspection } from './formatInspection';
import { filePath, passphraseFromEnv, stringOption } from './pkiCliSupport';

const USAGE = 'thredd cert inspect FILE [--key KEYFILE] [--ca CAFILE] [--passphrase-env VAR] [--warning-days N] [--json]';

export const certInspectCommand: CliCommand = {
  path: ['cert', 'inspect'],
  summary: 'Show a certificate, chain, CSR or .pfx: expiry, fingerprints, x5t#S256, key match, chain',
  usage: USAGE,
  options: {
    key: { type: 'string' },
    ca: { type: 'string' },
    'passphrase-env': { type: 'string' },
    'warning-days': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new CliError(`give exactly one file to inspect. Usage: ${USAGE}`);
    const warningText = stringOption(values, 'warning-days');
    const warningDays = warningText === undefined ? 60 : Number(warningText);
    if (!Number.isInteger(warningDays) || warningDays < 0)
      throw new CliError(`--warning-days must be a whole number of days, not "${warningText}".`);
    const key = stringOption(values, 'key');
    const ca = stringOption(values, 'ca');
    const file = filePath(io, positionals[0]);
    const passphrase = passphraseFromEnv(values, 'passphrase-env', io);
    const result = await inspectFile(file, { passphrase, keyFile: key && filePath(io, key), caFile: ca && filePath(io, ca), warningDays });

    if (values.json) {
      const json =
        result.kind === 'csr' ? { kind: 'csr', ...result.csr } : result.certificates.map((info) => ({ kind: 'certificate', ...info }));
      io.out(JSON.stringify(Array.isArray(json) && json.length === 1 ? json[0] : json, null, 2) + '\n');
    } else {
      io.out(formatInspection(path.basename(file), result));
    }
    // A key that does not match or a chain that does not verify is a failure scripts should see.
    const failed =
      result.kind === 'csr'
        ? result.csr.keyMatches === false || !result.csr.signatureValid
        : result.certificates.some((info) => info.keyMatches === false || info.chainVerified === false);
    return failed ? 1 : 0;
  },
};
