import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { Client } from 'undici';
import { SANDBOX_API_ROOT } from '../../../src/core/catalogue';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { tempDir } from './sandboxFixture';

const LATENCY_MS = 300;

describe('apiLatencyMs: the sandbox as if Thredd were across a network', () => {
  let dir: string;
  let sandbox: RunningSandbox;
  const clients: Client[] = [];

  before(async () => {
    dir = tempDir('thredd-latency-');
    sandbox = await startSandbox({
      stateDir: path.join(dir, 'state'),
      ports: { tls: 0, mtls: 0 },
      persistData: false,
      apiLatencyMs: LATENCY_MS,
    });
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.destroy()));
    await sandbox.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds each API answer for the latency, and holds concurrent calls side by side rather than one after another', async () => {
    const call = async () => {
      const client = new Client(sandbox.urls.tls, { connect: { ca: sandbox.caCertPem } });
      clients.push(client);
      const started = performance.now();
      const answer = await client.request({ method: 'GET', path: `${SANDBOX_API_ROOT}/products`, headers: { 'x-region': '0' } });
      await answer.body.dump();
      return { status: answer.statusCode, elapsed: performance.now() - started };
    };
    const started = performance.now();
    const answers = await Promise.all([call(), call(), call(), call()]);
    const total = performance.now() - started;
    for (const answer of answers) {
      assert.equal(answer.status, 401, 'no token: refused, after the latency like any answer');
      assert.ok(answer.elapsed >= LATENCY_MS - 5, `waited ${answer.elapsed.toFixed(0)} ms`);
    }
    assert.ok(total < 4 * LATENCY_MS, `four calls together took ${total.toFixed(0)} ms, not four latencies in a row`);
  });
});
