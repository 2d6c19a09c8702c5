import { exportPkcs12 } from '../../core/pki';
import { CliError, type CliCommand } from '../command';
import { filePath, passphraseFromEnv, stringOption } from './pkiCliSupport';

const USAGE =
  'thredd cert pfx --cert CERTFILE --key KEYFILE [--chain CHAINFILE] --out FILE.pfx ' +
  '--passphrase-env VAR [--key-passphrase-env VAR] [--legacy] [--json]';

export const certPfxCommand: CliCommand = {
  path: ['cert', 'pfx'],
  summary: 'Bundle a certificate, its key (and chain) into a passphrase-protected PKCS#12 .pfx for Windows',
  usage: USAGE,
  options: {
    cert: { type: 'string' },
    key: { type: 'string' },
    chain: { type: 'string' },
    out: { type: 'string' },
    'passphrase-env': { type: 'string' },
    'key-passphrase-env': { type: 'string' },
    legacy: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const cert = stringOption(values, 'cert');
    const key = stringOption(values, 'key');
    const out = stringOption(values, 'out');
    if (!cert || !key || !out) throw new CliError(`--cert, --key and --out are required. Usage: ${USAGE}`);
    const passphrase = passphraseFromEnv(values, 'passphrase-env', io);
    if (passphrase === undefined)
      throw new CliError(
        `--passphrase-env VAR is required: put the .pfx passphrase in an environment variable and name it. Usage: ${USAGE}`,
      );
    const keyPassphrase = passphraseFromEnv(values, 'key-passphrase-env', io) ?? passphrase;
    const chain = stringOption(values, 'chain');
    const legacy = values.legacy === true;
    const files = {
      certFile: filePath(io, cert),
      keyFile: filePath(io, key),
      chainFile: chain && filePath(io, chain),
      outFile: filePath(io, out),
    };
    const result = await exportPkcs12({ ...files, passphrase, keyPassphrase, legacy });
    if (values.json) {
      io.out(
        JSON.stringify(
          { outFile: result.outFile, certificates: result.certificateCount, encryption: legacy ? '3DES (legacy)' : 'AES-256-CBC' },
          null,
          2,
        ) + '\n',
      );
    } else {
      const encryption = legacy ? 'legacy 3DES + SHA-1 MAC, for old Windows tooling' : 'AES-256-CBC + SHA-256 MAC';
      io.out(
        `Wrote ${result.outFile} (${result.certificateCount} certificate` +
          `${result.certificateCount === 1 ? '' : 's'} + private key, ${encryption}).\n`,
      );
    }
    return 0;
  },
};
