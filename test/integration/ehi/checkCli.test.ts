import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { statePaths } from '../../../src/sandbox/stateFiles';
import { createCheckPki, startEndpoint, type CheckPki } from './checkServers';

describe('thredd ehi check', () => {
  let pki: CheckPki;
  before(async () => (pki = await createCheckPki()));
  after(() => pki.cleanup());

  async function thredd(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text), env: {}, cwd: pki.dir });
    return { code, stdout, stderr };
  }

  it('prints exactly {ok, findings: [{id, status, message, fix}]} with --json and exits 0 when nothing fails', async () => {
    const endpoint = await startEndpoint({ certPem: pki.fullChainPem, keyPem: pki.leaf.keyPem });
    try {
      const { code, stdout, stderr } = await thredd('ehi', 'check', endpoint.url, '--ca', 'root.pem', '--json');
      assert.equal(stderr, '');
      assert.equal(code, 0);
      const report = JSON.parse(stdout);
      assert.deepEqual(Object.keys(report), ['ok', 'findings']);
      assert.equal(report.ok, true);
      assert.ok(report.findings.length > 10);
      for (const finding of report.findings) {
        assert.deepEqual(Object.keys(finding), ['id', 'status', 'message', 'fix']);
        assert.ok(['pass', 'warn', 'fail'].includes(finding.status));
        assert.equal(typeof finding.message, 'string');
        assert.equal(finding.status === 'pass', finding.fix === '', `${finding.id}: a fix for every warn and fail, none for a pass`);
      }
    } finally {
      await endpoint.close();
    }
  });

  it('exits 1 on any failing finding and prints one line per finding with its symbol, the fix indented under it', async () => {
    const endpoint = await startEndpoint({ certPem: pki.leaf.certPem, keyPem: pki.leaf.keyPem });
    try {
      const { code, stdout } = await thredd('ehi', 'check', endpoint.url, '--ca', 'root.pem');
      assert.equal(code, 1);
      const lines = stdout.split('\n');
      const intermediate = lines.findIndex((line) => line.startsWith('✖ chain.intermediate: The server does not send its intermediate'));
      assert.ok(intermediate >= 0, stdout);
      assert.match(lines[intermediate + 1], /^ {4}fix: Configure the server to send the full chain/);
      assert.ok(lines.some((line) => line === '✔ protocol.tls1.2: TLS 1.2 is accepted.'));
      assert.match(stdout, /\nFAILED: \d+ passed, \d+ warnings, \d+ failed\.\n$/);
    } finally {
      await endpoint.close();
    }
  });

  it("uses the sandbox's EHI client certificate under <cwd>/.thredd/sandbox with --mtls", async () => {
    const paths = statePaths(path.join(pki.dir, '.thredd', 'sandbox'));
    fs.mkdirSync(path.dirname(paths.ehiClientCert), { recursive: true });
    fs.copyFileSync(pki.clientCertFile, paths.ehiClientCert);
    fs.copyFileSync(pki.clientKeyFile, paths.ehiClientKey);
    const clientCaPem = pki.clientIssuing.certPem + pki.clientRoot.certPem;
    const endpoint = await startEndpoint({
      certPem: pki.fullChainPem,
      keyPem: pki.leaf.keyPem,
      requestCert: true,
      rejectUnauthorized: true,
      clientCaPem,
    });
    try {
      const { code, stdout } = await thredd('ehi', 'check', endpoint.url, '--mtls', '--ca', 'root.pem', '--json');
      const report = JSON.parse(stdout);
      const byId = Object.fromEntries(report.findings.map((finding: { id: string; status: string }) => [finding.id, finding.status]));
      assert.equal(byId['mtls.client-certificate'], 'pass');
      assert.equal(byId['mtls.with-certificate'], 'pass');
      assert.equal(byId['mtls.without-certificate'], 'pass');
      assert.equal(code, 0);
    } finally {
      fs.rmSync(path.join(pki.dir, '.thredd'), { recursive: true, force: true });
      await endpoint.close();
    }
  });

  describe('bad input is one line on stderr with a fix, never a stack or a hang', () => {
    async function refused(argv: string[], expected: RegExp) {
      const { code, stdout, stderr } = await thredd('ehi', 'check', ...argv);
      assert.equal(code, 1);
      assert.equal(stdout, '');
      assert.match(stderr, expected);
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.doesNotMatch(stderr, /\bat .*\.ts:\d+/);
    }

    it('refuses a string that is not a URL', () =>
      refused(['not a url'], /^thredd: "not a url" is not a URL\. Give the endpoint as https:/));

    it('refuses an http:// URL', () =>
      refused(['http://127.0.0.1:1/ehi'], /is not an https:\/\/ URL: Thredd only calls EHI endpoints over TLS or mTLS/));

    it('refuses an unreadable --ca file', () =>
      refused(['https://127.0.0.1:1/', '--ca', 'missing.pem'], /The --ca file .*missing\.pem does not exist\./));

    it('refuses a --ca file without certificates', async () => {
      pki.write('empty.pem', 'nothing here\n');
      await refused(['https://127.0.0.1:1/', '--ca', 'empty.pem'], /The --ca file .*empty\.pem holds no readable PEM certificate/);
    });

    it('refuses --cert without --key', () =>
      refused(['https://127.0.0.1:1/', '--mtls', '--cert', 'ehi-client.pem'], /--cert and --key go together/));

    it('reports a refused connection', async () => {
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as net.AddressInfo;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await refused(
        [`https://127.0.0.1:${port}/ehi`],
        /Nothing is listening at 127\.0\.0\.1:\d+ \(connection refused\)\. Check the host and port/,
      );
    });

    it('gives up on an endpoint that accepts TCP but never answers the handshake, within --timeout', async () => {
      const sockets: net.Socket[] = [];
      const server = net.createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as net.AddressInfo;
      try {
        await refused(
          [`https://127.0.0.1:${port}/ehi`, '--timeout', '300'],
          /accepted the connection but did not complete a TLS handshake \(no TLS handshake within 300 ms\)/,
        );
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });

    it('refuses a --timeout that is not a whole number', () =>
      refused(['https://127.0.0.1:1/', '--timeout', 'soon'], /--timeout must be a whole number/));
  });
});
