import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import { peerChainDer } from '../../http/peerChain';
import type { EndpointTarget } from './target';

export interface HandshakeOptions {
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  ciphers?: string;
  /** Trust anchors for OpenSSL's own verdict; [] keeps the store empty, so the peer chain is exactly what the server sent. */
  ca?: string[];
  clientCertificate?: { cert: string; key: string };
  timeoutMs: number;
}

export interface HandshakeSuccess {
  ok: true;
  protocol: string;
  cipher: string;
  /** The key exchange's ephemeral key (DHE group size, ECDHE curve), when the suite has one. */
  ephemeral: { type?: string; name?: string; size?: number };
  /** Leaf first. With `ca: []`: the certificates the server sent (Node completes the chain only from the trust store). */
  peerChain: X509Certificate[];
}

export interface HandshakeFailure {
  ok: false;
  /** 'tcp': the connection itself failed; 'tls': TCP connected, the handshake did not complete. */
  stage: 'tcp' | 'tls';
  code: string;
  message: string;
  timedOut: boolean;
}

export type HandshakeOutcome = HandshakeSuccess | HandshakeFailure;

/**
 * One TLS handshake, then the connection is closed without sending data. rejectUnauthorized is false on purpose:
 * this is a probe whose verdicts the check computes and reports itself (chain.ts), never a channel for data.
 */
export function handshake(target: EndpointTarget, options: HandshakeOptions): Promise<HandshakeOutcome> {
  return new Promise((resolve) => {
    let tcpConnected = false;
    let settled = false;
    const socket = tls.connect({
      host: target.host,
      port: target.port,
      servername: target.servername,
      minVersion: options.minVersion,
      maxVersion: options.maxVersion,
      ciphers: options.ciphers,
      ca: options.ca,
      cert: options.clientCertificate?.cert,
      key: options.clientCertificate?.key,
      rejectUnauthorized: false,
    });
    const finish = (outcome: HandshakeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          stage: tcpConnected ? 'tls' : 'tcp',
          code: 'THREDD_TIMEOUT',
          message: `no ${tcpConnected ? 'TLS handshake' : 'TCP connection'} within ${options.timeoutMs} ms`,
          timedOut: true,
        }),
      options.timeoutMs,
    );
    socket.once('connect', () => (tcpConnected = true));
    socket.once('secureConnect', () => {
      const cipher = socket.getCipher();
      finish({
        ok: true,
        protocol: socket.getProtocol() ?? cipher.version,
        cipher: cipher.name,
        ephemeral: socket.getEphemeralKeyInfo() ?? {},
        peerChain: peerChainDer(socket.getPeerCertificate(true)).map((der) => new X509Certificate(der)),
      });
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, stage: tcpConnected ? 'tls' : 'tcp', code: error.code ?? '', message: error.message, timedOut: false }),
    );
    socket.once('close', () =>
      finish({
        ok: false,
        stage: tcpConnected ? 'tls' : 'tcp',
        code: 'ECONNRESET',
        message: 'the server closed the connection',
        timedOut: false,
      }),
    );
  });
}
