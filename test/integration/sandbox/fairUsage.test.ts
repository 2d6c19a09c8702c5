import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'undici';
import { FAIR_USAGE_CONNECTION_LIMIT, FAIR_USAGE_SUB_STATUS, SANDBOX_API_ROOT } from '../../../src/core/catalogue';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { tempDir } from './sandboxFixture';

/** One connection each: an undici Client keeps a single socket open between its requests. */
async function status(client: Client): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await client.request({ method: 'GET', path: `${SANDBOX_API_ROOT}/products`, headers: { 'x-region': '0' } });
  return { status: answer.statusCode, body: (await answer.body.json()) as Record<string, unknown> };
}

describe('fair usage: at most 20 concurrent connections per client IP address', () => {
  let dir: string;
  let sandbox: RunningSandbox;
  const clients: Client[] = [];

  // A sandbox of its own: no other test's connections from 127.0.0.1 are open to it.
  before(async () => {
    dir = tempDir('thredd-fair-usage-');
    sandbox = await startSandbox({ stateDir: path.join(dir, 'state'), ports: { tls: 0, mtls: 0 }, persistData: false });
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.destroy()));
    await sandbox.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a call on the 21st open connection with 403, sub-status 501, and lets it through once one closes', async () => {
    assert.equal(FAIR_USAGE_CONNECTION_LIMIT, 20);
    const open = () => {
      const client = new Client(sandbox.urls.tls, { connect: { ca: sandbox.caCertPem } });
      clients.push(client);
      return client;
    };
    for (let index = 0; index < FAIR_USAGE_CONNECTION_LIMIT; index += 1) {
      assert.equal((await status(open())).status, 401, `connection ${index + 1} is within the limit (and has no token)`);
    }
    const extra = open();
    const refused = await status(extra);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.subStatus, FAIR_USAGE_SUB_STATUS);
    assert.match(
      String(refused.body.detail),
      /^Fair usage: 127\.0\.0\.1 has 21 connections open to the API, more than the 20 allowed at once/,
    );
    assert.match(String(refused.body.detail), /\(403, sub-status 501\)/);
    assert.equal((await status(extra)).status, 403, 'every call on that connection, while the others stay open');

    await clients.shift()!.close();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the server sees the close
    assert.equal((await status(extra)).status, 401, 'within the limit once an older connection closed');
  });
});
