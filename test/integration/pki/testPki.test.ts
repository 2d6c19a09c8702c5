import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { createTestCa, type TestCa, type TestCert } from '../../support/testPki';

/** openssl verify's result line for a certificate, checked for the given TLS purpose. */
function opensslVerify(dir: string, caPem: string, cert: TestCert, purpose: 'sslserver' | 'sslclient', untrustedPem?: string): string {
  fs.writeFileSync(path.join(dir, 'ca.pem'), caPem);
  fs.writeFileSync(path.join(dir, 'leaf.pem'), cert.certPem);
  const untrusted = untrustedPem
    ? (fs.writeFileSync(path.join(dir, 'untrusted.pem'), untrustedPem), ['-untrusted', path.join(dir, 'untrusted.pem')])
    : [];
  return execFileSync(
    'openssl',
    ['verify', '-purpose', purpose, '-CAfile', path.join(dir, 'ca.pem'), ...untrusted, path.join(dir, 'leaf.pem')],
    { encoding: 'utf8', stdio: 'pipe' },
  );
}

describe('test PKI helper', () => {
  let dir: string;
  let ca: TestCa;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-testpki-'));
    ca = await createTestCa();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('issues server and client certificates that complete a real mTLS handshake on 127.0.0.1', async () => {
    const serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
    const clientCert = await ca.issue({ commonName: 'acme-app', usage: 'client', keyType: 'rsa2048' });
    const server = https.createServer(
      { cert: serverCert.certPem, key: serverCert.keyPem, ca: ca.certPem, requestCert: true, rejectUnauthorized: true },
      (request, response) => {
        const peer = (request.socket as TLSSocket).getPeerCertificate();
        response.end(JSON.stringify({ authorized: (request.socket as TLSSocket).authorized, cn: peer.subject.CN }));
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const body = await new Promise<string>((resolve, reject) => {
        const request = https.get(
          { host: '127.0.0.1', port, path: '/', ca: ca.certPem, cert: clientCert.certPem, key: clientCert.keyPem, agent: false },
          (response) => {
            let text = '';
            response.on('data', (chunk) => (text += chunk));
            response.on('end', () => resolve(text));
          },
        );
        request.on('error', reject);
      });
      assert.deepEqual(JSON.parse(body), { authorized: true, cn: 'acme-app' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('makes certificates openssl verify accepts for their purpose, through an intermediate too', async () => {
    const serverCert = await ca.issue({ commonName: 'localhost', usage: 'server', keyType: 'rsa2048' });
    assert.equal(opensslVerify(dir, ca.certPem, serverCert, 'sslserver'), `${path.join(dir, 'leaf.pem')}: OK\n`);
    const intermediate = await createTestCa({ parent: ca, keyType: 'rsa2048' });
    const clientCert = await intermediate.issue({ commonName: 'acme-app', usage: 'client' });
    assert.equal(opensslVerify(dir, ca.certPem, clientCert, 'sslclient', intermediate.chainPem), `${path.join(dir, 'leaf.pem')}: OK\n`);
    const x509 = new X509Certificate(clientCert.certPem);
    assert.ok(x509.checkIssued(new X509Certificate(intermediate.certPem)));
    assert.equal(x509.subject, 'O=Thredd Tools Test\nCN=acme-app');
  });

  it('makes expired and not-yet-valid certificates on request', async () => {
    const expiredCert = await ca.issue({ commonName: 'old', usage: 'client', daysValid: -1 });
    assert.ok(new Date(new X509Certificate(expiredCert.certPem).validTo).getTime() < Date.now());
    assert.throws(() => opensslVerify(dir, ca.certPem, expiredCert, 'sslclient'), /certificate has expired/);
    const future = new X509Certificate((await ca.issue({ commonName: 'new', usage: 'client', notBeforeDays: 2 })).certPem);
    assert.ok(new Date(future.validFrom).getTime() > Date.now());
  });
});
