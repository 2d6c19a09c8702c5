import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createHttpClient } from '../../../src/core/http';
import { MASK, parseRequestFile } from '../../../src/core/requestFile';
import {
  curlOfSent,
  releaseResult,
  RequestRunner,
  ResponseStore,
  type RequestRunnerOptions,
  type RunResult,
} from '../../../src/core/runner';
import { API_KEY, BIG_BODY_BYTES, startApiFixture, type ApiFixture } from './apiFixture';

let api: ApiFixture;
const http = createHttpClient();
const runner = new RequestRunner({ http });

interface RunOptions {
  index?: number;
  environment?: string;
  store?: ResponseStore;
  signal?: AbortSignal;
  runner?: RequestRunner;
}

async function runText(text: string, options: RunOptions = {}) {
  const filePath = api.write('requests.thredd', text);
  const finished: RunResult[] = [];
  const store = options.store ?? new ResponseStore();
  const context = {
    filePath,
    config: api.config,
    environment: options.environment,
    store,
    signal: options.signal,
    onResult: (result: RunResult) => finished.push(result),
  };
  const result = await (options.runner ?? runner).run(parseRequestFile(text), options.index ?? 0, context);
  return { result, finished, store };
}

function bodyJson(result: RunResult): Record<string, unknown> {
  assert.ok(result.response?.text, `no response text: ${JSON.stringify(result.error)}`);
  return JSON.parse(result.response.text) as Record<string, unknown>;
}

function withRunner(options: Partial<RequestRunnerOptions>): RequestRunner {
  return new RequestRunner({ http, ...options });
}

describe('RequestRunner against local TLS and mTLS servers', () => {
  before(async () => {
    api = await startApiFixture();
  });
  after(async () => {
    await http.close();
    await api.close();
  });

  it('sends over TLS with X-Region from the environment and no token when the environment has no application', async () => {
    const { result } = await runText('GET {{baseUrl}}/echo/products?page=1\nAccept: application/json\n');
    assert.equal(result.error, undefined);
    assert.equal(result.ok, true);
    assert.equal(result.environment, 'tls');
    assert.equal(result.response?.status, 200);
    assert.equal(result.response?.contentType, 'application/json');
    assert.equal(result.response?.charset, 'utf-8');
    const echoed = bodyJson(result) as { headers: Record<string, string>; path: string; client: string | null };
    assert.equal(echoed.path, '/echo/products?page=1');
    assert.equal(echoed.headers['x-region'], '1');
    assert.equal(echoed.headers.authorization, undefined);
    assert.equal(echoed.client, null);
    assert.deepEqual(result.request?.headers, [
      { name: 'Accept', value: 'application/json' },
      { name: 'X-Region', value: '1' },
    ]);
    assert.equal(result.tls?.authorized, true);
    assert.equal(result.tls?.protocol, 'TLSv1.3');
    assert.equal(result.tls?.serverChain[0].subject, 'O=Thredd Tools Test, CN=localhost');
    assert.ok(result.timings && result.timings.total >= result.timings.firstByte);
    assert.equal(result.token, undefined);
  });

  it('presents the client certificate over mTLS (PEM and PKCS#12) and reuses the connection', async () => {
    const handshakes = api.mtls.handshakes();
    const first = (await runText('GET {{baseUrl}}/echo/one', { environment: 'mtls' })).result;
    const second = (await runText('GET {{baseUrl}}/echo/two', { environment: 'mtls' })).result;
    assert.equal(bodyJson(first).client, 'transport-client');
    assert.equal((bodyJson(second).headers as Record<string, string>)['x-region'], '2');
    assert.equal(first.tls?.clientCertificate?.x5tS256, api.client.x5tS256);
    assert.equal(second.timings?.reused, true, 'the second request rides the same mTLS connection');
    assert.equal(api.mtls.handshakes() - handshakes, 1);

    const pfxRunner = withRunner({ secrets: { get: async () => undefined } });
    const pfx = (await runText('GET {{baseUrl}}/echo/pfx', { environment: 'pfx', runner: pfxRunner })).result;
    assert.equal(pfx.error, undefined);
    assert.equal(bodyJson(pfx).client, 'transport-client');
  });

  it('refuses the handshake without a client certificate and says what to configure', async () => {
    const { result } = await runText('GET {{baseUrl}}/echo', { environment: 'nocert' });
    assert.equal(result.ok, false);
    assert.equal(result.response, undefined);
    assert.equal(result.error?.kind, 'tls-certificate-required');
    assert.match(result.error?.message ?? '', /requires a client certificate \(mTLS\) and none was sent/);
    assert.match(result.error?.explanation ?? '', /"mtls"/);
  });

  it("runs a chained request's dependency first (create, then read by id) and stores named responses", async () => {
    const text = [
      '### Create a card',
      '# @name create',
      'POST {{baseUrl}}/cards',
      'Content-Type: application/json',
      '',
      '{"name": "{{cardName}}"}',
      '',
      '### Read it back',
      '# @name read',
      '# @expect status 200',
      '# @expect body $.id == {{create.response.body.$.id}}',
      'GET {{baseUrl}}/cards/{{create.response.body.$.id}}',
    ].join('\n');
    const { result, finished, store } = await runText(text, { index: 1 });
    assert.deepEqual(result.dependencies, ['create']);
    assert.deepEqual(
      finished.map((item) => item.name),
      ['create', 'read'],
      'the dependency is reported first',
    );
    assert.equal(finished[0].response?.status, 201);
    const id = bodyJson(finished[0]).id as string;
    assert.equal(result.request?.url, `${api.tls.url}/cards/${id}`);
    assert.deepEqual(bodyJson(result), { id, name: 'Jane Doe' });
    assert.deepEqual(
      result.expectations.map((item) => item.passed),
      [true, true],
    );
    assert.deepEqual(store.names().sort(), ['create', 'read']);

    const again = await runText(text, { index: 1, store });
    assert.deepEqual(again.result.dependencies, [], 'a stored response is reused');
    assert.equal(again.finished.length, 1);
  });

  it("refuses requests that read each other's responses in a loop, sending nothing", async () => {
    const sent = api.seen.length;
    const text = [
      '# @name a',
      'GET {{baseUrl}}/echo/{{b.response.body.$.path}}',
      '###',
      '# @name b',
      'GET {{baseUrl}}/echo/{{a.response.body.$.path}}',
    ].join('\n');
    const { result } = await runText(text);
    assert.equal(result.error?.kind, 'dependency');
    assert.match(
      result.error?.message ?? '',
      /"a" reads the response of "b", which failed: Requests read each other's responses in a loop \(a → b → a\)/,
    );
    const self = await runText('# @name me\nGET {{baseUrl}}/echo/{{me.response.headers.etag}}');
    assert.equal(self.result.error?.kind, 'unresolved');
    assert.match(self.result.error?.message ?? '', /The request "me" refers to its own response/);
    assert.equal(api.seen.length, sent);
  });

  it('sends a body from a file: raw bytes with "<", variables substituted with "<@"', async () => {
    api.write('payloads/card.json', '{"name": "{{cardName}}", "raw": true}');
    const raw = (await runText('POST {{baseUrl}}/echo/raw\nContent-Type: application/json\n\n< ./payloads/card.json')).result;
    assert.equal(bodyJson(raw).body, '{"name": "{{cardName}}", "raw": true}');
    const processed = (await runText('POST {{baseUrl}}/echo/processed\nContent-Type: application/json\n\n<@ ./payloads/card.json')).result;
    assert.equal(bodyJson(processed).body, '{"name": "Jane Doe", "raw": true}');
    assert.equal(processed.request?.body?.preview, '{"name": "Jane Doe", "raw": true}');
    assert.deepEqual(processed.request?.body?.source, {
      kind: 'file',
      path: `${api.dir}/payloads/card.json`,
      processVariables: true,
      encoding: undefined,
    });
    const missing = (await runText('POST {{baseUrl}}/echo\n\n< ./payloads/nope.json')).result;
    assert.equal(missing.error?.kind, 'body-file');
    assert.match(missing.error?.message ?? '', /Body file not found: \S+\/payloads\/nope\.json/);
  });

  it('evaluates expectations on status, headers, JSONPath and duration, passing and failing', async () => {
    const text = [
      '# @expect status 200',
      '# @expect header content-type contains json',
      '# @expect body $.method == POST',
      '# @expect body $.headers.x-region == {{region}}',
      '# @expect duration < 10000',
      '# @expect status 201',
      '# @expect header x-missing exists',
      'POST {{baseUrl}}/echo/expect',
    ].join('\n');
    const { result } = await runText(text);
    assert.equal(result.error, undefined);
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.expectations.map((item) => [item.passed, item.line]),
      [
        [true, 0],
        [true, 1],
        [true, 2],
        [true, 3],
        [true, 4],
        [false, 5],
        [false, 6],
      ],
    );
    assert.equal(result.expectations[5].message, 'expected status == 201, got "200"');
    assert.equal(result.expectations[6].message, 'expected header x-missing exists, but the response has no x-missing header');
  });

  it("stops at the request's @timeout with a timeout error", async () => {
    const started = Date.now();
    const { result } = await runText('# @timeout 300\nGET {{baseUrl}}/slow');
    assert.ok(Date.now() - started < 2500, 'it did not wait for the server');
    assert.equal(result.error?.kind, 'timeout');
    assert.match(
      result.error?.message ?? '',
      /^127\.0\.0\.1:\d+ had not finished answering after 300 ms \(the request's "# @timeout"\)\.$/,
    );
    const stalled = (await runText('# @timeout 300\nGET {{baseUrl}}/stall')).result;
    assert.equal(stalled.error?.kind, 'timeout', 'a body that stops half way counts too');
    const short = withRunner({ defaultTimeoutMs: 200 });
    const byDefault = (await runText('GET {{baseUrl}}/slow', { runner: short })).result;
    assert.equal(byDefault.error?.kind, 'timeout', 'the default timeout applies without @timeout');
    assert.match(byDefault.error?.explanation ?? '', /Add "# @timeout <milliseconds>"/);
    assert.ok(Date.now() - started < 2500, 'each timeout fired on time');
  });

  it("cancels on the caller's signal", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const { result } = await runText('GET {{baseUrl}}/slow', { signal: controller.signal });
    assert.equal(result.error?.kind, 'aborted');
    assert.equal(result.error?.message, 'The request was cancelled.');
  });

  it('reports a server that closes the connection in the middle of the body', async () => {
    const { result } = await runText('GET {{baseUrl}}/broken');
    assert.equal(result.response, undefined);
    assert.equal(result.error?.kind, 'reset');
    assert.match(result.error?.message ?? '', /closed the connection before the whole response arrived/);
  });

  it('keeps a 20 MB response on disk, shows its start, and checks expectations on the whole body', async () => {
    const { result } = await runText('# @name big\n# @expect body $.end == END-MARKER\nGET {{baseUrl}}/big');
    assert.equal(result.error, undefined);
    const response = result.response!;
    assert.equal(response.size, BIG_BODY_BYTES);
    assert.equal(response.truncated, true);
    assert.equal(response.body.kind, 'file');
    assert.equal(response.text?.length, 5 * 1024 * 1024);
    assert.ok(response.text?.startsWith('{"data":"xxx'));
    assert.equal(result.expectations[0].passed, true, result.expectations[0].message);
    const file = response.body.kind === 'file' ? response.body.path : '';
    assert.equal(fs.statSync(file).size, BIG_BODY_BYTES);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    await releaseResult(result);
    assert.equal(fs.existsSync(file), false);

    const small = withRunner({ maxInMemoryBytes: 1024 * 1024 });
    const limited = (await runText('GET {{baseUrl}}/big', { runner: small })).result;
    assert.equal(limited.response?.text?.length, 1024 * 1024, 'the limit is configurable');
    await releaseResult(limited);
  });

  it('masks secret variables and Authorization in the request as sent and in its cURL', async () => {
    const text = [
      'GET {{baseUrl}}/echo/search?key={{apiKey}}',
      'Authorization: Basic dXNlcjpwYXNz',
      'X-Api-Key: {{apiKey}}',
      'Content-Type: text/plain',
      '',
      'key={{apiKey}}',
    ].join('\n');
    const { result } = await runText(text);
    const echoed = bodyJson(result) as { headers: Record<string, string> };
    assert.equal(echoed.headers['x-api-key'], API_KEY, 'the server got the real value');
    assert.equal(echoed.headers.authorization, 'Basic dXNlcjpwYXNz');
    const sent = result.request!;
    assert.equal(sent.url, `${api.tls.url}/echo/search?key=${MASK}`);
    assert.deepEqual(sent.headers.slice(0, 2), [
      { name: 'Authorization', value: `Basic ${MASK}` },
      { name: 'X-Api-Key', value: MASK },
    ]);
    assert.equal(sent.body?.preview, `key=${MASK}`);
    // The echo server sends the key back in its body: that is the response, shown as received.
    assert.ok(!JSON.stringify(result.request).includes(API_KEY) && !JSON.stringify(result.request).includes('dXNlcjpwYXNz'));
    const curl = curlOfSent(sent, {
      clientCertificate: api.config.environments.mtls.clientCertificate,
      ca: api.config.environments.mtls.ca,
    });
    assert.match(curl, /-H "Authorization: Basic \$TOKEN"/);
    assert.match(curl, /--cert .*client\.pem --key .*client\.key/);
    assert.ok(!curl.includes(API_KEY));
  });

  it('refuses a request with parse errors or unresolved variables, sending nothing', async () => {
    const sent = api.seen.length;
    const broken = (await runText('# @expect status ok\nGET {{baseUrl}}/echo')).result;
    assert.equal(broken.error?.kind, 'parse');
    assert.match(
      broken.error?.message ?? '',
      /^The request has an error and was not sent: line 1: status is compared with a three-digit HTTP status/,
    );
    assert.equal(broken.error?.diagnostics?.[0].line, 0);
    const unknown = (await runText('GET {{baseUrl}}/echo/{{productId}}')).result;
    assert.equal(unknown.error?.kind, 'unresolved');
    assert.deepEqual(
      unknown.error?.unresolved?.map((item) => item.name),
      ['productId'],
    );
    const noEnvironment = (await runText('# @env staging\nGET {{baseUrl}}/echo')).result;
    assert.equal(noEnvironment.error?.kind, 'environment');
    assert.match(noEnvironment.error?.message ?? '', /"# @env staging" names "staging", which is not in/);
    assert.equal(api.seen.length, sent);
  });

  it('runs a request pinned with # @env in that environment, whatever the active one', async () => {
    const { result } = await runText('# @env mtls\nGET {{baseUrl}}/echo/pinned', { environment: 'tls' });
    assert.equal(result.environment, 'mtls');
    assert.equal(bodyJson(result).client, 'transport-client');
  });

  it("applies the file's # @env, # @timeout and # @expect (written above the first request) to every request", async () => {
    const text = [
      '# @env mtls',
      '# @timeout 300',
      '# @expect status 200',
      '',
      '### fast',
      '# @expect header content-type contains json',
      'GET {{baseUrl}}/echo/file-level',
      '',
      '### slow',
      'GET {{baseUrl}}/slow',
    ].join('\n');
    const fast = (await runText(text, { environment: 'tls' })).result;
    assert.equal(fast.environment, 'mtls');
    assert.equal(bodyJson(fast).client, 'transport-client');
    const checked = fast.expectations.map((item) => [item.text, item.line, item.passed]);
    assert.deepEqual(checked, [
      ['status 200', 2, true],
      ['header content-type contains json', 5, true],
    ]);
    const started = Date.now();
    const slow = (await runText(text, { index: 1, environment: 'tls' })).result;
    assert.equal(slow.error?.kind, 'timeout');
    assert.match(slow.error?.message ?? '', /after 300 ms \(the request's "# @timeout"\)/);
    assert.ok(Date.now() - started < 2500, "the file's timeout stopped it");
  });

  it('decodes text with the response charset, and follows redirects only when asked', async () => {
    const latin = (await runText('GET {{baseUrl}}/latin1')).result;
    assert.equal(latin.response?.charset, 'iso-8859-1');
    assert.equal(latin.response?.text, 'Café crème brûlée: 5 £');
    const redirect = (await runText('GET {{baseUrl}}/redirect')).result;
    assert.equal(redirect.response?.status, 302);
    const followed = (await runText('GET {{baseUrl}}/redirect', { runner: withRunner({ followRedirects: true }) })).result;
    assert.equal(followed.response?.status, 200);
    assert.equal(bodyJson(followed).path, '/echo/after-redirect');
    assert.deepEqual(followed.response?.redirects, [`${api.tls.url}/redirect`]);
  });

  it('names an untrusted server certificate, and sends with a warning when TLS verification is turned off', async () => {
    const refused = (await runText('GET {{baseUrl}}/echo', { environment: 'untrusted' })).result;
    assert.equal(refused.error?.kind, 'tls-unknown-ca');
    const insecure = (await runText('GET {{baseUrl}}/echo', { environment: 'untrusted', runner: withRunner({ insecure: true }) })).result;
    assert.equal(insecure.response?.status, 200);
    assert.match(insecure.warnings[0], /TLS verification is OFF/);
  });
});
