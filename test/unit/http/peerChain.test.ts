import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { before, describe, it } from 'node:test';
import * as tls from 'node:tls';
import { peerChainDer } from '../../../src/core/http/peerChain';
import { createTestCa, type TestCa, type TestCert } from '../../support/testPki';

/** The chain a real TLS client sees from a server that sends `certPem` (leaf first, then whatever follows). */
async function chainSent(certPem: string, keyPem: string): Promise<string[]> {
  const server = tls.createServer({ cert: certPem, key: keyPem }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    // ca: [] keeps the client's store empty, so the chain is exactly what the server sent.
    const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca: [], rejectUnauthorized: false });
    await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    const chain = peerChainDer(socket.getPeerCertificate(true)).map((der) => new X509Certificate(der).subject.split('\n').pop()!);
    socket.destroy();
    return chain;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('the peer chain, leaf first', () => {
  let root: TestCa;
  let intermediate: TestCa;
  let leaf: TestCert;
  before(async () => {
    root = await createTestCa({ commonName: 'Chain Root' });
    intermediate = await createTestCa({ commonName: 'Chain Intermediate', parent: root });
    leaf = await intermediate.issue({ commonName: 'localhost', usage: 'server' });
  });

  it('holds each certificate the server sent, in order', async () => {
    assert.deepEqual(await chainSent(leaf.certPem + intermediate.certPem, leaf.keyPem), ['CN=localhost', 'CN=Chain Intermediate']);
  });

  it('ends at a self-signed root, which Node links to itself', async () => {
    const chain = await chainSent(leaf.certPem + intermediate.certPem + root.certPem, leaf.keyPem);
    assert.deepEqual(chain, ['CN=localhost', 'CN=Chain Intermediate', 'CN=Chain Root']);
  });

  it('is empty when there is no peer certificate', () => {
    assert.deepEqual(peerChainDer(undefined), []);
  });
});
