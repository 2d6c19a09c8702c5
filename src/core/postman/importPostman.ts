/**
 * `thredd import postman` and the VS Code command share this: read the files, plan, check that nothing would be
 * overwritten, then write. Every check runs before the first write, so a bad input leaves the folder as it was;
 * each file is replaced atomically (safeWrite), and thredd.json is edited in place with its comments kept.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigEditor } from '../config/configEditor';
import { UserError } from '../errors/userError';
import { writeFileAtomic } from '../fs/safeWrite';
import { PostmanImportError } from './errors';
import { safeFileName } from './names';
import { planImport } from './planImport';
import { readCollection, readEnvironment } from './readCollection';
import type { ImportReport } from './report';

export interface ImportOptions {
  collection: string;
  environments?: readonly string[];
  /** Default: a folder named after the collection, in `cwd`. */
  out?: string;
  /** Replace existing `.thredd` files and thredd.json entries of the same names. */
  force?: boolean;
  cwd: string;
  /** Called as each stage starts (VS Code shows it as progress). */
  onProgress?: (message: string) => void;
}

async function readText(file: string, shown: string): Promise<string> {
  const stat = await fs.promises.stat(file).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new PostmanImportError(`${shown} does not exist.`, 'Check the path.') : error;
  });
  if (stat.isDirectory()) {
    const v3 = fs.existsSync(path.join(file, '.resources'));
    const what = v3 ? 'a Postman v3 collection folder (YAML)' : 'a folder';
    throw new PostmanImportError(
      `${shown} is ${what}, not a collection file.`,
      'In Postman, use Export → Collection v2.1 and import that JSON file.',
    );
  }
  return fs.promises.readFile(file, 'utf8');
}

export async function importPostman(options: ImportOptions): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => undefined);
  const collectionFile = path.resolve(options.cwd, options.collection);
  progress(`Reading ${options.collection}`);
  const { collection, notes } = readCollection(await readText(collectionFile, options.collection), options.collection);
  const environments = [];
  for (const file of options.environments ?? []) {
    environments.push(readEnvironment(await readText(path.resolve(options.cwd, file), file), file));
  }
  const outDir = path.resolve(options.cwd, options.out ?? safeFileName(collection.name));
  progress(`Mapping ${collection.name}`);
  const plan = planImport({ collection, environments, readNotes: notes, outDir: options.out ?? path.relative(options.cwd, outDir) });

  const existing = plan.files.map((file) => file.path).filter((file) => fs.existsSync(path.join(outDir, file)));
  if (existing.length && !options.force) {
    const listed = existing.slice(0, 5).join(', ') + (existing.length > 5 ? ` and ${existing.length - 5} more` : '');
    throw new UserError(
      `${outDir} already has ${listed}; nothing was written.`,
      'Pass --force to replace them, or choose another --out folder.',
    );
  }
  const configFile = path.join(outDir, 'thredd.json');
  const configText = fs.existsSync(configFile) ? await fs.promises.readFile(configFile, 'utf8') : undefined;
  const editor = ConfigEditor.open(configText, configFile, {
    purpose: 'the imported environments cannot be added to it; nothing was written',
  });
  for (const { name, entry } of plan.applications) editor.set('applications', name, entry, { force: options.force });
  for (const { name, entry } of plan.environments) editor.set('environments', name, entry, { force: options.force });
  if (plan.environments[0]) editor.setDefaultEnvironment(plan.environments[0].name);

  progress(`Writing ${plan.files.length} files to ${outDir}`);
  await fs.promises.mkdir(outDir, { recursive: true });
  for (const file of plan.files) {
    const target = path.join(outDir, file.path);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, file.text);
  }
  if (editor.text !== configText) await writeFileAtomic(configFile, editor.text);
  return { ...plan.report, config: editor.changes };
}
