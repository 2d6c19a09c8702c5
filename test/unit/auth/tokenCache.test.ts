import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenCache, type TokenRequest, type TokenResult } from '../../../src/core/auth';
import type { Application, Environment } from '../../../src/core/config';

const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };
const environment: Environment = {
  name: 'uat',
  baseUrl: 'https://uat-mtls.thredd.com',
  tokenUrl: 'https://threddid.com/oauth2/token',
  region: '0',
  insecure: false,
  variables: {},
  range,
};
const application: Application = {
  name: 'app',
  clientId: 'client',
  auth: { method: 'client_secret_post', secret: 's' },
  scopes: ['cards.read', 'cards.write'],
  range,
};

/** A token server stand-in whose answers the test releases by hand. */
function controlledFetch() {
  const calls: { request: TokenRequest; resolve: (token: TokenResult) => void; reject: (error: Error) => void }[] = [];
  let issued = 0;
  const fetchToken = (request: TokenRequest) =>
    new Promise<TokenResult>((resolve, reject) => {
      calls.push({ request, resolve, reject });
    });
  const answer = (index: number, expiresIn = 3600) => {
    issued += 1;
    calls[index].resolve({
      accessToken: `token-${issued}`,
      tokenType: 'Bearer',
      expiresIn,
      obtainedAt: 0,
      expiresAt: 0,
      warnings: [],
      environment: 'uat',
      application: 'app',
      scopes: calls[index].request.scopes ?? [],
      http: { url: '', status: 200, timings: { reused: false, dns: 0, connect: 0, tls: 0, firstByte: 0, download: 0, total: 0 } },
    });
  };
  return { calls, fetchToken, answer };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('token cache', () => {
  it('keys tokens by environment, application and the set of scopes (order does not matter)', async () => {
    const server = controlledFetch();
    const cache = new TokenCache({ fetchToken: server.fetchToken });
    const first = cache.get(environment, application);
    await tick();
    server.answer(0);
    assert.equal((await first).accessToken, 'token-1');
    assert.equal((await cache.get(environment, application, { scopes: ['cards.write', 'cards.read'] })).fromCache, true);
    const narrower = cache.get(environment, application, { scopes: ['cards.read'] });
    await tick();
    assert.equal(server.calls.length, 2, 'other scopes, other token');
    server.answer(1);
    assert.equal((await narrower).accessToken, 'token-2');
    assert.equal(cache.peek('uat', 'app', ['cards.read'])?.accessToken, 'token-2');
  });

  it('does not keep a token whose request was in flight when the cache was cleared', async () => {
    const server = controlledFetch();
    const cache = new TokenCache({ fetchToken: server.fetchToken });
    const pending = cache.get(environment, application);
    await tick();
    cache.clear();
    server.answer(0);
    assert.equal((await pending).accessToken, 'token-1', 'the caller still gets its answer');
    const next = cache.get(environment, application);
    await tick();
    assert.equal(server.calls.length, 2, 'but the next caller asks again');
    server.answer(1);
    assert.equal((await next).accessToken, 'token-2');
  });

  it('lets one caller give up without cancelling the request others share, and does not cache failures', async () => {
    const server = controlledFetch();
    const cache = new TokenCache({ fetchToken: server.fetchToken });
    const controller = new AbortController();
    const impatient = cache.get(environment, application, { signal: controller.signal });
    const patient = cache.get(environment, application);
    await tick();
    controller.abort(new Error('user cancelled'));
    await assert.rejects(impatient, /user cancelled/);
    server.answer(0);
    assert.equal((await patient).accessToken, 'token-1');
    assert.equal(server.calls.length, 1);

    const failing = cache.get(environment, application, { refresh: true });
    await tick();
    server.calls[1].reject(new Error('invalid_client'));
    await assert.rejects(failing, /invalid_client/);
    const retry = cache.get(environment, application, { refresh: true });
    await tick();
    assert.equal(server.calls.length, 3, 'a failure is not remembered');
    server.answer(2);
    assert.equal((await retry).accessToken, 'token-2');
  });

  it('measures expiry on its own clock from when the request was sent', async () => {
    let now = 1_000_000;
    const server = controlledFetch();
    const cache = new TokenCache({ fetchToken: server.fetchToken, clock: () => now, refreshMarginSeconds: 60 });
    const first = cache.get(environment, application);
    now += 5_000; // the server took 5 s to answer
    await tick();
    server.answer(0, 120);
    await first;
    now = 1_000_000 + 59_999; // 60.001 s before expiry (counted from sending)
    assert.equal((await cache.get(environment, application)).fromCache, true);
    now = 1_000_000 + 60_000;
    const renewed = cache.get(environment, application);
    await tick();
    assert.equal(server.calls.length, 2);
    server.answer(1);
    assert.equal((await renewed).fromCache, false);
  });
});
