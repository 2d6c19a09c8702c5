import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createPublicKey, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { bodyBytes, createHttpClient } from '../../../src/core/http';
import { generateKeyAndCsr } from '../../../src/core/pki';
import { tempDir } from './sandboxFixture';

let dir: string;
const root = path.resolve(__dirname, '..', '..', '..');

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text), env: {}, cwd: dir });
  return { code, stdout, stderr };
}

describe('thredd sandbox, sandbox init and sandbox issue', () => {
  before(() => {
    dir = tempDir('thredd-sandbox-cli-');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('issue writes the certificate beside the CSR, never over an existing file, and issues expired ones on request', async () => {
    const transport = await generateKeyAndCsr({
      type: 'transport',
      subject: { commonName: 'cli-app' },
      outDir: path.join(dir, 'certs'),
      keyAlgorithm: 'p256',
    });
    const first = await run(['sandbox', 'issue', '--csr', 'certs/cli-app-rtstransport.csr', '--type', 'transport', '--state', 'state']);
    assert.equal(first.code, 0, first.stderr);
    const certFile = path.join(dir, 'certs', 'cli-app-rtstransport.pem');
    assert.match(first.stdout, new RegExp(`^Certificate: ${certFile}\\n  Transport certificate for CN=cli-app, serial [0-9A-F]+\\n`));
    const certificate = new X509Certificate(fs.readFileSync(certFile));
    assert.ok(certificate.publicKey.equals(createPublicKey(transport.privateKey)), "the certificate is for the CSR's key");
    assert.match(certificate.issuer, /CN=Sandbox Issuing CA/);
    const before = fs.readFileSync(certFile, 'utf8');

    const again = await run(['sandbox', 'issue', '--csr', 'certs/cli-app-rtstransport.csr', '--type', 'transport', '--state', 'state']);
    assert.equal(again.code, 1);
    assert.equal(
      again.stderr,
      `thredd: ${certFile} already exists; it was left untouched. Move it away first (certificates are never overwritten).\n`,
    );
    assert.equal(fs.readFileSync(certFile, 'utf8'), before);

    await generateKeyAndCsr({ type: 'signing', subject: { commonName: 'old-app' }, outDir: path.join(dir, 'certs'), keyAlgorithm: 'p256' });
    const expired = await run([
      'sandbox',
      'issue',
      '--csr',
      'certs/old-app-rtssigning.csr',
      '--type',
      'signing',
      '--days=-2',
      '--state',
      'state',
      '--json',
    ]);
    assert.equal(expired.code, 0, expired.stderr);
    const json = JSON.parse(expired.stdout);
    assert.equal(json.type, 'signing');
    assert.match(json.kid, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(Date.parse(json.notAfter) < Date.now() - 86_400_000);
    assert.equal(fs.statSync(path.join(dir, 'state')).mode & 0o777, 0o700);
  });

  it('issue refuses a wrong type, a missing CSR, and a file that is not a CSR, in one line', async () => {
    assert.match(
      (await run(['sandbox', 'issue', '--csr', 'x.csr', '--type', 'encryption'])).stderr,
      /^thredd: --type must be transport or signing\. Usage: thredd sandbox issue/,
    );
    assert.match(
      (await run(['sandbox', 'issue', '--csr', 'missing.csr', '--type', 'signing', '--state', 'state'])).stderr,
      /^thredd: Cannot read the CSR .*missing\.csr: no such file\.\n$/,
    );
    fs.writeFileSync(path.join(dir, 'cert.csr'), fs.readFileSync(path.join(dir, 'certs', 'cli-app-rtstransport.pem')));
    const wrong = await run(['sandbox', 'issue', '--csr', 'cert.csr', '--type', 'signing', '--state', 'state']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /^thredd: .*cert\.csr is a certificate, not a CSR\. Upload the \.csr file/);
    assert.match(
      (await run(['sandbox', 'issue', '--csr', 'cert.csr', '--type', 'signing', '--days', 'soon'])).stderr,
      /--days must be a whole number of days/,
    );
  });

  it('init writes a workspace whose thredd.json passes "thredd config check"', async () => {
    const init = await run(['sandbox', 'init', '--workspace', 'ws', '--json']);
    assert.equal(init.code, 0, init.stderr);
    const result = JSON.parse(init.stdout);
    assert.equal(result.configFile, path.join(dir, 'ws', 'thredd.json'));
    assert.equal(result.stateDir, path.join(dir, 'ws', '.thredd', 'sandbox'));
    const check = await runCli(['config', 'check', '--config', 'ws/thredd.json'], {
      out: () => undefined,
      err: () => undefined,
      env: { THREDD_SANDBOX_CLIENT_SECRET: 'set' },
      cwd: dir,
    });
    assert.equal(check, 0);
  });

  it('serve refuses a port in use and an unknown subcommand', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const port = (busy.address() as net.AddressInfo).port;
      const refused = await run(['sandbox', '--state', 'state', '--port-tls', String(port), '--port-mtls', '0']);
      assert.equal(refused.code, 1);
      assert.match(
        refused.stderr,
        new RegExp(`^thredd: Port ${port} on 127\\.0\\.0\\.1 is already in use, so the sandbox's TLS listener cannot start`),
      );
    } finally {
      busy.close();
    }
    assert.match((await run(['sandbox', 'start'])).stderr, /"sandbox start" is not a command/);
    assert.match((await run(['sandbox', '--port-tls', '99999'])).stderr, /--port-tls must be a port number from 0 to 65535/);
  });

  it('serve prints its URLs as JSON, answers requests, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'src', 'cli.ts'),
        'sandbox',
        '--state',
        path.join(dir, 'served'),
        '--port-tls',
        '0',
        '--port-mtls',
        '0',
        '--json',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const http = createHttpClient();
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () => reject(new Error(`the sandbox exited: ${stderr}`)));
      });
      const started = JSON.parse(firstLine);
      assert.match(started.urls.mtls, /^https:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(started.urls.jwks, `${started.urls.tls}/${started.orgId}/jwks.json`);
      const response = await http.send({
        method: 'GET',
        url: `${started.urls.mtls}/core/api/v1/products`,
        tls: { ca: fs.readFileSync(started.files.rootCa, 'utf8') },
      });
      assert.equal(response.status, 400);
      assert.equal(JSON.parse((await bodyBytes(response.body)).toString()).detail, 'No required SSL certificate was sent');
      await http.close();
      child.kill('SIGTERM');
      assert.equal(await exited, 0, stderr);
      const port = Number(new URL(started.urls.tls).port);
      const free = await new Promise<boolean>((resolve) => {
        const probe = net.createServer().once('error', () => resolve(false));
        probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
      });
      assert.equal(free, true, 'the port is free after the sandbox stopped');
    } finally {
      await http.close();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
