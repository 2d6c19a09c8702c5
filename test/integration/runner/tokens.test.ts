import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { TokenCache, TokenClient } from '../../../src/core/auth';
import type { ThreddConfig } from '../../../src/core/config';
import { createHttpClient } from '../../../src/core/http';
import { MASK, parseRequestFile } from '../../../src/core/requestFile';
import { curlOfSent, HistoryStore, RequestRunner, ResponseStore, type RequestRunner as Runner } from '../../../src/core/runner';
import { PKJ_CLIENT_ID, SECRETS, startAuthFixture, type AuthFixture } from '../../support/authServerFixture';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import { joinedPattern } from '../../support/joinedPattern';

let fixture: AuthFixture;
let api: TestHttpsServer;
let config: ThreddConfig;
const http = createHttpClient();
/** What the API server received: the Authorization header and the client certificate's CN. */
const received: { authorization?: string; client: string | null; region?: string }[] = [];

async function send(runner: Runner, text: string, environment: string, configuration = config) {
  const filePath = path.join(fixture.dir, 'api.thredd');
  fs.writeFileSync(filePath, text);
  return runner.run(parseRequestFile(text), 0, { filePath, config: configuration, environment, store: new ResponseStore() });
}

function bearer(index: number): string {
  return (received[index].authorization ?? '').replace(/^Bearer /, '');
}

describe('RequestRunner with tokens from a local oidc-provider authorization server', () => {
  before(async () => {
    fixture = await startAuthFixture();
    const serverCert = await fixture.ca.issue({ commonName: 'localhost', usage: 'server' });
    api = await startHttpsServer(
      { certPem: serverCert.certPem, keyPem: serverCert.keyPem, caPem: fixture.ca.certPem, requestCert: true, rejectUnauthorized: false },
      (request, response) => {
        const peer = (request.socket as TLSSocket).getPeerCertificate();
        received.push({
          authorization: request.headers.authorization,
          client: peer?.subject?.CN ? String(peer.subject.CN) : null,
          region: request.headers['x-region'] as string,
        });
        response.setHeader('content-type', 'application/json');
        response.end('{"items":[]}');
      },
    );
    const environments = Object.fromEntries(
      Object.entries(fixture.config.environments).map(([name, environment]) => [name, { ...environment, baseUrl: api.url }]),
    );
    config = { ...fixture.config, environments };
  });
  after(async () => {
    await http.close();
    await api.close();
    await fixture.close();
  });

  it("sends the application's token over mTLS, bound to the certificate presented, and never exposes it", async () => {
    const runner = new RequestRunner({ http });
    const result = await send(runner, '# @expect status 200\nGET {{baseUrl}}/core/api/v1/products', 'local-mtls');
    assert.equal(result.ok, true, JSON.stringify(result.error));
    const last = received.length - 1;
    const token = bearer(last);
    assert.match(token, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.equal(received[last].client, 'transport-client');
    assert.equal(received[last].region, '0');
    assert.deepEqual(
      result.request?.headers.find((header) => header.name === 'Authorization'),
      { name: 'Authorization', value: `Bearer ${MASK}` },
    );
    assert.equal(result.token?.application, 'pkj');
    assert.equal(result.token?.claims?.payload.client_id, PKJ_CLIENT_ID);
    assert.deepEqual(result.token?.binding, {
      tokenX5tS256: fixture.transport.x5tS256,
      certificateX5tS256: fixture.transport.x5tS256,
      matches: true,
    });
    assert.ok(result.token && result.token.expiresInSeconds > 3500);
    assert.ok(!JSON.stringify(result).includes(token), 'the result never holds the token');

    const curl = curlOfSent(result.request!);
    assert.match(curl, /-H "Authorization: Bearer \$TOKEN"/);
    assert.ok(!curl.includes(token));
    assert.match(curlOfSent(result.request!, { token }), new RegExp(`Authorization: Bearer ${token}`), 'included only when asked');

    const historyFile = path.join(fixture.dir, 'history', 'history.json');
    const history = new HistoryStore(historyFile);
    await history.add(result);
    const stored = fs.readFileSync(historyFile, 'utf8');
    assert.ok(!stored.includes(token), 'history never holds the token');
    assert.match(stored, new RegExp(`"value":"Bearer ${MASK}"`));
  });

  it('sends no token with # @no-auth, and keeps an Authorization header the request sets itself', async () => {
    const runner = new RequestRunner({ http });
    await send(runner, '# @no-auth\nGET {{baseUrl}}/public', 'local-mtls');
    assert.equal(received.at(-1)?.authorization, undefined);
    const own = await send(runner, 'GET {{baseUrl}}/own\nAuthorization: Bearer my-own-token', 'local-mtls');
    assert.equal(received.at(-1)?.authorization, 'Bearer my-own-token');
    assert.equal(own.token, undefined);
  });

  it('sends no token to any request of a file with # @no-auth above its first request', async () => {
    const runner = new RequestRunner({ http });
    const before = received.length;
    const result = await send(runner, '# @no-auth\n\n### public\nGET {{baseUrl}}/public-file', 'local-mtls');
    assert.equal(received.length, before + 1, 'the request was sent');
    assert.equal(received.at(-1)?.authorization, undefined);
    assert.equal(result.token, undefined);
    assert.equal(
      result.request?.headers.some((header) => header.name === 'Authorization'),
      false,
    );
  });

  it('finalizes a request the same way for sending and for a dry run or Copy as cURL, only the token masked in both', async () => {
    const runner = new RequestRunner({ http });
    const filePath = path.join(fixture.dir, 'api.thredd');
    const text = 'GET {{baseUrl}}/core/api/v1/products\nAccept: application/json\n\n###\n# @no-auth\nGET {{baseUrl}}/public\nX-Region: 2\n';
    fs.writeFileSync(filePath, text);
    const file = parseRequestFile(text);
    for (const index of [0, 1]) {
      const context = { filePath, config, environment: 'local-mtls', store: new ResponseStore() };
      const sent = await runner.run(file, index, context);
      const planned = await runner.plan(file, index, context);
      assert.equal(sent.ok, true, JSON.stringify(sent.error));
      assert.deepEqual(planned.request?.headers, sent.request?.headers, `request ${index + 1}`);
    }
    const planned = await runner.plan(file, 0, { filePath, config, environment: 'local-mtls', store: new ResponseStore() });
    assert.deepEqual(planned.request?.headers, [
      { name: 'Accept', value: 'application/json' },
      { name: 'X-Region', value: '0' },
      { name: 'Authorization', value: `Bearer ${MASK}` },
    ]);
  });

  it('shows a request whose client certificate cannot be read with its defaults and no token, and fetches none', async () => {
    const gone = { kind: 'pem' as const, cert: path.join(fixture.dir, 'gone.pem'), key: path.join(fixture.dir, 'gone.key') };
    const environment = { ...config.environments['local-mtls'], clientCertificate: gone };
    const broken: ThreddConfig = { ...config, environments: { ...config.environments, 'local-mtls': environment } };
    const before = received.length;
    const result = await send(new RequestRunner({ http }), 'GET {{baseUrl}}/products', 'local-mtls', broken);
    assert.equal(result.error?.kind, 'tls-config');
    assert.deepEqual(result.request?.headers, [{ name: 'X-Region', value: '0' }]);
    assert.equal(result.token, undefined);
    assert.equal(received.length, before);
  });

  it('gets a new token when the cached one expires between two requests', async () => {
    let now = Date.now();
    const clock = () => now;
    const client = new TokenClient({ http, clock });
    const tokens = new TokenCache({ fetchToken: (request) => client.requestToken(request), clock });
    const runner = new RequestRunner({ http, tokens, clock });
    const first = await send(runner, 'GET {{baseUrl}}/one', 'local-post');
    const second = await send(runner, 'GET {{baseUrl}}/two', 'local-post');
    now += 3600 * 1000; // an hour later the token has expired
    const third = await send(runner, 'GET {{baseUrl}}/three', 'local-post');
    assert.deepEqual([first.token?.fromCache, second.token?.fromCache, third.token?.fromCache], [false, true, false]);
    const [a, b, c] = [bearer(received.length - 3), bearer(received.length - 2), bearer(received.length - 1)];
    assert.equal(a, b, 'the cached token is reused');
    assert.notEqual(c, a, 'a fresh token after expiry');
    assert.equal(second.token?.expiresInSeconds, 3600);
    assert.equal(third.token?.expiresInSeconds, 3600);
  });

  it('explains a refused token request and sends nothing to the API', async () => {
    const before = received.length;
    const wrong: ThreddConfig = {
      ...config,
      applications: {
        ...config.applications,
        post: { ...config.applications.post, auth: { method: 'client_secret_post', secret: 'not-the-secret' } },
      },
    };
    const result = await send(new RequestRunner({ http }), 'GET {{baseUrl}}/products', 'local-post', wrong);
    assert.equal(result.error?.kind, 'token');
    assert.match(
      result.error?.message ?? '',
      /^No access token for application "post" \(environment "local-post"\): Token request refused \(HTTP 401\): invalid_client/,
    );
    assert.match(result.error?.explanation ?? '', /client secret/);
    assert.deepEqual(result.request?.headers, [{ name: 'X-Region', value: '0' }], 'shown as far as it got: the default, no token');
    assert.equal(received.length, before);
  });

  it("stops at the request's # @timeout while the token endpoint does not answer, and sends nothing", async () => {
    const serverCert = await fixture.ca.issue({ commonName: 'localhost', usage: 'server' });
    const silent = await startHttpsServer({ certPem: serverCert.certPem, keyPem: serverCert.keyPem }, () => undefined);
    const before = received.length;
    const environment = { ...config.environments['local-post'], tokenUrl: `${silent.url}/oauth2/token` };
    const slow: ThreddConfig = { ...config, environments: { ...config.environments, 'local-post': environment } };
    const started = Date.now();
    const result = await send(new RequestRunner({ http }), '# @timeout 300\nGET {{baseUrl}}/products', 'local-post', slow);
    await silent.close();
    assert.equal(result.error?.kind, 'timeout');
    assert.match(
      result.error?.message ?? '',
      joinedPattern(
        /^127\.0\.0\.1:\d+ \(the token endpoint\) had not issued a token after 300 ms, /,
        /so the request was not sent \(the request's "# @timeout"\)\.$/,
      ),
    );
    assert.ok(
      Date.now() - started < 3000,
      `it gave up at the deadline, not after the token client's own timeouts (${Date.now() - started} ms)`,
    );
    assert.equal(received.length, before, 'nothing reached the API');
  });

  it('thredd run sends the token with the secret from THREDD_CLIENT_SECRET and prints neither', async () => {
    const dir = path.join(fixture.dir, 'project');
    fs.mkdirSync(path.join(dir, 'requests'), { recursive: true });
    const thredd = {
      environments: {
        uat: {
          baseUrl: api.url,
          tokenUrl: fixture.config.environments['local-post'].tokenUrl,
          application: 'post',
          ca: fixture.files.ca,
          region: '1',
        },
      },
      applications: {
        post: {
          clientId: 'secret-post-client',
          auth: { method: 'client_secret', secret: '${env:THREDD_CLIENT_SECRET}' },
          scopes: ['cards.read'],
        },
      },
    };
    fs.writeFileSync(path.join(dir, 'thredd.json'), JSON.stringify(thredd));
    fs.writeFileSync(path.join(dir, 'requests', 'cards.thredd'), '# @expect status 200\nGET {{baseUrl}}/cards\n');
    let stdout = '';
    let stderr = '';
    const io = {
      out: (text: string) => (stdout += text),
      err: (text: string) => (stderr += text),
      env: { THREDD_CLIENT_SECRET: SECRETS.post },
      cwd: fixture.dir,
    };
    const code = await runCli(['run', path.join(dir, 'requests', 'cards.thredd'), '--reporter', 'json'], io);
    assert.equal(code, 0, stderr + stdout);
    const token = bearer(received.length - 1);
    assert.ok(token.length > 20);
    assert.equal(JSON.parse(stdout).requests[0].status, 200);
    for (const secret of [token, SECRETS.post]) assert.ok(!stdout.includes(secret) && !stderr.includes(secret));
  });
});
