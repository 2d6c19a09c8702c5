// Where `thredd run`'s time per request goes, layer by layer, in one process.
//
//   node --import tsx bench/runLayers.ts [--requests 500] [--rounds 11]
//
// bench/run.ts times whole processes, where start-up and the JIT warming up blur the cost of each layer. This
// bench warms everything up once, then times the same mTLS GETs (server in its own process, as in bench/run.ts)
// made by, in turn:
//   (b) a loop over one undici Agent: the floor, as in bench/run.ts;
//   (1) the product's HttpClient alone, with the environment's TLS settings;
//   (2) a RequestRunner on the parsed file: variables, defaults, redaction, results, no session;
//   (3) the whole `thredd run` command in-process: config and file loading, the run session, the pretty report.
// Each is measured as CPU time of this process (the server's is not counted, and a busy machine slows it less than
// wall time), median of --rounds interleaved rounds, and printed with its CPU per request above the floor's.
// For information: the target is bench/run.ts's; this shows which layer to work on.
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as undici from 'undici';
import { runCommand } from '../src/cli/commands/run';
import { loadConfigFile } from '../src/core/config';
import { createHttpClient } from '../src/core/http';
import { loadTlsSettings } from '../src/core/http/loadTlsSettings';
import { RequestRunner, ResponseStore } from '../src/core/runner';
import { readRequestFile } from '../src/core/session';
import { createTestCa } from '../test/support/testPki';
import { median } from './benchSupport';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '500' }, rounds: { type: 'string', default: '11' } } });
const REQUESTS = Number(values.requests);
const ROUNDS = Number(values.rounds);

function answer<T>(child: ChildProcess, message?: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as T));
    if (message) child.send(message);
  });
}

/** CPU milliseconds (user + system) this process spends on `task`. */
async function cpuMs(task: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  await task();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-bench-layers-'));
  const write = (name: string, content: string) => fs.writeFileSync(path.join(dir, name), content);
  const ca = await createTestCa();
  const server = await ca.issue({ commonName: 'localhost', usage: 'server' });
  const client = await ca.issue({ commonName: 'bench-client', usage: 'client' });
  write('ca.pem', ca.certPem);
  write('client.pem', client.certPem);
  write('client.key', client.keyPem);
  write('server.pem', server.certPem);
  write('server.key', server.keyPem);
  const serving = fork(path.join(__dirname, 'run.ts'), ['--serve', dir], { execArgv: process.execArgv, stdio: 'inherit' });
  try {
    const { origin } = await answer<{ origin: string }>(serving);
    const environment = { baseUrl: origin, region: '0', ca: 'ca.pem', mtls: { cert: 'client.pem', key: 'client.key' } };
    write('thredd.json', JSON.stringify({ environments: { bench: environment } }));
    const urls = Array.from({ length: REQUESTS }, (_, index) => `${origin}/core/api/v1/cards/${index}`);
    write('bench.thredd', urls.map((_, index) => `### card ${index}\nGET {{baseUrl}}/core/api/v1/cards/${index}\n`).join('\n'));

    const read = (name: string) => fs.readFileSync(path.join(dir, name));
    const floor = async () => {
      const agent = new undici.Agent({ connect: { ca: read('ca.pem'), cert: read('client.pem'), key: read('client.key') } });
      for (const url of urls) {
        const { origin: at, pathname } = new URL(url);
        const { statusCode, body } = await agent.request({ origin: at, path: pathname, method: 'GET', headers: { 'x-region': '0' } });
        await body.text();
        if (statusCode !== 200) throw new Error(`The floor got ${statusCode}.`);
      }
      await agent.close();
    };

    const loaded = await loadConfigFile(path.join(dir, 'thredd.json'));
    if (!loaded.config) throw new Error('The generated thredd.json did not load.');
    const config = loaded.config;
    const tls = await loadTlsSettings(config.environments.bench);
    const httpClient = async () => {
      const http = createHttpClient();
      for (const url of urls) {
        const response = await http.send({ method: 'GET', url, headers: { 'x-region': '0' }, tls });
        if (response.status !== 200) throw new Error(`HttpClient got ${response.status}.`);
      }
      await http.close();
    };

    const filePath = path.join(dir, 'bench.thredd');
    const parsed = await readRequestFile(filePath, 'bench.thredd');
    const runner = async () => {
      const http = createHttpClient();
      const requestRunner = new RequestRunner({ http });
      const context = { config, environment: 'bench', processEnv: {}, workspaceRoot: dir, filePath, store: new ResponseStore() };
      for (let index = 0; index < REQUESTS; index++) {
        const result = await requestRunner.run(parsed, index, context);
        if (!result.ok) throw new Error(`RequestRunner: ${result.error?.message ?? 'a request failed'}.`);
      }
      await http.close();
    };

    let output = '';
    const io = { out: (text: string) => void (output += text), err: (text: string) => void (output += text), env: {}, cwd: dir };
    const command = async () => {
      output = '';
      const code = await runCommand.run({ env: 'bench' }, ['bench.thredd'], io);
      if (code !== 0 || !output.includes(`${REQUESTS} passed`)) throw new Error(`thredd run failed:\n${output.slice(-1000)}`);
    };

    const layers = [
      { label: '(b) undici Agent loop (floor)', task: floor },
      { label: '(1) HttpClient', task: httpClient },
      { label: '(2) RequestRunner, no session', task: runner },
      { label: '(3) thredd run, in-process', task: command },
    ];
    for (const layer of layers) await layer.task(); // warm-up: JIT, connections' code paths
    const samples = layers.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, layer] of layers.entries()) samples[index].push(await cpuMs(layer.task));
    }
    const floorMs = median(samples[0]);
    console.log(`Node ${process.version}; ${REQUESTS} GETs over mTLS per run; CPU time of this process, median of ${ROUNDS} rounds`);
    for (const [index, layer] of layers.entries()) {
      const ms = median(samples[index]);
      const perRequest = ((ms - floorMs) / REQUESTS) * 1000;
      console.log(
        `${layer.label.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / floorMs).toFixed(2)}x (b)  ` +
          `${perRequest >= 0 ? '+' : ''}${perRequest.toFixed(0)} us a request over (b)`,
      );
    }
  } finally {
    serving.send('stop');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
