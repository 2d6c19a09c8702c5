// The endpoint: POST a message, verify its signature, answer by the rules. Thredd allows 200 ms by default
// (EHI configuration options), so everything here is in memory.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { createDecisions } from './decisions.mjs';
import { createJwksCache } from './jwksCache.mjs';
import { verifyRequest } from './signature.mjs';

const MAX_BODY = 256 * 1024;

/**
 * Starts the listener. `tls` is { cert, key, clientCa? } (PEM text): with clientCa it requires a client certificate
 * from that chain (EHI over mTLS, e.g. the sandbox's EHI trust chain); null serves plain HTTP (local testing only).
 */
export async function startEhiListener({ jwksUrl, jwksCa, tls, host = '127.0.0.1', port = 0, minRefreshSeconds = 30, log = () => {} }) {
  const keys = createJwksCache({ url: jwksUrl, ca: jwksCa, minRefreshSeconds, log });
  const decisions = createDecisions();

  const handle = async (request, response) => {
    if (request.method !== 'POST') return send(response, 405, { error: 'method_not_allowed', message: 'EHI messages are POSTed.' });
    const body = await readBody(request);
    if (!body) return send(response, 413, { error: 'too_large', message: `The body is over ${MAX_BODY} bytes.` });
    // Verify before parsing: the signature covers the exact bytes, and nothing unverified is trusted.
    const verdict = await verifyRequest(body, request.headers['x-thredd-signature'], (kid) => keys.find(kid));
    if (!verdict.ok) {
      log(`rejected: ${verdict.reason}: ${verdict.message}`); // Thredd: "log a critical security incident"
      return send(response, 401, { error: 'invalid_signature', reason: verdict.reason, message: verdict.message });
    }
    let message;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch {
      return send(response, 400, { error: 'invalid_json', message: 'The body is not JSON.' });
    }
    const { answer, duplicate } = decisions.answer(message);
    log(`${message.MTID}/${message.Txn_Type} TXn_ID ${message.TXn_ID} -> ${answer.Responsestatus ?? ''}${duplicate ? ' (duplicate)' : ''}`);
    send(response, 200, answer);
  };

  const onRequest = (request, response) =>
    handle(request, response).catch((error) => {
      log(`error: ${error.message}`);
      if (!response.headersSent) send(response, 500, { error: 'server_error', message: error.message });
    });
  const server = tls
    ? https.createServer(
        { cert: tls.cert, key: tls.key, ca: tls.clientCa, requestCert: !!tls.clientCa, rejectUnauthorized: !!tls.clientCa },
        onRequest,
      )
    : http.createServer(onRequest);
  // Thredd's default timeout is 200 ms: have the keys before the first message arrives.
  await keys.warm();
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${server.address().port}/ehi`;
  return {
    url,
    jwksFetches: () => keys.stats.fetches,
    close: () => new Promise((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** The body as bytes, or null past MAX_BODY. */
async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export const readPem = (file) => (file ? fs.readFileSync(file, 'utf8') : undefined);
