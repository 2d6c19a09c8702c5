import * as path from 'node:path';
import { exportPostman } from '../../core/postman/export';
import { CliError, type CliCommand } from '../command';
import { required, text } from './authSupport';
import { requireRequestFile } from './requestFileArgument';

const USAGE = 'thredd export postman FILE... --out collection.json [--name NAME] [--force] [--json]';

export const exportPostmanCommand: CliCommand = {
  path: ['export', 'postman'],
  summary: 'Write .thredd / .http files as a Postman v2.1 collection (one folder per file; secrets left out)',
  usage: USAGE,
  options: {
    out: { type: 'string' },
    name: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new CliError(`Name at least one .thredd or .http file. Usage: ${USAGE}`);
    for (const file of positionals) requireRequestFile(file, 'thredd export postman takes .thredd and .http files');
    const out = path.resolve(io.cwd, required(values, 'out', USAGE));
    const shown = (file: string) => {
      const relative = path.relative(io.cwd, file);
      return relative.startsWith('..') ? file : relative;
    };
    const result = await exportPostman({
      files: positionals.map((file) => path.resolve(io.cwd, file)),
      out,
      force: values.force === true,
      name: text(values, 'name'),
      shown,
    });
    if (values.json === true) {
      io.out(JSON.stringify({ out: result.out, requests: result.requests, folders: result.folders, notes: result.notes }, null, 2) + '\n');
      return 0;
    }
    io.out(`Wrote ${shown(result.out)}: ${result.requests} request${result.requests === 1 ? '' : 's'} in ${result.folders} folder(s).\n`);
    for (const note of result.notes) io.out(`  note: ${note.where}: ${note.message}\n`);
    io.out('Secrets are not exported: set the empty variables (accessToken, …) in Postman.\n');
    return 0;
  },
};
