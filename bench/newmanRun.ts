// `thredd run --data` benchmark against the local sandbox: the same 100 data rows sent
//   (a) sequentially by `thredd run --data rows.csv`,
//   (b) by `thredd run --data rows.csv --parallel 16`,
//   (c) by `newman run collection.json -d rows.csv` on the collection `thredd export postman` makes of the same
//       requests (newman installed on first use into ~/.cache/thredd/bench-tools, as bench/run.ts does).
//
//   node --import tsx bench/newmanRun.ts [--rows 100] [--runs 3] [--latency 20] [--no-tools]
//
// The sandbox holds each API answer --latency ms (default 20, a short round trip to Thredd UAT): with a
// local sandbox answering in a millisecond there is no network wait for --parallel to overlap.
//
// Each contender is a whole process (node dist/cli.js, built with node esbuild.js --production); the sandbox runs on
// 127.0.0.1 ephemeral ports with a workspace from `sandbox init`, TLS with a client_secret token (environment
// sandbox). thredd gets its own token (one request more); newman is handed one made beforehand.
// Prints each median (runs interleaved) and the ratios. Targets: (b) at least 1.2x faster than (a), and (a) no slower
// than (c); exits 1 when one is missed. Timings vary with machine load: run it on an idle machine.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import { TokenClient } from '../src/core/auth';
import { loadConfigFile } from '../src/core/config';
import { createHttpClient } from '../src/core/http';
import { initSandboxWorkspace, startSandbox } from '../src/sandbox';
import { BENCH_TOOLS, installBenchTools, median, timeProcess } from './benchSupport';

const ROOT = path.resolve(__dirname, '..');
const NEWMAN = path.join(BENCH_TOOLS, 'node_modules', '.bin', 'newman');
const PARALLEL_SPEEDUP_TARGET = 1.2;
const NEWMAN_RATIO_TARGET = 1.0;

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    latency: { type: 'string', default: '20' },
    'no-tools': { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const LATENCY_MS = Number(values.latency);

interface Contender {
  label: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** The output says every request passed. */
  check: (output: string) => boolean;
}

async function main(): Promise<number> {
  execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: ROOT, stdio: 'ignore' });
  const withNewman = !values['no-tools'] && installBenchTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-bench-newman-'));
  const workspace = path.join(dir, 'workspace');
  const sandbox = await startSandbox({
    stateDir: path.join(workspace, '.thredd', 'sandbox'),
    ports: { tls: 0, mtls: 0 },
    apiLatencyMs: LATENCY_MS,
  });
  const http = createHttpClient();
  try {
    const init = await initSandboxWorkspace({ workspaceDir: workspace, sandbox });
    const secretEnv = parseEnv(fs.readFileSync(init.files.dotenv, 'utf8')) as Record<string, string>;
    const { config } = await loadConfigFile(init.configFile, { env: secretEnv });
    const environment = config!.environments.sandbox;
    const file = (name: string, text: string) => fs.writeFileSync(path.join(workspace, name), text);
    file('rows.csv', ['ref,note', ...Array.from({ length: ROWS }, (_, index) => `ref-${index},"row ${index}, quoted"`)].join('\n') + '\n');
    // The same request for both tools; newman's copy says X-Region itself (thredd adds it from the environment).
    const request = '# @name products\n# @expect status 200\nGET {{baseUrl}}/core/api/v1/products?ref={{ref}}\n';
    file('bench.thredd', request);
    file('newman.thredd', request + 'X-Region: 0\n');
    const cli = path.join(ROOT, 'dist', 'cli.js');
    execFileSync(process.execPath, [cli, 'export', 'postman', 'newman.thredd', '--out', 'collection.json', '--force'], { cwd: workspace });
    const threddRun = (extra: string[]): Contender => ({
      label: `thredd run --data${extra.length ? ' ' + extra.join(' ') : ''}`,
      command: process.execPath,
      args: [cli, 'run', 'bench.thredd', '--env', 'sandbox', '--data', 'rows.csv', ...extra],
      env: secretEnv,
      check: (output) => output.includes(`${ROWS} requests in ${ROWS} iterations: ${ROWS} passed, 0 failed`),
    });
    const contenders = [threddRun([]), threddRun(['--parallel', '16'])];
    if (withNewman) {
      const token = await new TokenClient({ http }).requestToken({
        environment,
        application: config!.applications[environment.application!],
      });
      contenders.push({
        label: 'newman run -d rows.csv',
        command: NEWMAN,
        args: [
          'run',
          'collection.json',
          '-d',
          'rows.csv',
          '--env-var',
          `baseUrl=${environment.baseUrl}`,
          '--env-var',
          `accessToken=${token.accessToken}`,
        ],
        env: { NODE_EXTRA_CA_CERTS: path.resolve(path.dirname(init.configFile), environment.ca!) },
        // newman's summary table: `│ iterations │ 100 │ 0 │` (executed, failed), the same for requests and assertions.
        check: (output) =>
          new RegExp(`iterations\\s*│\\s*${ROWS}\\s*│\\s*0\\s*│`).test(output) &&
          new RegExp(`requests\\s*│\\s*${ROWS}\\s*│\\s*0\\s*│`).test(output),
      });
    }
    const times = new Map(contenders.map((contender) => [contender.label, [] as number[]]));
    for (let run = 1; run <= RUNS; run += 1) {
      for (const contender of contenders) {
        const result = await timeProcess(contender, workspace);
        if (result.code !== 0 || !contender.check(result.output)) {
          throw new Error(`${contender.label} failed (exit ${result.code}):\n${result.output.slice(-2000)}`);
        }
        times.get(contender.label)!.push(result.ms);
      }
    }
    const [sequential, parallel, newman] = contenders.map((contender) => median(times.get(contender.label)!));
    console.log(`${ROWS} rows, one request each, against the sandbox (${LATENCY_MS} ms latency); median of ${RUNS} whole-process runs:`);
    for (const contender of contenders)
      console.log(`  ${contender.label.padEnd(40)} ${median(times.get(contender.label)!).toFixed(0).padStart(6)} ms`);
    const speedup = sequential / parallel;
    let missed = false;
    console.log(`  --parallel 16 speed-up over sequential: ${speedup.toFixed(2)}x (target >= ${PARALLEL_SPEEDUP_TARGET}x)`);
    if (speedup < PARALLEL_SPEEDUP_TARGET) missed = true;
    if (newman !== undefined) {
      const ratio = sequential / newman;
      console.log(
        `  thredd run --data / newman: ${ratio.toFixed(2)} (target <= ${NEWMAN_RATIO_TARGET}); ` +
          `--parallel 16 / newman: ${(parallel / newman).toFixed(2)}`,
      );
      if (ratio > NEWMAN_RATIO_TARGET) missed = true;
    }
    console.log(missed ? 'TARGET MISSED' : 'targets met');
    return missed ? 1 : 0;
  } finally {
    await http.close();
    await sandbox.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
