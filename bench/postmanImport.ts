// Postman import benchmark (issue #15): the whole `thredd import postman` process on a large collection.
//
//   node --import tsx bench/postmanImport.ts [--runs 5] [--no-build]
//
// Generates a v2.1 collection of 480 requests in 30 folders (≥ 3 MB: JSON bodies, headers, path variables,
// test scripts with status checks, captures and untranslatable lines, collection auth) plus an environment,
// builds the CLI (node esbuild.js) unless --no-build, then times `node dist/cli.js import postman …` from spawn
// to exit, each run into a fresh folder. Prints every run, the median and its ratio to the 2 s target (the
// baseline: under 1.00 passes). Exits 1 when the median misses the target or an import fails.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(__dirname, '..');
const TARGET_MS = 2000;
const FOLDERS = 30;
const PER_FOLDER = 16;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'no-build': { type: 'boolean' } } });
const runs = Number(values.runs);

function cardBody(index: number): string {
  const lines = Array.from({ length: 60 }, (_, line) => ({
    reference: `REF-${index}-${line}-{{$guid}}`,
    amount: (index * 7 + line) % 1000,
    note: 'A line of a statement that makes the body as large as real card-program payloads are. '.repeat(1),
    holder: '{{firstName}} {{lastName}}',
  }));
  return JSON.stringify({ cardProduct: '{{cardProduct}}', customerReference: `BENCH-${index}-{{$timestamp}}`, lines }, null, 2);
}

function request(folder: number, index: number): unknown {
  const n = folder * PER_FOLDER + index;
  const post = index % 2 === 0;
  return {
    name: `Request ${n} (${post ? 'create' : 'read'})`,
    event: [
      {
        listen: 'test',
        script: {
          exec: [
            'pm.test("status", function () { pm.response.to.have.status(200); });',
            'var jsonData = pm.response.json();',
            `pm.environment.set("card${n}", jsonData.publicToken);`,
            'if (jsonData.warnings) { console.log(jsonData.warnings); }',
          ],
        },
      },
    ],
    request: {
      method: post ? 'POST' : 'GET',
      header: [
        { key: 'Content-Type', value: 'application/json' },
        { key: 'X-Region', value: '{{region}}' },
        { key: 'idempotencyKey', value: '{{$guid}}' },
        { key: 'X-Debug', value: '1', disabled: true },
      ],
      url: {
        raw: `{{baseUrl}}/core/api/v1/cards/:publicToken/items/${n}?page=1&size={{pageSize}}`,
        host: ['{{baseUrl}}'],
        path: ['core', 'api', 'v1', 'cards', ':publicToken', 'items', String(n)],
        query: [
          { key: 'page', value: '1' },
          { key: 'size', value: '{{pageSize}}' },
        ],
        variable: [{ key: 'publicToken', value: index > 0 ? `{{card${n - 1}}}` : '123456789' }],
      },
      ...(post ? { body: { mode: 'raw', raw: cardBody(n), options: { raw: { language: 'json' } } } } : {}),
    },
  };
}

function generate(dir: string): { collection: string; environment: string; requests: number; bytes: number } {
  const collection = {
    info: { name: 'Bench Cards', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{accessToken}}', type: 'string' }] },
    variable: [
      { key: 'pageSize', value: '50' },
      { key: 'cardProduct', value: '1001' },
      { key: 'firstName', value: 'Ada' },
      { key: 'lastName', value: 'Lovelace' },
    ],
    item: Array.from({ length: FOLDERS }, (_, folder) => ({
      name: `Folder ${folder}`,
      item: Array.from({ length: PER_FOLDER }, (_, index) => request(folder, index)),
    })),
  };
  const environment = {
    name: 'UAT',
    values: [
      { key: 'baseUrl', value: 'https://uat-api.example.com', enabled: true },
      { key: 'region', value: '0', enabled: true },
      { key: 'accessToken', value: 'not-a-real-token', type: 'secret', enabled: true },
    ],
  };
  const collectionFile = path.join(dir, 'bench.postman_collection.json');
  const text = JSON.stringify(collection, null, 2);
  fs.writeFileSync(collectionFile, text);
  const environmentFile = path.join(dir, 'uat.postman_environment.json');
  fs.writeFileSync(environmentFile, JSON.stringify(environment));
  return { collection: collectionFile, environment: environmentFile, requests: FOLDERS * PER_FOLDER, bytes: Buffer.byteLength(text) };
}

function main(): number {
  if (!(runs >= 1)) {
    console.error('usage: node --import tsx bench/postmanImport.ts [--runs N>=1] [--no-build]');
    return 2;
  }
  if (!values['no-build']) spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-bench-postman-'));
  try {
    const input = generate(dir);
    console.log(`collection: ${input.requests} requests, ${(input.bytes / 1e6).toFixed(2)} MB`);
    if (input.requests < 450 || input.bytes < 3e6) throw new Error('the generated collection is below 450 requests or 3 MB');
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const out = path.join(dir, `out-${run}`);
      const started = process.hrtime.bigint();
      const result = spawnSync(
        process.execPath,
        [
          path.join(ROOT, 'dist', 'cli.js'),
          'import',
          'postman',
          input.collection,
          '--environment',
          input.environment,
          '--out',
          out,
          '--json',
        ],
        {
          encoding: 'utf8',
        },
      );
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== 0) {
        console.error(result.stderr || result.stdout);
        return 1;
      }
      const report = JSON.parse(result.stdout);
      if (report.requests !== input.requests) {
        console.error(`imported ${report.requests} requests, expected ${input.requests}`);
        return 1;
      }
      times.push(ms);
      console.log(`run ${run + 1}: ${ms.toFixed(0)} ms (${report.files.length} files, ${report.translated} statements translated)`);
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
    const ratio = median / TARGET_MS;
    console.log(`median ${median.toFixed(0)} ms; ratio to the 2 s target: ${ratio.toFixed(2)} (${ratio < 1 ? 'met' : 'MISSED'})`);
    return ratio < 1 ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main();
