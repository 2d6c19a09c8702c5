// The servers the corpus talks to, on 127.0.0.1: a TLS server whose /case/<id> answers as that case
// says (a status and body, never, or without end), and an mTLS server that answers any client
// certificate its CA issued.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { ServerBehaviour } from '../../fixtures/bad/cases';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import type { TestCa } from '../../support/testPki';

export interface BadServers {
  tlsUrl: string;
  mtlsUrl: string;
  close(): Promise<void>;
}

export async function startBadServers(ca: TestCa, behaviours: ReadonlyMap<string, ServerBehaviour>): Promise<BadServers> {
  const certificate = await ca.issue({ commonName: 'localhost', usage: 'server' });
  const keys = { certPem: certificate.certPem, keyPem: certificate.keyPem };
  const tls: TestHttpsServer = await startHttpsServer(keys, (request, response) =>
    answer(behaviours.get(request.url?.split('/')[2] ?? ''), request, response),
  );
  const mtls: TestHttpsServer = await startHttpsServer(
    { ...keys, caPem: ca.certPem, requestCert: true, rejectUnauthorized: true },
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      json(response, 200, { client: peer.subject?.CN ?? null });
    },
  );
  return { tlsUrl: tls.url, mtlsUrl: mtls.url, close: async () => void (await Promise.all([tls.close(), mtls.close()])) };
}

function answer(behaviour: ServerBehaviour | undefined, request: IncomingMessage, response: ServerResponse): void {
  let received = 0;
  request.on('data', (chunk: Buffer) => (received += chunk.length));
  request.on('end', () => {
    if (behaviour === 'never-answers') return; // the socket stays open until the client gives up
    if (behaviour === 'endless-body') return sendForever(response);
    if (behaviour) {
      response.writeHead(behaviour.status, behaviour.contentType ? { 'content-type': behaviour.contentType } : {});
      response.end(behaviour.body ?? '');
      return;
    }
    json(response, 200, { received });
  });
}

/** 64 KiB chunks as fast as the client reads them, until it hangs up. */
function sendForever(response: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, '{"data":"');
  let open = true;
  response.on('close', () => (open = false));
  response.writeHead(200, { 'content-type': 'application/json' });
  const pump = () => {
    while (open && response.write(chunk));
    if (open) response.once('drain', pump);
  };
  pump();
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}
