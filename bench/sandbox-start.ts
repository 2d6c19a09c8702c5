// Sandbox benchmark. Run: node --import tsx bench/sandbox-start.ts [seconds=5] [rate=200]
// Everything on 127.0.0.1, state in temp folders (removed at the end). Prints:
//  1. the sandbox start time with a fresh state (new CA and keys) and an existing one, against the 2 s
//     target with the ratio target / measured: `thredd sandbox` in a new process (dist/cli.js, built by
//     `node esbuild.js`; time to its first line) and startSandbox() in this process;
//  2. a bounded load run over mTLS with keep-alive from the project's HttpClient: `rate` requests/s for
//     `seconds` s (open loop: one request per slot, at most 64 in flight) alternating GET products and
//     GET card with a private_key_jwt token bound to the Transport certificate; achieved requests/s
//     against the target, latency p50/p95, new connections, and the error count (must be 0); then the
//     headroom: requests/s with 16 concurrent callers for 2 s.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TokenClient } from '../src/core/auth';
import { operationById } from '../src/core/catalogue';
import { loadConfigFile } from '../src/core/config';
import { bodyBytes, createHttpClient, loadTlsSettings } from '../src/core/http';
import { initSandboxWorkspace, openSandboxState, startSandbox } from '../src/sandbox';

const seconds = Number(process.argv[2] ?? 5);
const rate = Number(process.argv[3] ?? 200);
const TARGET_START_MS = 2000;
const MAX_IN_FLIGHT = 64;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timeStart(stateDir: string): Promise<number> {
  const started = performance.now();
  const sandbox = await startSandbox({ stateDir, ports: { tls: 0, mtls: 0 } });
  const elapsed = performance.now() - started;
  await sandbox.stop();
  return elapsed;
}

const CLI = path.resolve(__dirname, '..', 'dist', 'cli.js');

/** Milliseconds from spawning `node dist/cli.js sandbox --json` to its first line (it prints once listening). */
function timeCliStart(stateDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'sandbox', '--state', stateDir, '--port-tls', '0', '--port-mtls', '0', '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => {
      const elapsed = performance.now() - started;
      child.once('exit', () => resolve(elapsed));
      child.kill('SIGTERM');
    });
    child.once('exit', (code) => code !== 0 && reject(new Error(`thredd sandbox exited with ${code}`)));
  });
}

const line = (label: string, ms: number, runs: number) =>
  console.log(
    `${`${label} (median of ${runs})`.padEnd(58)} ${ms.toFixed(0).padStart(5)} ms   target < ` +
      `${TARGET_START_MS} ms, ratio ${(TARGET_START_MS / ms).toFixed(1)}x`,
  );

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-bench-sandbox-'));
  const http = createHttpClient();
  try {
    // 1. Start times: the built CLI in a new process (what "thredd sandbox" and npm start pay), then
    // startSandbox() in this process once oidc-provider is loaded.
    const stateDir = path.join(root, 'existing');
    if (fs.existsSync(CLI)) {
      const coldFresh = [];
      for (let i = 0; i < 3; i += 1) coldFresh.push(await timeCliStart(path.join(root, `cold-${i}`)));
      const coldExisting = [];
      for (let i = 0; i < 3; i += 1) coldExisting.push(await timeCliStart(path.join(root, 'cold-0')));
      line('new process (dist/cli.js), fresh state', percentile(coldFresh, 50), 3);
      line('new process (dist/cli.js), existing state', percentile(coldExisting, 50), 3);
    } else {
      console.log(`(build with "node esbuild.js" to also time ${CLI} in a new process)`);
    }
    await timeStart(path.join(root, 'warm-up'));
    const fresh = [];
    for (let i = 1; i <= 3; i += 1) fresh.push(await timeStart(path.join(root, `fresh-${i}`)));
    await openSandboxState(stateDir);
    const existing = [];
    for (let i = 0; i < 5; i += 1) existing.push(await timeStart(stateDir));
    line('startSandbox(), fresh state (new CA + keys)', percentile(fresh, 50), 3);
    line('startSandbox(), existing state', percentile(existing, 50), 5);

    // 2. Load over mTLS.
    const sandbox = await startSandbox({ stateDir, ports: { tls: 0, mtls: 0 } });
    try {
      const workspace = path.join(root, 'workspace');
      const init = await initSandboxWorkspace({ workspaceDir: workspace, sandbox });
      const { config } = await loadConfigFile(init.configFile, { env: {} });
      const environment = config!.environments['sandbox-mtls'];
      const application = config!.applications[environment.application!];
      const tls = await loadTlsSettings(environment);
      const token = await new TokenClient({ http }).requestToken({ environment, application, tls });
      if (!token.binding?.matches) throw new Error('the token is not bound to the transport certificate');
      const headers = { authorization: `Bearer ${token.accessToken}`, 'x-region': '0', accept: 'application/json' };
      // The catalogue's own example of a Virtual card: a body the API takes as it is.
      const newCard = operationById('cards.create').examples.find((example) => example.id === 'virtual-card')!.request.body;
      const createHeaders = { ...headers, 'content-type': 'application/json' };
      const createUrl = `${environment.baseUrl}/core/api/v1/cards`;
      const created = await http.send({ method: 'POST', url: createUrl, headers: createHeaders, body: JSON.stringify(newCard), tls });
      const publicToken = JSON.parse((await bodyBytes(created.body)).toString()).publicToken as string;
      const urls = [`${environment.baseUrl}/core/api/v1/products`, `${environment.baseUrl}/core/api/v1/cards/${publicToken}`];

      const total = Math.round(seconds * rate);
      const interval = 1000 / rate;
      const latencies: number[] = [];
      let errors = 0;
      let newConnections = 0;
      let inFlight = 0;
      let skipped = 0;
      const pending: Promise<void>[] = [];
      const startedAt = performance.now();
      for (let i = 0; i < total; i += 1) {
        const slot = startedAt + i * interval;
        const wait = slot - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        if (inFlight >= MAX_IN_FLIGHT) {
          skipped += 1;
          continue;
        }
        inFlight += 1;
        const sent = performance.now();
        pending.push(
          http
            .send({ method: 'GET', url: urls[i % 2], headers, tls })
            .then(
              async (response) => {
                await bodyBytes(response.body);
                if (response.status !== 200) errors += 1;
                if (!response.timings.reused) newConnections += 1;
                latencies.push(performance.now() - sent);
              },
              () => {
                errors += 1;
              },
            )
            .finally(() => (inFlight -= 1)),
        );
      }
      await Promise.all(pending);
      const elapsed = (performance.now() - startedAt) / 1000;
      const achieved = latencies.length / elapsed;
      console.log(`load over mTLS (keep-alive, HttpClient): ${latencies.length} requests in ${elapsed.toFixed(2)} s`);
      console.log(`  achieved ${achieved.toFixed(0)} req/s   target ${rate} req/s, ratio ${(achieved / rate).toFixed(2)}x`);
      console.log(
        `  latency p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ` +
          `${percentile(latencies, 95).toFixed(2)} ms, max ${Math.max(...latencies).toFixed(2)} ms`,
      );
      console.log(
        `  new connections ${newConnections}, skipped (over ${MAX_IN_FLIGHT} in flight) ${skipped}, errors ` +
          `${errors}${errors === 0 && skipped === 0 ? ' (must be 0: ok)' : '  <-- must be 0'}`,
      );
      if (errors > 0 || skipped > 0) process.exitCode = 1;

      // Headroom: as fast as 16 concurrent callers go for 2 s (closed loop).
      let done = 0;
      let capacityErrors = 0;
      const until = performance.now() + 2000;
      const capacityStart = performance.now();
      await Promise.all(
        Array.from({ length: 16 }, async (_unused, worker) => {
          for (let i = worker; performance.now() < until; i += 1) {
            const response = await http.send({ method: 'GET', url: urls[i % 2], headers, tls });
            await bodyBytes(response.body);
            if (response.status === 200) done += 1;
            else capacityErrors += 1;
          }
        }),
      );
      console.log(
        `  headroom: ${(done / ((performance.now() - capacityStart) / 1000)).toFixed(0)} req/s with 16 concurrent callers (errors ` +
          `${capacityErrors})`,
      );
    } finally {
      await sandbox.stop();
    }
  } finally {
    await http.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
