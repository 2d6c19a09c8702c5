import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { envSecretSource } from '../../core/auth';
import { findConfigFile, formatConfigDiagnostic, loadConfigFile, type ThreddConfig } from '../../core/config';
import { writeFileAtomic } from '../../core/fs/safeWrite';
import { HttpClient, INSECURE_WARNING } from '../../core/http';
import { parseRequestFile, type ParsedRequestFile } from '../../core/requestFile';
import { releaseResult, RequestRunner, ResponseStore, type RunContext, type RunResult } from '../../core/runner';
import { CliError, type CliCommand, type CliIo, type CliValues } from '../command';
import { pickEnvironment, text } from './authSupport';
import { junitDryRunReport, junitRunReport } from './junitReport';
import { jsonDryRunReport, jsonRunReport, prettyPlan, prettyResult, prettySummary, type FilePlans, type FileResults } from './runReport';

const USAGE = 'thredd run FILE... [--env NAME] [--config FILE] [--request NAME] [--bail] [--dry-run] [--reporter pretty|json|junit] [--output FILE] [--insecure]';
const REPORTERS = ['pretty', 'json', 'junit'] as const;
type Reporter = (typeof REPORTERS)[number];
const REQUEST_FILE = /\.(thredd|http|rest)$/i;

interface LoadedFile {
  absolute: string;
  /** As shown in reports: relative to the working folder. */
  shown: string;
  parsed: ParsedRequestFile;
}

export const runCommand: CliCommand = {
  path: ['run'],
  summary: 'Send the requests of .thredd / .http files and check their @expect lines (exit 0 when all pass)',
  usage: USAGE,
  options: {
    env: { type: 'string' },
    config: { type: 'string' },
    request: { type: 'string', multiple: true },
    bail: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    reporter: { type: 'string' },
    output: { type: 'string' },
    insecure: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    const reporter = (text(values, 'reporter') ?? 'pretty') as Reporter;
    if (!REPORTERS.includes(reporter)) throw new CliError(`--reporter must be pretty, json or junit, not "${reporter}".`);
    if (positionals.length === 0) throw new CliError(`Name at least one .thredd or .http file. Usage: ${USAGE}`);
    const files = await Promise.all(positionals.map((file) => loadRequestFile(file, io)));
    const config = await loadRunConfig(values, io, files[0].absolute);
    const environment = config ? pickEnvironment(config, text(values, 'env')).name : undefined;
    if (!config && text(values, 'env')) throw new CliError(`--env ${text(values, 'env')} needs a thredd.json, and none was found at or above ${path.dirname(files[0].absolute)}; pass --config FILE.`);
    const only = requestFilter(values, files);
    const insecure = values.insecure === true;
    if (insecure) io.err(`warning: --insecure: ${INSECURE_WARNING}\n`);

    const output = text(values, 'output');
    const http = new HttpClient();
    const runner = new RequestRunner({ http, secrets: envSecretSource(io.env), insecure });
    const contextOf = (file: LoadedFile): RunContext => ({
      filePath: file.absolute,
      config,
      environment,
      store: new ResponseStore(),
      allowEnv: true,
      processEnv: io.env,
      workspaceRoot: config?.dir ?? path.dirname(file.absolute),
    });
    const started = performance.now();
    const kept: RunResult[] = [];
    try {
      if (values['dry-run']) {
        const plans: FilePlans[] = [];
        for (const file of files) {
          const context = contextOf(file);
          const selected = file.parsed.requests.filter((request) => !only || only.has(request.name ?? ''));
          plans.push({ file: file.shown, plans: await Promise.all(selected.map((request) => runner.plan(file.parsed, request.index, context))) });
        }
        const report = reporter === 'json' ? jsonDryRunReport(plans) : reporter === 'junit' ? junitDryRunReport(plans, new Date()) : plans.map((item) => `${item.file}\n${item.plans.map(prettyPlan).join('')}`).join('\n');
        await emit(report, output, io);
        return plans.some((item) => item.plans.some((plan) => plan.error)) ? 1 : 0;
      }

      // Pretty lines stream as requests finish; with --output they also go to stdout so CI logs show progress.
      const stream = reporter === 'pretty' ? !output : Boolean(output);
      const progress = new BatchedOutput(io);
      const warned = new Set<string>();
      const results: FileResults[] = [];
      for (const file of files) {
        if (stream) progress.write(`${file.shown}\n`);
        const context = { ...contextOf(file), onResult: (result: RunResult) => (kept.push(result), stream && progress.write(prettyResult(result, warned))) };
        const fileResults = await runner.runAll(file.parsed, context, { bail: values.bail === true, filter: only && ((request) => only.has(request.name ?? '')) });
        results.push({ file: file.shown, results: fileResults });
        if (values.bail && fileResults.some((result) => !result.ok)) break;
      }
      const all = results.flatMap((item) => item.results);
      const elapsed = performance.now() - started;
      if (stream) progress.write(prettySummary(all, elapsed));
      progress.flush();
      if (reporter === 'json') await emit(jsonRunReport(results, elapsed), output, io);
      else if (reporter === 'junit') await emit(junitRunReport(results, elapsed, new Date()), output, io);
      else if (output) await emit(results.map((item) => `${item.file}\n${item.results.map((result) => prettyResult(result, warned)).join('')}`).join('\n') + prettySummary(all, elapsed), output, io);
      return all.length > 0 && all.every((result) => result.ok) ? 0 : 1;
    } finally {
      await http.close();
      // Bodies kept on disk were only needed for this run's checks.
      await Promise.all(kept.map((result) => releaseResult(result)));
    }
  },
};

/**
 * Progress lines, written at most every 100 ms: one write per request would cost a system call (and,
 * read through a pipe, a wake-up of the reader) per request on long runs.
 */
class BatchedOutput {
  private pending = '';
  private timer?: NodeJS.Timeout;

  constructor(private readonly io: CliIo) {}

  write(text: string): void {
    this.pending += text;
    this.timer ??= setTimeout(() => this.flush(), 100);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending) this.io.out(this.pending);
    this.pending = '';
  }
}

async function loadRequestFile(file: string, io: CliIo): Promise<LoadedFile> {
  const absolute = path.resolve(io.cwd, file);
  if (!REQUEST_FILE.test(absolute)) throw new CliError(`${file} is not a request file: thredd run takes .thredd and .http (REST Client) files.`);
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(absolute);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CliError(missing ? `${file} does not exist (looked in ${absolute}).` : `${file} cannot be read: ${(error as Error).message}.`);
  }
  const content = bytes.toString('utf8');
  const parsed = parseRequestFile(content);
  // The parser's diagnostic says where the binary data starts and how to send binary content instead.
  if (parsed.binary) throw new CliError(`${file}: ${parsed.diagnostics[0]?.message ?? 'this file holds binary data, not requests.'}`);
  if (!isUtf8(bytes)) throw notUtf8(bytes, file);
  if (parsed.requests.length === 0) throw new CliError(`${file} has no requests (a request is a line such as "GET https://…", requests separated by "###").`);
  const relative = path.relative(io.cwd, absolute);
  return { absolute, shown: relative.startsWith('..') ? absolute : relative, parsed };
}

/**
 * Bytes that are not UTF-8 (a Latin-1 export, binary data without NUL bytes) reach the parser as
 * replacement characters and would fail as an odd "invalid URL": say where they are instead.
 */
function notUtf8(bytes: Buffer, file: string): CliError {
  const { line, column } = firstNonUtf8(bytes);
  return new CliError(`${file}:${line}:${column}: this file is not UTF-8 text (the bytes there are not UTF-8). Save it as UTF-8; to send binary content, write "< ./file.bin" as the body.`);
}

/** Line and column (in characters) of the first byte that is not UTF-8. */
function firstNonUtf8(bytes: Buffer): { line: number; column: number } {
  let start = 0;
  for (let line = 1; start <= bytes.length; line += 1) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    const text = bytes.subarray(start, end);
    if (!isUtf8(text)) {
      // A byte at a time, so the decoder stops exactly where the text stops being UTF-8.
      const decoder = new TextDecoder('utf-8', { fatal: true });
      let decoded = '';
      for (let index = 0; index < text.length; index += 1) {
        try {
          decoded += decoder.decode(text.subarray(index, index + 1), { stream: true });
        } catch {
          break;
        }
      }
      return { line, column: decoded.length + 1 };
    }
    start = end + 1;
  }
  return { line: 1, column: 1 };
}

/** --config, else the nearest thredd.json at or above the first request file; none is fine for plain URLs. */
async function loadRunConfig(values: CliValues, io: CliIo, firstFile: string): Promise<ThreddConfig | undefined> {
  const option = text(values, 'config');
  const file = option ? path.resolve(io.cwd, option) : findConfigFile(path.dirname(firstFile));
  if (!file) return undefined;
  const { config, diagnostics } = await loadConfigFile(file, { env: io.env });
  for (const diagnostic of diagnostics.filter((item) => item.severity === 'error')) io.err(formatConfigDiagnostic(diagnostic) + '\n');
  if (!config) throw new CliError(`${file} has errors; fix them first (thredd config check).`);
  return config;
}

function requestFilter(values: CliValues, files: readonly LoadedFile[]): Set<string> | undefined {
  const names = values.request as string[] | undefined;
  if (!names || names.length === 0) return undefined;
  const known = new Set(files.flatMap((file) => file.parsed.requests.map((request) => request.name).filter((name): name is string => name !== undefined)));
  const missing = names.filter((name) => !known.has(name));
  if (missing.length > 0) {
    throw new CliError(`No request named ${missing.map((name) => `"${name}"`).join(', ')} in ${files.map((file) => file.shown).join(', ')}${known.size ? `; named requests: ${[...known].join(', ')}` : ' (name a request with "# @name NAME")'}.`);
  }
  return new Set(names);
}

async function emit(report: string, output: string | undefined, io: CliIo): Promise<void> {
  if (!output) {
    io.out(report);
    return;
  }
  const file = path.resolve(io.cwd, output);
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, report);
  } catch (error) {
    throw new CliError(`The report cannot be written to ${file}: ${(error as Error).message}.`);
  }
  io.err(`Report written to ${file}\n`);
}
