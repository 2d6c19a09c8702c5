import * as path from 'node:path';
import { findConfigFile, formatConfigDiagnostic, loadConfigFile } from '../../core/config';
import { CliError, type CliCommand } from '../command';

export const configCheckCommand: CliCommand = {
  path: ['config', 'check'],
  summary: 'Validate thredd.json and list its problems with line numbers and fixes',
  usage: 'thredd config check [--config FILE] [--json]',
  options: { config: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const file = typeof values.config === 'string' ? path.resolve(io.cwd, values.config) : findConfigFile(io.cwd);
    if (!file)
      throw new CliError(`No thredd.json found in ${io.cwd} or above; pass --config FILE or create one with "Thredd: Create thredd.json".`);
    const { config, diagnostics } = await loadConfigFile(file, { env: io.env });
    if (values.json) {
      io.out(
        JSON.stringify(
          { file, valid: config !== undefined, environments: config ? Object.keys(config.environments) : [], diagnostics },
          null,
          2,
        ) + '\n',
      );
    } else {
      for (const diagnostic of diagnostics) io.err(formatConfigDiagnostic(diagnostic) + '\n');
      if (config)
        io.out(
          `${file}: OK (${Object.keys(config.environments).length} environments, ` +
            `${Object.keys(config.applications).length} applications)\n`,
        );
    }
    return config ? 0 : 1;
  },
};
