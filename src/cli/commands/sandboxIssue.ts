import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileExclusive } from '../../core/fs/safeWrite';
import { SANDBOX_CERTIFICATE_TYPES } from '../../sandbox/csrIssuance';
import { openSandboxState } from '../../sandbox/sandboxState';
import { CliError, type CliCommand } from '../command';
import { filePath, stringOption } from './pkiCliSupport';
import { daysOption, stateDirOf } from './sandboxCliSupport';

const USAGE = 'thredd sandbox issue --csr FILE --type transport|signing [--app ID] [--days N | --days=-1] [--state DIR] [--json]';

export const sandboxIssueCommand: CliCommand = {
  path: ['sandbox', 'issue'],
  summary: 'Have the sandbox CA issue a Transport or Signing certificate for a CSR (written beside it)',
  usage: USAGE,
  options: {
    csr: { type: 'string' },
    type: { type: 'string' },
    app: { type: 'string' },
    days: { type: 'string' },
    state: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const csrOption = stringOption(values, 'csr');
    if (!csrOption) throw new CliError(`--csr is required. Usage: ${USAGE}`);
    const type = stringOption(values, 'type');
    if (!type || !(SANDBOX_CERTIFICATE_TYPES as readonly string[]).includes(type))
      throw new CliError(`--type must be transport or signing. Usage: ${USAGE}`);
    const csrFile = filePath(io, csrOption);
    const certFile = path.join(path.dirname(csrFile), `${path.basename(csrFile).replace(/\.(csr|pem|req)$/i, '')}.pem`);
    if (certFile === csrFile)
      throw new CliError(`${csrFile} ends in .pem, so the certificate would replace it; rename the CSR to .csr first.`);
    const days = daysOption(values);

    let csrPem: string;
    try {
      csrPem = await fs.promises.readFile(csrFile, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new CliError(`Cannot read the CSR ${csrFile}: ${reason}.`);
    }
    if (fs.existsSync(certFile)) {
      throw new CliError(`${certFile} already exists; it was left untouched. Move it away first (certificates are never overwritten).`);
    }
    const state = await openSandboxState(stateDirOf(values, io));
    const issued = await state.issueCertificate({ csrPem, type, appId: stringOption(values, 'app'), days, source: csrFile });
    await writeFileExclusive(certFile, issued.certificatePem, 0o644);
    const { record } = issued;
    if (values.json) {
      io.out(JSON.stringify({ certificateFile: certFile, ...record, certificate: issued.certificatePem }, null, 2) + '\n');
      return 0;
    }
    io.out(
      [
        `Certificate: ${certFile}`,
        `  ${record.type === 'transport' ? 'Transport' : 'Signing'} certificate for ${record.subject}, serial ${record.serialNumber}`,
        `  Valid ${record.notBefore} to ${record.notAfter}` +
          `${Date.parse(record.notAfter) <= Date.now() ? '  (already expired, as asked)' : ''}`,
        record.kid
          ? `  KID ${record.kid} (published on the organisation JWKS; use it as "kid" in thredd.json)`
          : `  x5t#S256 ${record.x5tS256} (tokens bound to it carry this in cnf)`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
