import { importPostman, reportJson, reportText } from '../../core/postman';
import { CliError, type CliCommand } from '../command';
import { text } from './authSupport';

const USAGE = 'thredd import postman COLLECTION.json [--environment ENV.json]... [--out DIR] [--force] [--json]';

export const importPostmanCommand: CliCommand = {
  path: ['import', 'postman'],
  summary: 'Import a Postman collection (v2.0/v2.1) and its environments as .thredd files and thredd.json entries',
  usage: USAGE,
  options: {
    environment: { type: 'string', multiple: true },
    out: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new CliError(`Name one collection file. Usage: ${USAGE}`);
    const environments = ((values.environment as string[] | undefined) ?? []).filter(Boolean);
    const report = await importPostman({
      collection: positionals[0],
      environments,
      out: text(values, 'out'),
      force: values.force === true,
      cwd: io.cwd,
    });
    io.out(values.json ? reportJson(report) : reportText(report));
    return 0;
  },
};
