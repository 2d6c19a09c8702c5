// Parser and CodeLens timings for the .thredd language.
//
//   node --import tsx bench/parse.ts
//
// Measures the parser as it ships (src/core/requestFile bundled by esbuild, like the extension), and
// prints the median of repeated runs next to a floor measured in the same process on the same text:
// `text.split('\n')` plus one look at each line, the least any line-based parser must do.
//   1. parseRequestFile on a generated 10,000-request file with a typical mix of features (issue 16:
//      <= 50 ms, or <= 10x the split floor), and on a dense one with every feature in every request (for information).
//   2. Re-parse of that file after a one-line edit in its middle (reparseDocument from the previous
//      version, as the editor's DocumentStore does): target <= 5 ms. Also, for information, an edit
//      that adds a line (the requests below it move, so they are parsed again).
//   3. CodeLens positions of a 1,000-request file: parse through RequestFileCache with an edited
//      document each version (what typing costs), then one lens per request + one at the top (target < 20 ms);
//      also the cached case (same version), which is what scrolling and re-rendering cost.
// Exits 1 when a target is missed. Timings vary with machine load: run it on an idle machine.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ParsedRequestFile, TextPosition } from '../src/core/requestFile';

/**
 * A realistic mix, as REST Client users write: every request has a ### title and a # @name, one in four
 * has @expect lines, 40% POST a JSON body chained from an earlier response, 10% continue their query on
 * following lines, and each has one to three headers with variables.
 */
function generateTypical(count: number): string {
  const parts = ['@host = {{baseUrl}}/core/api/v1', '@token = {{$processEnv THREDD_TOKEN}}', ''];
  for (let index = 0; index < count; index++) {
    parts.push(`### Request ${index}`, `# @name request${index}`);
    if (index % 4 === 0) parts.push('# @expect status 200', '# @expect body $.items.length > 0');
    if (index % 5 < 2) {
      parts.push(`POST {{host}}/cards/${index}`, 'Content-Type: application/json', 'X-Region: {{region}}', '');
      parts.push('{', `  "productId": "{{request${Math.max(0, index - 1)}.response.body.$.id}}",`, '  "reference": "{{$guid}}"', '}', '');
    } else if (index % 10 === 2) {
      parts.push(`GET {{host}}/products/${index}`, '    ?page=1', '    &size={{pageSize}}', 'Accept: application/json', '');
    } else {
      parts.push(`GET {{host}}/products/${index}`, 'Authorization: Bearer {{token}}', '');
    }
  }
  return parts.join('\n');
}

/** Every feature in every request: an upper bound, printed for information. */
function generateDense(count: number): string {
  const parts = ['@host = {{baseUrl}}/core/api/v1', '@token = {{$processEnv THREDD_TOKEN}}', ''];
  for (let index = 0; index < count; index++) {
    parts.push(`### Request ${index}`, `# @name request${index}`, '# @expect status 200', '# @expect body $.items.length > 0');
    if (index % 3 === 0) {
      parts.push(
        `POST {{host}}/cards/${index}`,
        'Content-Type: application/json',
        'X-Region: {{region}}',
        'Authorization: Bearer {{token}}',
        '',
      );
      parts.push(
        '{',
        `  "productId": "{{request${Math.max(0, index - 1)}.response.body.$.id}}",`,
        `  "reference": "{{$guid}}",`,
        '  "amount": 1250',
        '}',
        '',
      );
    } else {
      parts.push(`GET {{host}}/products/${index}`, '    ?page=1', '    &size={{pageSize}}', 'Accept: application/json', '');
    }
  }
  return parts.join('\n');
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, task: (run: number) => unknown): number {
  let sink = 0;
  for (let warmup = 0; warmup < 3; warmup++) sink += Number(Boolean(task(-1 - warmup)));
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    sink += Number(Boolean(task(run)));
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  if (sink < 0) console.log(sink);
  return median(samples);
}

/** The floor: split into lines and look at each line's first character. */
function splitFloor(text: string): number {
  let count = 0;
  for (const line of text.split('\n')) if (line.charCodeAt(0) === 35) count++;
  return count;
}

/** What the CodeLens provider computes: one lens at the top (Send All, environment) and one per request line. */
function codeLensPositions(parsed: ParsedRequestFile): TextPosition[] {
  return [{ line: 0, column: 0 }, ...parsed.requests.map((request) => request.requestLineRange.start)];
}

function report(label: string, measured: number, floor: number, target?: number): boolean {
  const met = target === undefined || measured <= target;
  const goal = target === undefined ? '' : `  ${(measured / target).toFixed(2)}x of the ${target} ms target: ${met ? 'met' : 'MISSED'}`;
  console.log(
    `${label.padEnd(52)} median ${measured.toFixed(2).padStart(8)} ms  (split floor ` +
      `${floor.toFixed(2)} ms, ratio ${(measured / floor).toFixed(1)}x)${goal}`,
  );
  return met;
}

/** Issue 16's parse target: met by either bound, so a loaded machine (slower floor too) is judged fairly. */
function reportParse(label: string, measured: number, floor: number): boolean {
  const absolute = measured / PARSE_TARGET_MS;
  const relative = measured / (PARSE_FLOOR_RATIO * floor);
  const met = absolute <= 1 || relative <= 1;
  console.log(
    `${label.padEnd(52)} median ${measured.toFixed(2).padStart(8)} ms  (split floor ${floor.toFixed(2)} ms, ratio ` +
      `${(measured / floor).toFixed(1)}x)  ${absolute.toFixed(2)}x of ${PARSE_TARGET_MS} ms, ${relative.toFixed(2)}x of ` +
      `${PARSE_FLOOR_RATIO}x the floor: ${met ? 'met' : 'MISSED'}`,
  );
  return met;
}

const PARSE_TARGET_MS = 50;
const PARSE_FLOOR_RATIO = 10;
const REPARSE_TARGET_MS = 5;

/** The text with `from` (its first place after 40% of the text) replaced by `to`. */
function editNearMiddle(text: string, from: string, to: string): string {
  const at = text.indexOf(from, Math.floor(text.length * 0.4));
  if (at < 0) throw new Error(`"${from}" is not in the generated file after 40% of it.`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

async function main(): Promise<void> {
  const { parseRequestFile, parseDocument, reparseDocument, RequestFileCache } = await loadShippedParser();
  const typical = generateTypical(10_000);
  const dense = generateDense(10_000);
  const medium = generateTypical(1_000);
  const describe = (text: string) => `${text.split('\n').length} lines, ${(text.length / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`Node ${process.version}; parser bundled by esbuild as shipped.`);
  console.log(`typical 10,000 requests: ${describe(typical)}; dense 10,000: ${describe(dense)}; typical 1,000: ${describe(medium)}`);

  for (const text of [typical, dense]) {
    const parsed = parseRequestFile(text);
    if (parsed.requests.length !== 10_000 || parsed.diagnostics.length !== 0) {
      console.error(
        `A generated file parsed to ${parsed.requests.length} requests and ${parsed.diagnostics.length} diagnostics; expected 10000 and 0.`,
      );
      process.exit(1);
    }
  }

  let ok = true;
  ok =
    reportParse(
      'parseRequestFile, 10,000 typical requests',
      time(21, () => parseRequestFile(typical)),
      time(21, () => splitFloor(typical)),
    ) && ok;
  report(
    'parseRequestFile, 10,000 dense requests (info)',
    time(21, () => parseRequestFile(dense)),
    time(21, () => splitFloor(dense)),
  );

  // Typing: a character added to a URL in the middle of the file, then removed, each a new version parsed from the last.
  const line = 'GET {{host}}/products/5003';
  const typed = editNearMiddle(typical, line, `${line}7`);
  const versions = [parseDocument(typical), parseDocument(typed)];
  for (const [index, version] of versions.entries()) {
    const full = JSON.stringify(parseRequestFile(version.text));
    if (JSON.stringify(reparseDocument(versions[1 - index], version.text).parsed) !== full) {
      console.error('The re-parse after the edit differs from a full parse.');
      process.exit(1);
    }
  }
  const reparse = (from: number) => reparseDocument(versions[from], versions[1 - from].text);
  const reparseFloor = time(21, () => splitFloor(typed));
  ok =
    report(
      're-parse after typing in one line (10,000 requests)',
      time(41, (run) => reparse(Math.abs(run) % 2)),
      reparseFloor,
      REPARSE_TARGET_MS,
    ) && ok;
  const added = editNearMiddle(typical, line, `${line}\nAccept: */*`);
  const lineVersions = [parseDocument(typical), parseDocument(added)];
  report(
    're-parse after adding a line mid-file (info)',
    time(21, (run) => reparseDocument(lineVersions[Math.abs(run) % 2], lineVersions[1 - (Math.abs(run) % 2)].text)),
    reparseFloor,
  );

  const cache = new RequestFileCache();
  const mediumFloor = time(51, () => splitFloor(medium));
  const mediumTyped = editNearMiddle(medium, 'GET {{host}}/products/503', 'GET {{host}}/products/5037');
  const cold = time(51, (run) => codeLensPositions(cache.get('file:///bench.thredd', run, run % 2 ? mediumTyped : medium)));
  ok = report('CodeLens, 1,000 requests, an edit each version', cold, mediumFloor, 20) && ok;
  cache.get('file:///bench.thredd', 1_000_000, medium);
  report(
    'CodeLens, 1,000 requests, cached version',
    time(51, () => codeLensPositions(cache.get('file:///bench.thredd', 1_000_000, medium))),
    mediumFloor,
  );
  process.exit(ok ? 0 : 1);
}

/** Measures the code that ships: src/core/requestFile bundled by esbuild, as esbuild.js builds the extension. */
async function loadShippedParser(): Promise<typeof import('../src/core/requestFile')> {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-bench-')), 'requestFile.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, '../src/core/requestFile/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  try {
    return require(outfile);
  } finally {
    fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
