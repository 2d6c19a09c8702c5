// Token benchmark. Run: node --import tsx bench/token.ts [iterations]
// Starts the local authorization server (src/sandbox, oidc-provider) on 127.0.0.1 and prints, in one run:
//  1. cached tokens per second (TokenCache hits, no network);
//  2. the median time of a fresh private_key_jwt token request over mTLS with the project's client
//     (assertion signed per request; keep-alive connection, and a new connection each time);
//  3. the median time of the same request made by `curl --cert --key` (one process per request, each with
//     its own freshly signed assertion, since a jti cannot be replayed), and the ratio curl / ours.
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { CLIENT_ASSERTION_TYPE, createClientAssertion, TokenCache, TokenClient } from '../src/core/auth';
import { createHttpClient } from '../src/core/http';
import { PKJ_CLIENT_ID, SIGNING_KID, startAuthFixture } from '../test/support/authServerFixture';
import { median } from './benchSupport';

const run = promisify(execFile);
const iterations = Number(process.argv[2] ?? 30);

async function timeEach(count: number, action: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  const fixture = await startAuthFixture();
  const environment = fixture.config.environments['local-mtls'];
  const application = fixture.config.applications.pkj;
  const http = createHttpClient();
  const tokens = new TokenClient({ http });
  try {
    // 1. Cached tokens.
    const cache = new TokenCache({ fetchToken: (request) => tokens.requestToken(request) });
    await cache.get(environment, application);
    let hits = 0;
    const until = performance.now() + 1000;
    while (performance.now() < until) {
      for (let i = 0; i < 1000; i += 1) await cache.get(environment, application);
      hits += 1000;
    }
    console.log(`cached token: ${Math.round(hits).toLocaleString('en')} tokens/s`);

    // 2. Fresh tokens with our client (warm-up first: module loading, first TLS context).
    const fresh = () =>
      tokens.requestToken({ environment, application }).then((token) => {
        if (token.binding?.matches !== true) throw new Error('token not bound to the transport certificate');
      });
    await fresh();
    const keepAlive = median(await timeEach(iterations, fresh));
    const newConnection = median(
      await timeEach(iterations, async () => {
        const client = createHttpClient();
        await new TokenClient({ http: client }).requestToken({ environment, application });
        await client.close();
      }),
    );
    console.log(
      `fresh mTLS private_key_jwt token, thredd client, keep-alive:      median ${keepAlive.toFixed(1)} ms (${iterations} requests)`,
    );
    console.log(`fresh mTLS private_key_jwt token, thredd client, new connection:  median ${newConnection.toFixed(1)} ms`);

    // 3. The same request from curl, one process each, assertion signed outside the timing.
    const curlWall: number[] = [];
    const curlOwn: number[] = [];
    for (let i = 0; i < iterations; i += 1) {
      const assertion = await createClientAssertion({
        clientId: PKJ_CLIENT_ID,
        audience: environment.tokenUrl!,
        key: fixture.signingKey,
        kid: SIGNING_KID,
      });
      const form = {
        grant_type: 'client_credentials',
        client_id: PKJ_CLIENT_ID,
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: assertion.jwt,
        scope: application.scopes.join(' '),
      };
      const args = [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code} %{time_total}',
        '--cert',
        fixture.files.transportCert,
        '--key',
        fixture.files.transportKey,
        '--cacert',
        fixture.files.ca,
      ];
      for (const [name, value] of Object.entries(form)) args.push('--data-urlencode', `${name}=${value}`);
      const started = performance.now();
      const { stdout } = await run('curl', [...args, environment.tokenUrl!]);
      curlWall.push(performance.now() - started);
      const [status, seconds] = stdout.split(' ');
      if (status !== '200') throw new Error(`curl got HTTP ${status}`);
      curlOwn.push(Number(seconds) * 1000);
    }
    const curl = median(curlWall);
    console.log(
      `fresh mTLS private_key_jwt token, curl --cert --key:              median ${curl.toFixed(1)} ms per process (curl's own time_total ` +
        `${median(curlOwn).toFixed(1)} ms)`,
    );
    console.log(
      `ratio curl / thredd: ${(curl / keepAlive).toFixed(2)}x (keep-alive), ` +
        `${(curl / newConnection).toFixed(2)}x (new connection each time)`,
    );
  } finally {
    await http.close();
    await fixture.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
