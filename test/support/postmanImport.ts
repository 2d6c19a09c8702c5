/**
 * Imports a Postman collection (an object the test writes, or a file) into a temp folder and "dry-runs" the result:
 * every written .thredd file is parsed with the project's parser and each request resolved against the imported
 * thredd.json environment, as `thredd run --dry-run` would before sending.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFile, type ThreddConfig } from '../../src/core/config';
import { importPostman, type ImportReport } from '../../src/core/postman';
import {
  parseRequestFile,
  resolveRequest,
  type ParsedRequest,
  type ParsedRequestFile,
  type ResolvedRequest,
} from '../../src/core/requestFile';

export interface DryRunRequest {
  file: string;
  title?: string;
  parsed: ParsedRequest;
  resolved: ResolvedRequest;
  /** `{{…}}` left unresolved (name → reason). */
  unresolved: string[];
  /** Named requests that must run first (chained values). */
  needs: string[];
}

export interface ImportResult {
  dir: string;
  report: ImportReport;
  config: ThreddConfig;
  files: Map<string, ParsedRequestFile>;
  requests: DryRunRequest[];
  /** Every file the import wrote, as text, by path relative to `dir`. */
  texts: Map<string, string>;
  byTitle(title: string): DryRunRequest;
}

export function tempFolder(prefix = 'thredd-postman-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface ImportFixtureOptions {
  environments?: unknown[];
  env?: Record<string, string>;
  environment?: string;
  force?: boolean;
  dir?: string;
}

/** Writes `collection` (an object, or a path to copy) and its environments to a temp folder and imports them. */
export async function importFixture(collection: unknown, options: ImportFixtureOptions = {}): Promise<ImportResult> {
  const dir = options.dir ?? tempFolder();
  const collectionFile = path.join(dir, 'collection.json');
  if (typeof collection === 'string') fs.copyFileSync(collection, collectionFile);
  else fs.writeFileSync(collectionFile, JSON.stringify(collection, null, 2));
  const environments = (options.environments ?? []).map((environment, index) => {
    const file = path.join(dir, `environment-${index}.json`);
    if (typeof environment === 'string') fs.copyFileSync(environment, file);
    else fs.writeFileSync(file, JSON.stringify(environment));
    return file;
  });
  const report = await importPostman({ collection: collectionFile, environments, out: 'out', cwd: dir, force: options.force });
  return dryRun(path.join(dir, 'out'), report, options);
}

export async function dryRun(outDir: string, report: ImportReport, options: ImportFixtureOptions = {}): Promise<ImportResult> {
  const env = options.env ?? {};
  const loaded = await loadConfigFile(path.join(outDir, 'thredd.json'), { env, expandEnv: true });
  if (!loaded.config) throw new Error(`thredd.json did not load: ${JSON.stringify(loaded.diagnostics)}`);
  const config = loaded.config;
  const environment = config.environments[options.environment ?? config.defaultEnvironment ?? Object.keys(config.environments)[0]];
  const files = new Map<string, ParsedRequestFile>();
  const texts = new Map<string, string>();
  const requests: DryRunRequest[] = [];
  const walk = (folder: string) => {
    for (const name of fs.readdirSync(folder)) {
      const full = path.join(folder, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else texts.set(path.relative(outDir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(outDir);
  for (const file of report.files) {
    const parsed = parseRequestFile(texts.get(file)!);
    files.set(file, parsed);
    for (const request of parsed.requests) {
      const result = resolveRequest(parsed, request, {
        environment: { name: environment.name, baseUrl: environment.baseUrl, variables: environment.variables },
        allowEnv: true,
        processEnv: env,
        filePath: path.join(outDir, file),
      });
      requests.push({
        file,
        title: request.title,
        parsed: request,
        resolved: result.request,
        unresolved: result.unresolved.map((item) => item.name),
        needs: result.needs,
      });
    }
  }
  return {
    dir: outDir,
    report,
    config,
    files,
    requests,
    texts,
    byTitle(title) {
      const found = requests.find((request) => request.title === title);
      if (!found) throw new Error(`no request titled "${title}" among ${requests.map((request) => request.title).join(', ')}`);
      return found;
    },
  };
}

export function header(request: DryRunRequest, name: string): string | undefined {
  return request.resolved.headers.find((item) => item.name.toLowerCase() === name.toLowerCase())?.value;
}

export function bodyText(request: DryRunRequest): string | undefined {
  const body = request.resolved.body;
  if (!body) return undefined;
  if (body.kind === 'text') return body.text;
  if (body.kind === 'file') return `< ${body.path}`;
  return body.parts.map((part) => (part.kind === 'text' ? part.text : `< ${part.path}`)).join(body.lineBreak);
}

/** A file tree as {relative path: content}, to show that a failed import changed nothing. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of fs.readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else result[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return result;
}

/** A v2.1 collection around `items`. */
export function collection(items: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    info: { name: 'Test API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: items,
    ...extra,
  };
}

/** A request item. */
export function requestItem(name: string, request: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, request: { method: 'GET', header: [], ...request }, ...extra };
}

export function testScript(...lines: string[]): Record<string, unknown> {
  return { listen: 'test', script: { type: 'text/javascript', exec: lines } };
}

/**
 * Thredd's legacy "Generate Token" request (thredd-api-facts, "Thredd's Postman collections"): it posts the form
 * `fields` to {{tokenUrl}} and its test script stores the access token as `access_token`.
 */
export function generateTokenItem(fields: Record<string, string>): Record<string, unknown> {
  return requestItem(
    'Generate Token',
    {
      method: 'POST',
      url: '{{tokenUrl}}',
      body: { mode: 'urlencoded', urlencoded: Object.entries(fields).map(([key, value]) => ({ key, value })) },
    },
    {
      event: [
        testScript('var jsonData = JSON.parse(responseBody);', 'postman.setEnvironmentVariable("access_token", jsonData.access_token);'),
      ],
    },
  );
}
