import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';
import { issueCertificate } from '../../pki';
import { handshake } from './handshake';

const answers = new Map<string, Promise<boolean>>();

/**
 * Can this machine's Node/OpenSSL complete a handshake at `version` with these client ciphers at all? Asked of a
 * loopback server on the same OpenSSL, once per process: a probe the local side cannot make must read "not
 * tested", never "refused by the server". (OpenSSL 3 refuses TLS 1.0/1.1 at its default security level.)
 */
export function localCanOffer(version: 'TLSv1' | 'TLSv1.1', ciphers: string): Promise<boolean> {
  const key = `${version}|${ciphers}`;
  let answer = answers.get(key);
  if (!answer) answers.set(key, (answer = tryLoopback(version, ciphers)));
  return answer;
}

async function tryLoopback(version: 'TLSv1' | 'TLSv1.1', ciphers: string): Promise<boolean> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = Date.now();
  const { pem } = issueCertificate({
    subject: { commonName: 'localhost' },
    publicKey,
    issuer: 'self-signed',
    signingKey: privateKey,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 60 * 60_000),
  });
  let server: tls.Server;
  try {
    server = tls.createServer({
      cert: pem,
      key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      minVersion: version,
      maxVersion: version,
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
  } catch {
    return false; // this OpenSSL cannot even configure the version
  }
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const outcome = await handshake(
      { url: `https://127.0.0.1:${port}/`, host: '127.0.0.1', port, isIp: true },
      { minVersion: version, maxVersion: version, ciphers, timeoutMs: 5_000 },
    );
    return outcome.ok;
  } catch {
    return false;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
