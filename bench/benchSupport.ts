// What the benchmarks share: the median, a whole process timed with its output in a file, and the
// comparison tools (httpyac, newman) installed once outside the project.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export const BENCH_TOOLS = path.join(os.homedir(), '.cache', 'thredd', 'bench-tools');

export function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface TimedCommand {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** Runs a command with stdout/stderr going to a file (as in CI logs), so reading its output costs nothing. */
export function timeProcess(timed: TimedCommand, cwd: string): Promise<{ ms: number; code: number | null; output: string }> {
  const log = path.join(cwd, 'output.log');
  const fd = fs.openSync(log, 'w');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(timed.command, timed.args, { cwd, env: { ...process.env, ...timed.env }, stdio: ['ignore', fd, fd] });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      fs.closeSync(fd);
      resolve({ ms, code, output: fs.readFileSync(log, 'utf8') });
    });
  });
}

/** httpyac and newman in ~/.cache/thredd/bench-tools, installed on first use; false when npm cannot install them. */
export function installBenchTools(): boolean {
  const bin = (name: string) => path.join(BENCH_TOOLS, 'node_modules', '.bin', name);
  if (fs.existsSync(bin('httpyac')) && fs.existsSync(bin('newman'))) return true;
  console.log(`Installing httpyac and newman into ${BENCH_TOOLS} (once)…`);
  fs.mkdirSync(BENCH_TOOLS, { recursive: true });
  try {
    execFileSync('npm', ['install', '--prefix', BENCH_TOOLS, '--no-audit', '--no-fund', 'httpyac', 'newman'], { stdio: 'inherit' });
    return true;
  } catch {
    console.log('Could not install httpyac/newman; timing the others only.');
    return false;
  }
}
