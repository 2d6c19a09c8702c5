// Thredd's signing keys, fetched from its JWKS and kept. Thredd recommends caching the keys and having "a clear
// refresh mechanism" (EHI TLS page, step 3): we refetch when the cache is old, and when a message names a kid we do
// not know (Thredd rotated its key), but at most once per `minRefreshSeconds` so bad kids cannot flood the JWKS.
import * as https from 'node:https';
import * as http from 'node:http';
import { rootCertificates } from 'node:tls';
import { importKey } from './signature.mjs';

export function createJwksCache({ url, ca, maxAgeSeconds = 3600, minRefreshSeconds = 30, log = () => {} }) {
  let keys = new Map();
  let fetchedAt = 0;
  let lastUnknownKidRefresh = -Infinity;
  let inFlight = null;
  const stats = { fetches: 0 };

  async function refresh() {
    inFlight ??= fetchJson(url, ca)
      .then((jwks) => {
        stats.fetches += 1;
        keys = new Map();
        for (const jwk of jwks.keys ?? []) {
          const imported = jwk.kid ? importKey(jwk) : null;
          if (imported) keys.set(jwk.kid, imported);
        }
        fetchedAt = Date.now();
        log(`JWKS fetched: ${[...keys.keys()].join(', ') || '(no RSA signing keys)'}`);
      })
      .finally(() => (inFlight = null));
    return inFlight;
  }

  return {
    stats,
    /** Fetches the keys ahead of the first message, so it is not the one that waits for the JWKS. */
    async warm() {
      await refresh().catch((error) => log(`JWKS not fetched yet (${error.message}); trying again on the first message`));
    },
    /** The key for `kid`, refreshing the JWKS when it is stale or the kid is new (rate-limited); null if none. */
    async find(kid) {
      if (fetchedAt === 0 || Date.now() - fetchedAt > maxAgeSeconds * 1000) await refresh();
      if (keys.has(kid)) return keys.get(kid);
      if (Date.now() - lastUnknownKidRefresh < minRefreshSeconds * 1000) return null;
      lastUnknownKidRefresh = Date.now();
      log(`unknown kid ${kid}: refreshing the JWKS`);
      await refresh();
      return keys.get(kid) ?? null;
    },
  };
}

/** GET a JSON document; `ca` (PEM) is trusted in addition to Node's roots, as the sandbox's CA must be. */
function fetchJson(url, ca) {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { ca: ca ? [...rootCertificates, ca] : undefined, timeout: 5000 }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) return reject(new Error(`GET ${url} answered ${response.statusCode}`));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(new Error(`GET ${url} did not return JSON: ${error.message}`));
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}
