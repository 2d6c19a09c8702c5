import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import { createTestCa } from '../../support/testPki';

// An environment's `ca` is added to the public roots, never a replacement for them: a token endpoint
// and an API host may have different issuers. The public roots cannot be exercised offline, so the
// probe runs with OpenSSL's store (--use-openssl-ca) pointed at a test CA standing in for them.
describe('an extra CA keeps the default roots trusted', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-roots-'));
  const servers: TestHttpsServer[] = [];
  let publicCaFile: string;
  let extraCaFile: string;

  before(async () => {
    const publicCa = await createTestCa({ commonName: 'Stand-in Public Root' });
    const extraCa = await createTestCa({ commonName: 'Environment CA' });
    publicCaFile = path.join(dir, 'public.pem');
    extraCaFile = path.join(dir, 'extra.pem');
    fs.writeFileSync(publicCaFile, publicCa.certPem);
    fs.writeFileSync(extraCaFile, extraCa.certPem);
    for (const ca of [publicCa, extraCa]) {
      const cert = await ca.issue({ commonName: 'localhost', usage: 'server' });
      servers.push(await startHttpsServer({ certPem: cert.certPem, keyPem: cert.keyPem }, (_request, response) => response.end('ok')));
    }
  });

  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Asynchronous: the servers answer from this process's event loop.
  async function probe(caFile: string): Promise<{ withCa: Record<string, string>; withoutCa: Record<string, string> }> {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--use-openssl-ca',
        '--import',
        'tsx',
        path.join(__dirname, '../../support/trustProbe.ts'),
        caFile,
        ...servers.map((server) => server.url),
      ],
      {
        env: { ...process.env, SSL_CERT_FILE: publicCaFile, SSL_CERT_DIR: dir },
      },
    );
    return JSON.parse(stdout.trim().split('\n').pop()!);
  }

  it('trusts a server of the root store and one of the extra CA, and the CA stays with its environment', async () => {
    const [publicServer, environmentServer] = servers.map((server) => server.url);
    const { withCa, withoutCa } = await probe(extraCaFile);
    assert.deepEqual(withCa, { [publicServer]: '200', [environmentServer]: '200' });
    assert.deepEqual(
      withoutCa,
      { [publicServer]: '200', [environmentServer]: 'tls-unknown-ca' },
      'adding the CA did not add it to the roots every other host is checked against',
    );
  });

  it('refuses the environment server when no extra CA is configured (the probe really checks)', async () => {
    const [publicServer, environmentServer] = servers.map((server) => server.url);
    assert.deepEqual((await probe('-')).withCa, { [publicServer]: '200', [environmentServer]: 'tls-unknown-ca' });
  });
});
