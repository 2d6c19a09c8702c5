// JSON body completion and API diagnostics of a 1,000-request .thredd file (issue #13).
//
//   node --import tsx bench/apiEditing.ts [--runs 21]
//
// Measures the code that ships: esbuild.js's lazy bundles (dist/lazy/api-editing.js, catalogue.js and
// json-language-service.js, production-built into a temp folder) and the parser bundled as the extension
// bundles it. The file is generated: mostly create-card requests, each body different (names, references,
// one in four with a {{variable}} as a value), with status changes, card updates and reads between them.
//   1. Body completion inside the 500th request's cardHolder, as the completion provider does it on a
//      keystroke: parse the new version of the file, find the request, read its body as JSON, ask
//      vscode-json-languageservice (target: median < 20 ms).
//   2. Full API diagnostics of the file, as the diagnostics source computes them for a document it has not
//      checked yet: parse, then every request's operation, scope and JSON body (target: median < 100 ms).
//   3. For information: the same after an edit of one body, where the other bodies' results are kept.
// Prints each median with its ratio to the target, and exits 1 when a target is missed. Timings vary with
// machine load: run it on an idle machine.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type * as ApiEditing from '../src/core/apiEditing';
import type { Environment, ThreddConfig } from '../src/core/config';
import type * as RequestFile from '../src/core/requestFile';

const ROOT = path.resolve(__dirname, '..');
const REQUESTS = 1_000;
const COMPLETION_TARGET_MS = 20;
const DIAGNOSTICS_TARGET_MS = 100;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const RUNS = Number(values.runs);

const FIRST_NAMES = ['Amara', 'Ben', 'Chloe', 'Dev', 'Elif', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jo'];
const LAST_NAMES = ['Okafor', 'Carter', 'Nguyen', 'Patel', 'Yilmaz', 'Haddad', 'Berg', 'Sato', 'Petrov', 'Quinn'];

/** One create-card request; `index` makes its names, reference and date of birth its own. */
function createCard(index: number): string[] {
  const first = FIRST_NAMES[index % 10];
  const last = LAST_NAMES[Math.floor(index / 10) % 10];
  const physical = index % 3 === 0;
  return [
    `### Create card ${index}`,
    `# @name card${index}`,
    '# @expect status 200',
    'POST {{baseUrl}}/core/api/v1/cards',
    'Content-Type: application/json',
    'idempotencyKey: {{$guid}}',
    '',
    '{',
    `  "cardType": "${physical ? 'Physical' : 'Virtual'}",`,
    `  "cardProduct": ${index % 4 === 0 ? '{{productId}}' : 1001 + (index % 3)},`,
    `  "customerReference": "CUST-${String(index).padStart(5, '0')}",`,
    ...(physical ? [`  "nameOnCard": "${first.toUpperCase()} ${last.toUpperCase()}",`] : []),
    '  "cardHolder": {',
    `    "firstName": "${first}",`,
    `    "lastName": "${last}",`,
    `    "dateOfBirth": "19${50 + (index % 50)}-0${1 + (index % 9)}-1${index % 10}",`,
    `    "email": "${first.toLowerCase()}.${last.toLowerCase()}${index}@example.com"`,
    '  },',
    '  "address": {',
    `    "addressLine1": "${1 + (index % 200)} Harbour Street",`,
    '    "city": "Bristol",',
    `    "postCode": "BS${1 + (index % 9)} 4RN",`,
    '    "country": "GBR"',
    '  }',
    '}',
    '',
  ];
}

/** A change or read of the card the last create-card request made (requests 7 to 9 of each ten follow 6). */
function otherRequest(index: number): string[] {
  const token = `{{card${index - (index % 10) + 6}.response.body.$.publicToken}}`;
  switch (index % 4) {
    case 0:
      return [
        `### Activate ${index}`,
        `PUT {{baseUrl}}/core/api/v1/cards/${token}/status`,
        'Content-Type: application/json',
        '',
        `{ "cardStatusCode": "00", "updatedBy": "bench-${index}" }`,
        '',
      ];
    case 1:
      return [
        `### Move ${index}`,
        `PATCH {{baseUrl}}/core/api/v1/cards/${token}`,
        'Content-Type: application/json',
        '',
        `{ "address": { "addressLine1": "${index} Canal Walk", "postCode": "BS2 0JX", "country": "GBR" } }`,
        '',
      ];
    default:
      return [`### Read ${index}`, `GET {{baseUrl}}/core/api/v1/cards/${token}`, 'Accept: application/json', ''];
  }
}

/** Seven in ten requests create a card; the others change or read the card made before them. */
function generateFile(): string[] {
  const lines = ['@productId = 1001', ''];
  for (let index = 0; index < REQUESTS; index++) lines.push(...(index % 10 < 7 ? createCard(index) : otherRequest(index)));
  return lines;
}

/** The environment and application a team would use: it may read and write cards. */
function environmentAndConfig(): { config: ThreddConfig; environment: Environment } {
  const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };
  const environment: Environment = {
    name: 'uat',
    baseUrl: 'https://uat-api.thredd.com',
    region: '1',
    application: 'app',
    insecure: false,
    variables: {},
    range,
  };
  const application = {
    name: 'app',
    clientId: 'client',
    auth: { method: 'client_secret_post' as const },
    scopes: ['cards.read', 'cards.write'],
    range,
  };
  return {
    environment,
    config: { file: '/bench/thredd.json', dir: '/bench', environments: { uat: environment }, applications: { app: application } },
  };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(runs: number, task: (run: number) => Promise<unknown>): Promise<number> {
  for (let warmup = 0; warmup < 3; warmup++) await task(-1 - warmup);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    await task(run);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

function report(label: string, measured: number, target?: number): boolean {
  const met = target === undefined || measured < target;
  const goal = target === undefined ? '' : `  = ${(measured / target).toFixed(3)} of the ${target} ms target: ${met ? 'met' : 'MISSED'}`;
  console.log(`${label.padEnd(62)} median ${measured.toFixed(2).padStart(7)} ms${goal}`);
  return met;
}

/** The lazy bundles as esbuild.js builds them for production, and the parser as the extension bundles it. */
async function loadShipped(): Promise<{ api: typeof ApiEditing; requestFile: typeof RequestFile }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-bench-api-'));
  const { lazyBuild } = require(path.join(ROOT, 'esbuild.js')) as { lazyBuild: esbuild.BuildOptions };
  await esbuild.build({ ...lazyBuild, absWorkingDir: ROOT, outdir: dir, minify: true, sourcemap: false });
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/core/requestFile/index.ts')],
    outfile: path.join(dir, 'requestFile.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    logLevel: 'warning',
  });
  try {
    return { api: require(path.join(dir, 'api-editing.js')), requestFile: require(path.join(dir, 'requestFile.js')) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { api, requestFile } = await loadShipped();
  const lines = generateFile();
  const text = lines.join('\n');
  const lineAt = (line: number) => lines[line];
  const { config, environment } = environmentAndConfig();
  const bodies = new api.BodyLanguage();
  console.log(`Node ${process.version}; the lazy bundles production-built as shipped; ${RUNS} runs each after 3 warm-ups.`);
  console.log(`${REQUESTS} requests, ${lines.length} lines, ${(text.length / 1024).toFixed(0)} KiB.`);

  // What the checks find must be what a correct file has: nothing, so the figures are not of an error path.
  const parsed = requestFile.parseRequestFile(text);
  const found = await new api.ApiChecks(bodies).check(parsed, { lineAt, config, environment });
  const checkedBodies = parsed.requests.filter(
    (request) => api.operationOf(request)?.requestBody && api.bodyJson(parsed, request, lineAt),
  ).length;
  if (parsed.requests.length !== REQUESTS || parsed.diagnostics.length + found.length !== 0 || checkedBodies < 800) {
    const problems = `${parsed.diagnostics.length} parse problems and ${found.length} API warnings`;
    console.error(
      `The generated file has ${parsed.requests.length} requests, ${checkedBodies} JSON bodies, ${problems}: ` +
        `expected ${REQUESTS}, 800 or more, 0.`,
    );
    for (const problem of [...parsed.diagnostics, ...found].slice(0, 5))
      console.error(`  line ${problem.range.start.line + 1}: ${problem.message}`);
    process.exit(1);
  }
  console.log(`${checkedBodies} JSON bodies are checked against their operation's schema.`);

  // Inside the 500th request's cardHolder, on a new line after "firstName", as if about to type the next field.
  const target = parsed.requests[500];
  const holder = lines.indexOf('  "cardHolder": {', target.range.start.line);
  const position = { line: holder + 2, column: 4 };
  const cache = new requestFile.RequestFileCache();
  const complete = async (version: number) => {
    const file = cache.get('file:///bench.thredd', version, () => text);
    const request = api.requestForLine(file, position.line)!;
    const operation = api.operationOf(request)!;
    const list = await bodies.complete(operation, api.bodyJson(file, request, lineAt, position.line)!, position);
    if (!list?.items.some((item) => item.label === 'middleName')) throw new Error('the completion does not offer middleName');
  };
  let ok = true;
  ok = report('body completion, file parsed again (a keystroke)', await time(RUNS, (run) => complete(run)), COMPLETION_TARGET_MS) && ok;
  report('body completion, parse cached (info)', await time(RUNS, () => complete(-100)));

  const diagnose = async (run: number) => {
    const file = cache.get('file:///bench.thredd', 1_000 + run, () => text);
    return new api.ApiChecks(bodies).check(file, { lineAt, config, environment });
  };
  ok = report(`full API diagnostics, ${REQUESTS} requests, first check`, await time(RUNS, diagnose), DIAGNOSTICS_TARGET_MS) && ok;

  const kept = new api.ApiChecks(bodies);
  await kept.check(parsed, { lineAt, config, environment });
  const edited = [...lines];
  const editedLine = lines.indexOf('    "city": "Bristol",', target.range.start.line);
  const again = async (run: number) => {
    edited[editedLine] = `    "city": "Bristol ${run}",`;
    const file = cache.get('file:///bench.thredd', 100_000 + run, () => edited.join('\n'));
    return kept.check(file, { lineAt: (line) => edited[line], config, environment });
  };
  report('API diagnostics after one body changed (info)', await time(RUNS, again));
  process.exit(ok ? 0 : 1);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
