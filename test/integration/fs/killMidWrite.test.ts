// writeFileAtomic must leave a file whole after a crash: a child process rewrites a 4 MiB file over and
// over (two versions, different in every byte), and is SIGKILLed at random moments. After each kill
// the file must be exactly one version, never cut short or mixed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REWRITER = path.join(__dirname, 'atomicRewriter.ts');
const KILLS = 25;
const SIZE = 4 * 1024 * 1024;

/** Kills the child once it has completed `writes` writes and `extraMs` more have passed; resolves when it is gone. */
async function killAfter(target: string, versions: string[], writes: number, extraMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', REWRITER, target, ...versions], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let completed = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the rewriter exited by itself (${code})`)));
    createInterface({ input: child.stdout! }).on('line', () => ++completed === writes && resolve());
  });
  await new Promise((resolve) => setTimeout(resolve, extraMs));
  child.kill('SIGKILL');
  await exited;
}

describe('writeFileAtomic killed mid-write', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-kill-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`leaves the old or the new version whole after ${KILLS} SIGKILLs at random moments`, { timeout: 180_000 }, async (t) => {
    const oldVersion = Buffer.alloc(SIZE, 'old version 1 | ');
    const newVersion = Buffer.alloc(SIZE, 'NEW VERSION 2 # ');
    const versions = [path.join(dir, 'old.bin'), path.join(dir, 'new.bin')];
    fs.writeFileSync(versions[0], oldVersion);
    fs.writeFileSync(versions[1], newVersion);
    const target = path.join(dir, 'target.bin');
    const seen = { old: 0, new: 0 };

    for (let kill = 1; kill <= KILLS; kill++) {
      // 1-4 whole writes, then anywhere in the next one (a 4 MiB write takes a few to tens of ms).
      await killAfter(target, versions, randomInt(1, 5), randomInt(0, 40));
      const content = fs.readFileSync(target);
      const version = content.equals(oldVersion) ? 'old' : content.equals(newVersion) ? 'new' : undefined;
      assert.ok(version, `kill ${kill}: the target holds ${content.length} bytes that are neither version`);
      seen[version] += 1;
    }
    const leftovers = fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));
    t.diagnostic(`versions after the kills: ${seen.old} old, ${seen.new} new; temp files left behind: ${leftovers.length}`);
    assert.ok(seen.old > 0 && seen.new > 0, 'the kills landed at different moments');
    assert.ok(
      leftovers.every((name) => /^\.target\.bin\.[0-9a-f]{12}\.tmp$/.test(name)),
      `only writeFileAtomic's own temp files: ${leftovers.join(', ')}`,
    );
  });
});
