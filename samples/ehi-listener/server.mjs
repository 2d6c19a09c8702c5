#!/usr/bin/env node
// A sample EHI endpoint, for reading and for trying the whole loop against the local Thredd sandbox:
//   node samples/ehi-listener/server.mjs --jwks URL [--ca FILE] (--http | --cert FILE --key FILE [--client-ca FILE])
//       [--host 127.0.0.1] [--port 8080] [--min-refresh-seconds 30] [--json]
// --jwks: Thredd's EHI JWKS (the sandbox prints it on its "EHI JWKS" line); --ca: a CA to trust for it (the
// sandbox's root, certs/sandbox-ca.pem). --client-ca: require Thredd's client certificate (the sandbox's EHI
// trust chain). --json prints one line {"url": …} when ready.
import { parseArgs } from 'node:util';
import { readPem, startEhiListener } from './listener.mjs';

const { values } = parseArgs({
  options: {
    jwks: { type: 'string' },
    ca: { type: 'string' },
    http: { type: 'boolean' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'client-ca': { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8080' },
    'min-refresh-seconds': { type: 'string', default: '30' },
    json: { type: 'boolean' },
  },
});

if (!values.jwks || (!values.http && !(values.cert && values.key))) {
  console.error('Usage: server.mjs --jwks URL [--ca FILE] (--http | --cert FILE --key FILE [--client-ca FILE]) [--port N] [--json]');
  process.exit(2);
}

const listener = await startEhiListener({
  jwksUrl: values.jwks,
  jwksCa: readPem(values.ca),
  tls: values.http ? null : { cert: readPem(values.cert), key: readPem(values.key), clientCa: readPem(values['client-ca']) },
  host: values.host,
  port: Number(values.port),
  minRefreshSeconds: Number(values['min-refresh-seconds']),
  log: values.json ? () => {} : (line) => console.log(`${new Date().toISOString().slice(11, 23)} ${line}`),
});
console.log(values.json ? JSON.stringify({ url: listener.url }) : `EHI listener on ${listener.url} (keys from ${values.jwks})`);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => listener.close().then(() => process.exit(0)));
