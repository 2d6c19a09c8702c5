// `thredd run` benchmark: 500 sequential GET requests over mTLS, each tool a whole process.
//
//   node --import tsx bench/run.ts [--requests 500] [--runs 3] [--no-tools] [--profile DIR]
//
// Builds dist/cli.js (node esbuild.js --production), starts an mTLS server on 127.0.0.1 (its own process, certificates
// issued at start), and times, as separate processes writing their output to a file, the same GET
// requests made by:
//   (a) node dist/cli.js run  on a generated .thredd file (environment with mtls + ca, no token);
//   (b) a minimal script looping over one undici Agent: the floor for any Node client;
//   (c) one curl --cert --key process given every URL (it reuses its connection);
//   (d) httpyac send --all   and  (e) newman run  (installed on first use into
//       ~/.cache/thredd/bench-tools, outside the project; --no-tools skips them);
//   (f) the product's HttpClient and (g) an undici ProxyAgent loop, both through a local forward proxy
//       (bench/proxiedRun.ts), each in one tunnel.
// Prints each tool's median of --runs runs (interleaved) and its ratio to (b). Targets: (a) within
// 1.15x of (b) (issue 16), (f) within 1.2x of (g); exits 1 when missed. Timings vary with machine load: run it on an idle machine.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createTestCa } from '../test/support/testPki';
import { BENCH_TOOLS, installBenchTools, median, timeProcess } from './benchSupport';
import { undiciLoop } from './undiciLoop';
import { PROXIED_CLIENT, PROXIED_FLOOR, PROXIED_TARGET_RATIO, proxiedContenders, serveProxy } from './proxiedRun';

const ROOT = path.resolve(__dirname, '..');
const TARGET_RATIO = 1.15;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '500' },
    runs: { type: 'string', default: '3' },
    'no-tools': { type: 'boolean', default: false },
    serve: { type: 'string' },
    'serve-proxy': { type: 'boolean', default: false },
    // Writes a CPU profile of each `thredd run` into this folder (node --cpu-prof, unminified build), to see where its time goes.
    profile: { type: 'string' },
  },
});
const REQUESTS = Number(values.requests);
const RUNS = Number(values.runs);

interface Contender {
  label: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Checks the output says every request succeeded. */
  check?: (output: string) => boolean;
  /** Through the forward proxy: the CONNECT tunnels it must open (keep-alive through the proxy); unchecked when unset. */
  tunnels?: number;
}

/** The server runs in its own process, so the harness waiting on children never delays an answer. */
function serve(dir: string): void {
  const read = (name: string) => fs.readFileSync(path.join(dir, name));
  let served = 0;
  const server = https.createServer(
    { cert: read('server.pem'), key: read('server.key'), ca: read('ca.pem'), requestCert: true, rejectUnauthorized: true },
    (request, response) => {
      served += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"id":"${request.url?.split('/').pop()}","region":"${request.headers['x-region'] ?? ''}"}`);
    },
  );
  server.listen(0, '127.0.0.1', () => process.send!({ origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  process.on('message', (message) => {
    if (message === 'count') {
      process.send!({ served });
      served = 0;
    } else if (message === 'stop') {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    }
  });
}

function ask<T>(child: ChildProcess, message?: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    if (message) child.send(message);
  });
}

async function main(): Promise<void> {
  // The production build: what users run (minified, no source maps). A profile is read by people: unminified then.
  const build = values.profile ? ['esbuild.js'] : ['esbuild.js', '--production'];
  console.log(`Building dist/cli.js (node ${build.join(' ')})…`);
  execFileSync(process.execPath, build, { cwd: ROOT, stdio: 'inherit' });
  const withTools = !values['no-tools'] && installBenchTools();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-bench-run-'));
  const file = (name: string, content: string) => (fs.writeFileSync(path.join(dir, name), content), path.join(dir, name));
  const ca = await createTestCa();
  const serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
  const client = await ca.issue({ commonName: 'bench-client', usage: 'client' });
  const caFile = file('ca.pem', ca.certPem);
  const certFile = file('client.pem', client.certPem);
  const keyFile = file('client.key', client.keyPem);
  file('server.pem', serverCert.certPem);
  file('server.key', serverCert.keyPem);
  const server = fork(process.argv[1], ['--serve', dir], { execArgv: process.execArgv, stdio: 'inherit' });
  const { origin } = await ask<{ origin: string }>(server);
  const proxy = fork(process.argv[1], ['--serve-proxy'], { execArgv: process.execArgv, stdio: 'inherit' });
  const { proxy: proxyUrl } = await ask<{ proxy: string }>(proxy);
  const urls = Array.from({ length: REQUESTS }, (_, index) => `${origin}/core/api/v1/cards/${index}`);

  file(
    'thredd.json',
    JSON.stringify({
      environments: { bench: { baseUrl: origin, region: '0', ca: 'ca.pem', mtls: { cert: 'client.pem', key: 'client.key' } } },
    }),
  );
  file('bench.thredd', urls.map((_, index) => `### card ${index}\nGET {{baseUrl}}/core/api/v1/cards/${index}\n`).join('\n'));
  const undici = require.resolve('undici', { paths: [ROOT] });
  file('floor.js', undiciLoop(undici, 'new undici.Agent({ connect: tls })', urls));
  file('curl.cfg', urls.map((url) => `url = "${url}"\noutput = "/dev/null"\n`).join(''));
  file('bench.http', urls.map((url, index) => `### card ${index}\nGET ${url}\nX-Region: 0\n`).join('\n'));
  file('.httpyac.json', JSON.stringify({ clientCertificates: { [new URL(origin).host]: { cert: certFile, key: keyFile } } }));
  file(
    'bench.postman_collection.json',
    JSON.stringify({
      info: { name: 'bench', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: urls.map((url, index) => ({
        name: `card ${index}`,
        request: { method: 'GET', url, header: [{ key: 'X-Region', value: '0' }] },
      })),
    }),
  );

  const contenders: Contender[] = [
    {
      label: '(a) thredd run',
      command: process.execPath,
      args: [
        ...(values.profile ? ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', path.resolve(values.profile)] : []),
        path.join(ROOT, 'dist', 'cli.js'),
        ...['run', 'bench.thredd', '--env', 'bench'],
      ],
      check: (out) => out.includes(`${REQUESTS} requests: ${REQUESTS} passed, 0 failed`),
    },
    { label: '(b) undici Agent loop', command: process.execPath, args: ['floor.js'] },
    {
      label: '(c) curl, one process',
      command: 'curl',
      args: [
        '--silent',
        '--show-error',
        '--fail',
        '--cert',
        certFile,
        '--key',
        keyFile,
        '--cacert',
        caFile,
        '-H',
        'X-Region: 0',
        '--config',
        'curl.cfg',
      ],
    },
  ];
  if (withTools) {
    // Both tools trust the test CA through Node's NODE_EXTRA_CA_CERTS.
    const nodeCa = { NODE_EXTRA_CA_CERTS: caFile };
    contenders.push(
      {
        label: '(d) httpyac send --all',
        command: path.join(BENCH_TOOLS, 'node_modules', '.bin', 'httpyac'),
        args: ['send', 'bench.http', '--all'],
        env: nodeCa,
      },
      {
        label: '(e) newman run',
        command: path.join(BENCH_TOOLS, 'node_modules', '.bin', 'newman'),
        args: [
          'run',
          'bench.postman_collection.json',
          '--ssl-client-cert',
          certFile,
          '--ssl-client-key',
          keyFile,
          '--ssl-extra-ca-certs',
          caFile,
        ],
        env: nodeCa,
      },
    );
  }

  contenders.push(...proxiedContenders(dir, ROOT, urls, proxyUrl));

  const times = new Map<string, number[]>(contenders.map((contender) => [contender.label, []]));
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      // Interleaved, so a change in machine load touches every tool alike.
      for (const contender of contenders) {
        const result = await timeProcess(contender, dir);
        const { served } = await ask<{ served: number }>(server, 'count');
        const { tunnels } = await ask<{ tunnels: number }>(proxy, 'count');
        const ok =
          result.code === 0 &&
          served === REQUESTS &&
          (contender.check?.(result.output) ?? true) &&
          (contender.tunnels === undefined || tunnels === contender.tunnels);
        if (!ok)
          throw new Error(
            `${contender.label} failed (exit ${result.code}, ${served}/${REQUESTS} requests served, ${tunnels} tunnels):\n` +
              result.output.slice(-3000),
          );
        times.get(contender.label)!.push(result.ms);
        console.log(`run ${run}: ${contender.label.padEnd(24)} ${(result.ms / 1000).toFixed(3)} s`);
      }
    }
  } finally {
    server.send('stop');
    proxy.send('stop');
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const floor = median(times.get('(b) undici Agent loop')!);
  console.log(
    `\n${REQUESTS} sequential GET requests over mTLS, median of ${RUNS} runs (Node ${process.version}, ${os.cpus().length} CPUs):`,
  );
  for (const contender of contenders) {
    const value = median(times.get(contender.label)!);
    console.log(
      `  ${contender.label.padEnd(24)} ${(value / 1000).toFixed(3).padStart(7)} s   ${(value / floor).toFixed(2).padStart(6)}x (b)`,
    );
  }
  const ratio = median(times.get('(a) thredd run')!) / floor;
  console.log(`\nthredd run / undici loop = ${ratio.toFixed(2)} (target <= ${TARGET_RATIO}): ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`);
  const proxied = median(times.get(PROXIED_CLIENT)!) / median(times.get(PROXIED_FLOOR)!);
  const proxiedMet = proxied <= PROXIED_TARGET_RATIO;
  const verdict = proxiedMet ? 'met' : 'MISSED';
  console.log(`through the proxy: thredd / undici ProxyAgent = ${proxied.toFixed(2)} (target <= ${PROXIED_TARGET_RATIO}): ${verdict}`);
  if (ratio > TARGET_RATIO || !proxiedMet) process.exitCode = 1;
}

if (values.serve) {
  serve(values.serve);
} else if (values['serve-proxy']) {
  void serveProxy();
} else {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
