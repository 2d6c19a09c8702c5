// Key + CSR speed against `openssl req -new -newkey rsa:2048 -nodes …` from Thredd Portal, interleaved
// run by run: our generateKeyAndCsr in process, and the whole `thredd csr` process (dist/cli.js, the
// production build) minus a bare `node -e 0` timed in the same run, since Node's start-up is the floor of
// any Node CLI and this measures what we add to it.
// Run: node --import tsx bench/csr.ts [runs]     (default 31 runs each; at least 15)
// Target (issue 16): median(thredd csr − node -e 0, paired per run) ≤ 1.2 × median(openssl req); exits 1 when missed.
// RSA prime search time varies a lot between runs, so compare medians of many runs on an idle machine.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateKeyAndCsr } from '../src/core/pki';
import { median } from './benchSupport';

const runs = Math.max(15, Number(process.argv[2] ?? 31));
const TARGET_RATIO = 1.2;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-bench-csr-'));
const cli = path.resolve(__dirname, '..', 'dist', 'cli.js');
const subject = '/C=GB/O=Acme Ltd/OU=Cards/CN=';

function timeProcess(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return elapsed;
}

async function main() {
  const ours: number[] = [];
  const openssl: number[] = [];
  const oursCli: number[] = [];
  const bareNode: number[] = [];
  const added: number[] = [];
  // The production build: what users run (minified, no source maps).
  spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: path.resolve(__dirname, '..'), stdio: 'inherit' });
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
    const node = timeProcess(process.execPath, ['-e', '0']);
    bareNode.push(node);
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
    added.push(oursCli.at(-1)! - node);
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
  console.log(row('node dist/cli.js csr (whole CLI)', oursCli));
  console.log(row('node -e 0 (Node start-up)', bareNode));
  console.log(row('thredd csr − node -e 0 (paired)', added));
  console.log(`ratio ours in process / openssl (medians): ${(median(ours) / median(openssl)).toFixed(2)}×`);
  const ratio = median(added) / median(openssl);
  const met = ratio <= TARGET_RATIO;
  console.log(
    `ratio (thredd csr − node -e 0) / openssl req: ${ratio.toFixed(2)}×   (target ≤ ${TARGET_RATIO}×): ${met ? 'met' : 'MISSED'}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  if (!met) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
