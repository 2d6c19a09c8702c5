// A fresh folder per case: the committed corpus files, the generated ones under gen/, and the case's
// thredd.json and request file with their <<placeholders>> filled in.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIGS, type BadInputCase } from '../../fixtures/bad/cases';

const CORPUS = path.resolve(__dirname, '..', '..', 'fixtures', 'bad');
const COMMITTED = ['pki', 'config', 'requests'];
const ONE_MIB_LINE = 'x'.repeat(1024 * 1024);

export interface CaseWorkspace {
  dir: string;
  /** Absolute path of a file named in the case, relative to the workspace. */
  file(relative: string): string;
  /** The case's thredd.json: a committed one, or its template written as thredd.json. */
  configFile?: string;
  /** The case's request file: a committed one, or its text written as request.thredd. */
  requestFile?: string;
  remove(): void;
}

export function createWorkspace(
  testCase: BadInputCase,
  generated: Record<string, string | Buffer>,
  urls: { tlsUrl: string; mtlsUrl: string },
): CaseWorkspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `thredd-bad-${testCase.id}-`));
  const file = (relative: string) => path.join(dir, relative);
  for (const folder of COMMITTED) fs.cpSync(path.join(CORPUS, folder), file(folder), { recursive: true });
  fs.mkdirSync(file('gen'));
  for (const [name, content] of Object.entries(generated)) fs.writeFileSync(file(path.join('gen', name)), content, { mode: 0o600 });
  if (testCase.writes) fs.mkdirSync(file(testCase.writes), { recursive: true });

  const values: Record<string, string> = { ...urls, route: `${urls.tlsUrl}/case/${testCase.id}`, '1MiB': ONE_MIB_LINE, ...testCase.vars };
  const fill = (text: string) =>
    text.replace(/<<(\w+)>>/g, (_, name: string) => {
      if (values[name] === undefined) throw new Error(`case ${testCase.id}: no value for <<${name}>>`);
      return values[name];
    });
  const via = testCase.via;
  let configFile: string | undefined;
  if ('config' in via) {
    configFile = file(via.config.endsWith('.json') ? via.config : 'thredd.json');
    if (!via.config.endsWith('.json')) fs.writeFileSync(configFile, fill(JSON.stringify(CONFIGS[via.config], null, 2)));
  }
  let requestFile: string | undefined;
  if ('request' in via) {
    const committed = /^[\w/.-]+\.thredd$/.test(via.request);
    requestFile = file(committed ? via.request : 'request.thredd');
    if (!committed) fs.writeFileSync(requestFile, fill(via.request) + '\n');
  }
  return { dir, file, configFile, requestFile, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under `dir` with a hash of its content: equal snapshots mean nothing was added, removed or changed. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    files[path.relative(dir, full)] = entry.isFile() ? createHash('sha256').update(fs.readFileSync(full)).digest('hex') : 'folder';
  }
  return files;
}
