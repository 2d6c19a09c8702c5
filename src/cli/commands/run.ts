import * as fs from 'node:fs';
import * as path from 'node:path';
import { envSecretSource } from '../../core/auth';
import { findConfigFile, formatConfigDiagnostic, loadConfigFile, type ThreddConfig } from '../../core/config';
import { isUserError } from '../../core/errors/userError';
import { writeFileAtomic } from '../../core/fs/safeWrite';
import { INSECURE_WARNING, type HttpClient } from '../../core/http';
import { releaseResult, RequestRunner, type RunResult } from '../../core/runner';
import { PrettyProgress, readRequestFile, REPORT_FORMATS, runSession, selectRequests, sessionReport } from '../../core/session';
import type { ReportFormat, SessionFile } from '../../core/session';
import { iterationRows, readIterationData, type DataRow } from '../../core/session/data';
import { CliError, type CliCommand, type CliIo, type CliValues } from '../command';
import { pickEnvironment, text } from './authSupport';
import { PROXY_OPTIONS, PROXY_USAGE, withHttpClient } from './httpSupport';
import { NEWMAN_OPTIONS, NEWMAN_USAGE, parallelism, runVariables } from './runOptions';
import { wholeNumber } from './pkiCliSupport';
import { requireRequestFile } from './requestFileArgument';

const USAGE =
  `thredd run FILE... [--env NAME] [--config FILE] ${NEWMAN_USAGE} [--bail] [--dry-run] ` +
  `[--reporter pretty|json|junit] [--output FILE] [--insecure] ${PROXY_USAGE}`;

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
    ...NEWMAN_OPTIONS,
    ...PROXY_OPTIONS,
  },
  async run(values, positionals, io) {
    const reporter = (text(values, 'reporter') ?? 'pretty') as ReportFormat;
    if (!REPORT_FORMATS.includes(reporter)) throw new CliError(`--reporter must be pretty, json or junit, not "${reporter}".`);
    if (positionals.length === 0) throw new CliError(`Name at least one .thredd or .http file. Usage: ${USAGE}`);
    const loaded = await Promise.all(positionals.map((file) => loadRequestFile(file, io)));
    const config = await loadRunConfig(values, io, loaded[0].path);
    const environment = config ? pickEnvironment(config, text(values, 'env')).name : undefined;
    if (!config && text(values, 'env')) {
      const where = path.dirname(loaded[0].path);
      throw new CliError(`--env ${text(values, 'env')} needs a thredd.json, and none was found at or above ${where}; pass --config FILE.`);
    }
    const files = selectRequests(loaded, {
      folders: values.folder as string[] | undefined,
      requests: values.request as string[] | undefined,
    });
    const variables = runVariables(values);
    const iterations = wholeNumber(values, 'iterations', 1);
    const delayMs = wholeNumber(values, 'delay', 0);
    const concurrency = parallelism(values, io);
    const rows = iterationRows(await loadData(values, io), iterations);
    const insecure = values.insecure === true;
    if (insecure) io.err(`warning: --insecure: ${INSECURE_WARNING}\n`);

    const output = text(values, 'output');
    const dryRun = values['dry-run'] === true;
    // Pretty lines stream as requests finish; with --output they also go to stdout so CI logs show progress.
    const streamed = !dryRun && (reporter === 'pretty' ? !output : Boolean(output));
    const batched = streamed ? new BatchedOutput(io) : undefined;
    const progress = batched && new PrettyProgress((text) => batched.write(text), rows.length);
    const kept: RunResult[] = [];
    const run = async (http: HttpClient) => {
      // `# @ehi-sign` signs with the sandbox's EHI key, loaded (with the sandbox's PKI code) only when a request asks.
      const ehiSigning = async (stateDir: string) => (await import('../../sandbox/ehi')).loadEhiSigning(stateDir);
      const runner = new RequestRunner({ http, secrets: envSecretSource(io.env), insecure, ehiSigning });
      const summary = await runSession({
        runner,
        files,
        iterations: rows.length,
        iterationVariables: rows,
        concurrency,
        delayMs,
        bail: values.bail === true,
        dryRun,
        contextFor: (file) => ({
          config,
          environment,
          allowEnv: true,
          processEnv: io.env,
          workspaceRoot: config?.dir ?? path.dirname(file.path),
          runVariables: variables,
        }),
        onEvent: (event) => {
          if (event.kind === 'result') kept.push(event.result);
          progress?.onEvent(event);
        },
      });
      progress?.end(summary);
      batched?.flush();
      if (!streamed || reporter !== 'pretty') await emit(sessionReport(reporter, summary), output, io);
      if (dryRun) return summary.groups.some((group) => group.plans.some((plan) => plan.error)) ? 1 : 0;
      return kept.length > 0 && kept.every((result) => result.ok) ? 0 : 1;
    };
    try {
      // Enough connections per origin for every request in flight (the pool's default is 16).
      const connectionsPerOrigin = Math.max(16, concurrency);
      return await withHttpClient(values, io, environment ? config?.environments[environment] : undefined, run, { connectionsPerOrigin });
    } finally {
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

async function loadRequestFile(file: string, io: CliIo): Promise<SessionFile> {
  const absolute = path.resolve(io.cwd, file);
  requireRequestFile(file, 'thredd run takes .thredd and .http (REST Client) files', absolute);
  const parsed = await readRequestFile(absolute, file).catch((error: unknown) => {
    throw isUserError(error) ? new CliError(error.userMessage()) : error;
  });
  const relative = path.relative(io.cwd, absolute);
  return { path: absolute, shown: relative.startsWith('..') ? absolute : relative, parsed };
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

/** `--data FILE`: its rows, or undefined without the option. Errors name the file as given, with the line. */
async function loadData(values: CliValues, io: CliIo): Promise<DataRow[] | undefined> {
  const file = text(values, 'data');
  if (file === undefined) return undefined;
  return readIterationData(path.resolve(io.cwd, file), file);
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
