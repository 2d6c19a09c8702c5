// Key + CSR speed: our generateKeyAndCsr (RSA 2048, files written like `thredd csr`) against
// `openssl req -new -newkey rsa:2048 -nodes …` from Thredd Portal, interleaved run by run.
// Run: node --import tsx bench/csr.ts [runs]     (default 21 runs each; at least 15)
// RSA prime search time varies a lot between runs, so compare medians. If dist/cli.js exists
// (node esbuild.js), the built CLI is timed too, as a user would run it (Node start-up included).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateKeyAndCsr } from '../src/core/pki';

const runs = Math.max(15, Number(process.argv[2] ?? 21));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-bench-csr-'));
const cli = path.resolve(__dirname, '..', 'dist', 'cli.js');
const withCli = fs.existsSync(cli);
const subject = '/C=GB/O=Acme Ltd/OU=Cards/CN=';

function timeProcess(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main() {
  const ours: number[] = [];
  const openssl: number[] = [];
  const oursCli: number[] = [];
  await generateKeyAndCsr({ type: 'transport', subject: { commonName: 'warm-up' }, outDir: dir }); // load modules once
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await generateKeyAndCsr({
      type: 'transport',
      subject: { country: 'GB', organization: 'Acme Ltd', organizationalUnit: 'Cards', commonName: `ours-${run}` },
      outDir: dir,
    });
    ours.push(performance.now() - start);
    const name = `openssl-${run}`;
    openssl.push(
      timeProcess('openssl', [
        'req',
        '-new',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-out',
        `${name}-rtstransport.csr`,
        '-keyout',
        `${name}-rtstransport.key`,
        '-subj',
        `${subject}${name}`,
        '-sha256',
      ]),
    );
    if (withCli)
      oursCli.push(
        timeProcess(process.execPath, [
          cli,
          'csr',
          '--type',
          'transport',
          '--cn',
          `cli-${run}`,
          '--c',
          'GB',
          '--o',
          'Acme Ltd',
          '--ou',
          'Cards',
        ]),
      );
  }
  const row = (label: string, values: number[]) =>
    `${label.padEnd(34)} median ${median(values).toFixed(1).padStart(6)} ms   min ${Math.min(...values)
      .toFixed(1)
      .padStart(6)}   max ${Math.max(...values)
      .toFixed(1)
      .padStart(6)}`;
  console.log(`RSA 2048 key + CSR, ${runs} runs each, interleaved (${os.cpus().length} CPUs, Node ${process.version})`);
  console.log(row('ours (in process, files written)', ours));
  console.log(row('openssl req -newkey rsa:2048', openssl));
  if (withCli) console.log(row('node dist/cli.js csr (whole CLI)', oursCli));
  console.log(`ratio ours/openssl (medians): ${(median(ours) / median(openssl)).toFixed(2)}×   (target ≤ 1.5×)`);
  if (withCli) console.log(`ratio CLI/openssl (medians):  ${(median(oursCli) / median(openssl)).toFixed(2)}×`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
