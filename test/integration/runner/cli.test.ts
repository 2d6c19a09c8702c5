import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { runCli } from '../../../src/cli/main';
import { MASK } from '../../../src/core/requestFile';
import { API_KEY, startApiFixture, type ApiFixture } from './apiFixture';
import { startForwardProxy } from '../../support/forwardProxy';
import { joinedPattern } from '../../support/joinedPattern';

let api: ApiFixture;
let closedPort: number;

async function run(argv: string[], cwd = api.dir) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['run', ...argv], { out: (text) => (stdout += text), err: (text) => (stderr += text), env: api.env, cwd });
  return { code, stdout, stderr };
}

const CARDS = [
  '### Create a card',
  '# @name create',
  '# @expect status 201',
  'POST {{baseUrl}}/cards',
  'Content-Type: application/json',
  '',
  '{"name": "{{cardName}}"}',
  '',
  '### Read it back',
  '# @name read',
  '# @expect status 200',
  '# @expect body $.name == Jane Doe',
  'GET {{baseUrl}}/cards/{{create.response.body.$.id}}',
].join('\n');

/** One passing request, one failed expectation, one unreachable server; the title needs XML escaping. */
function mixed(): string {
  return [
    '### Fine',
    '# @name fine',
    '# @expect status 200',
    'GET {{baseUrl}}/echo/fine',
    '',
    '### Tricky <&> "quotes" \'here\'',
    '# @expect status 201',
    '# @expect header x-missing exists',
    'GET {{baseUrl}}/echo/tricky',
    '',
    '### Down',
    '# @name down',
    `GET https://127.0.0.1:${closedPort}/nothing`,
  ].join('\n');
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase'].includes(name),
});

describe('thredd run against local TLS and mTLS servers', () => {
  before(async () => {
    api = await startApiFixture();
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    api.write('requests/cards.thredd', CARDS);
    api.write('requests/mixed.thredd', mixed());
  });
  after(() => api.close());

  it("prints each request's status and time, and exits 0 when all answer and pass", async () => {
    const { code, stdout, stderr } = await run(['requests/cards.thredd']);
    assert.equal(code, 0, stderr + stdout);
    const lines = stdout.split('\n');
    assert.equal(lines[0], path.join('requests', 'cards.thredd'));
    assert.match(lines[1], new RegExp(`^  ✓ create  POST ${api.tls.url}/cards  201 Created  \\d+ ms$`));
    assert.match(lines[2], new RegExp(`^  ✓ read  GET ${api.tls.url}/cards/card-\\d+  200 OK  \\d+ ms$`));
    assert.match(stdout, /\n2 requests: 2 passed, 0 failed \(\d+\.\d\d s\)\n$/);
  });

  it('exits 1 and prints failed expectations and errors with their next step', async () => {
    const { code, stdout } = await run(['requests/mixed.thredd']);
    assert.equal(code, 1);
    assert.match(stdout, /✓ fine {2}GET/);
    assert.match(
      stdout,
      joinedPattern(
        /✗ Tricky <&> "quotes" 'here' {2}GET .*200 OK.*\n {6}expected status == 201, got "200" \(line 7\)\n/,
        / {6}expected header x-missing exists, but the response has no x-missing header \(line 8\)/,
      ),
    );
    assert.match(
      stdout,
      new RegExp(
        `✗ down  GET https://127.0.0.1:${closedPort}/nothing  \\d+ ms\\n {6}error: Nothing is listening ` +
          `at 127.0.0.1:${closedPort} \\(connection refused\\)\\.\\n {6}Check the host and port`,
      ),
    );
    assert.match(stdout, /3 requests: 1 passed, 2 failed/);
  });

  it("writes a JSON report with each request's status", async () => {
    const { code, stdout } = await run(['requests/mixed.thredd', 'requests/cards.thredd', '--reporter', 'json']);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(
      report.requests.map((request: { name: string | null; status: number | null; ok: boolean }) => [
        request.name,
        request.status,
        request.ok,
      ]),
      [
        ['fine', 200, true],
        [null, 200, false],
        ['down', null, false],
        ['create', 201, true],
        ['read', 200, true],
      ],
    );
    assert.equal(report.requests[2].error.kind, 'connection-refused');
    assert.equal(report.requests[1].title, 'Tricky <&> "quotes" \'here\'');
    assert.deepEqual(report.summary, { total: 5, passed: 3, failed: 2, durationMs: report.summary.durationMs });
  });

  it('--proxy and HTTPS_PROXY send through the proxy unless --no-proxy or NO_PROXY say otherwise; the report says which', async () => {
    const proxy = await startForwardProxy({ credentials: { username: 'ci', password: 'proxy-pass-7Q' } });
    try {
      const withCredentials = `http://ci:proxy-pass-7Q@${proxy.url.host}`;
      const { code, stdout, stderr } = await run(['requests/cards.thredd', '--reporter', 'json', '--proxy', withCredentials]);
      assert.equal(code, 0, stderr);
      const report = JSON.parse(stdout);
      for (const request of report.requests) assert.deepEqual(request.route, { kind: 'proxy', proxy: proxy.url.origin, source: '--proxy' });
      assert.equal(proxy.tunnels(), 1, 'both requests share one tunnel');
      assert.doesNotMatch(stdout + stderr, /proxy-pass-7Q/);
      const direct = JSON.parse((await run(['requests/cards.thredd', '--reporter', 'json', '--no-proxy'])).stdout);
      assert.deepEqual(direct.requests[0].route, { kind: 'direct', source: '--no-proxy' });
      assert.equal(proxy.tunnels(), 1, '--no-proxy goes direct');
      let bypassReport = '';
      const env = { ...api.env, HTTPS_PROXY: withCredentials, NO_PROXY: 'example.com, 127.0.0.1' };
      const bypassed = await runCli(['run', 'requests/cards.thredd', '--reporter', 'json'], {
        out: (text) => (bypassReport += text),
        err: () => undefined,
        env,
        cwd: api.dir,
      });
      assert.equal(bypassed, 0);
      assert.deepEqual(JSON.parse(bypassReport).requests[0].route, { kind: 'direct', source: 'NO_PROXY matches 127.0.0.1' });
      assert.equal(proxy.tunnels(), 1, 'NO_PROXY takes the host off the proxy');
    } finally {
      await proxy.close();
    }
  });

  it('writes JUnit XML that parses back: one testcase per request, failures and errors, escaped names', async () => {
    const { code, stdout, stderr } = await run([
      'requests/mixed.thredd',
      'requests/cards.thredd',
      '--reporter',
      'junit',
      '--output',
      'reports/junit.xml',
    ]);
    assert.equal(code, 1);
    assert.match(stderr, /Report written to .*reports\/junit\.xml/);
    assert.match(stdout, /✓ fine/, 'with --output, progress still shows on stdout');
    const xml = fs.readFileSync(path.join(api.dir, 'reports', 'junit.xml'), 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    const { testsuites } = parser.parse(xml);
    assert.deepEqual([testsuites.tests, testsuites.failures, testsuites.errors], ['5', '1', '1']);
    const [mixedSuite, cardsSuite] = testsuites.testsuite;
    assert.equal(mixedSuite.name, path.join('requests', 'mixed.thredd'));
    assert.deepEqual(
      mixedSuite.testcase.map((testcase: { name: string }) => testcase.name),
      ['fine', 'Tricky <&> "quotes" \'here\'', 'down'],
    );
    assert.equal(mixedSuite.testcase[0].classname, 'requests.mixed');
    assert.equal(mixedSuite.testcase[0].failure, undefined);
    assert.equal(mixedSuite.testcase[1].failure.type, 'expectation');
    assert.match(mixedSuite.testcase[1].failure.message, /^2 expectations failed: expected status == 201, got "200"/);
    assert.equal(mixedSuite.testcase[2].error.type, 'connection-refused');
    assert.deepEqual(
      cardsSuite.testcase.map((testcase: { name: string }) => testcase.name),
      ['create', 'read'],
    );
    assert.equal(cardsSuite.failures, '0');
  });

  it('--dry-run sends nothing and reports each request as it would be sent, secrets masked', async () => {
    api.write(
      'requests/dry.thredd',
      [
        '# @name search',
        `GET {{baseUrl}}/echo?key={{apiKey}}`,
        'X-Api-Key: {{apiKey}}',
        '',
        '###',
        '# @name read',
        'POST {{baseUrl}}/cards/{{search.response.body.$.id}}',
        'Content-Type: application/json',
        '',
        '{"key": "{{apiKey}}"}',
      ].join('\n'),
    );
    const sent = api.seen.length;
    const { code, stdout, stderr } = await run(['requests/dry.thredd', '--dry-run', '--reporter', 'json']);
    assert.equal(code, 0, stderr);
    assert.equal(api.seen.length, sent, 'nothing was sent');
    assert.deepEqual(JSON.parse(stdout), {
      requests: [
        {
          name: 'search',
          method: 'GET',
          url: `${api.tls.url}/echo?key=${MASK}`,
          headers: { 'X-Api-Key': MASK, 'X-Region': '1' },
          body: null,
        },
        {
          name: 'read',
          method: 'POST',
          url: `${api.tls.url}/cards/{{search.response.body.$.id}}`,
          headers: { 'Content-Type': 'application/json', 'X-Region': '1' },
          body: `{"key": "${MASK}"}`,
        },
      ],
    });
    assert.ok(!stdout.includes(API_KEY));

    api.write('requests/token.thredd', 'GET {{baseUrl}}/cards\n');
    const withToken = await run(['requests/token.thredd', '--dry-run', '--reporter', 'json', '--env', 'withapp']);
    assert.equal(withToken.code, 0, withToken.stderr);
    assert.deepEqual(
      JSON.parse(withToken.stdout).requests[0].headers,
      { 'X-Region': '0', Authorization: `Bearer ${MASK}` },
      'where the token would go',
    );
    const unresolved = await run(['requests/dry.thredd', '--dry-run', '--reporter', 'json', '--env', 'withapp', '--request', 'search']);
    assert.equal(unresolved.code, 1, 'withapp has no apiKey variable');
    assert.equal(JSON.parse(unresolved.stdout).requests[0].error.kind, 'unresolved');
    const pretty = await run(['requests/dry.thredd', '--dry-run']);
    assert.match(pretty.stdout, /search {2}\(environment tls\)\n {4}GET .*\/echo\?key=••••••\n {4}X-Api-Key: ••••••\n {4}X-Region: 1\n/);
    const junit = await run(['requests/dry.thredd', '--dry-run', '--reporter', 'junit']);
    assert.equal(parser.parse(junit.stdout).testsuites.skipped, '2');
  });

  it('--request runs the named requests (and what they read from); an unknown name is refused', async () => {
    const { code, stdout } = await run(['requests/cards.thredd', '--request', 'read', '--reporter', 'json']);
    assert.equal(code, 0);
    assert.deepEqual(
      JSON.parse(stdout).requests.map((request: { name: string }) => request.name),
      ['create', 'read'],
    );
    const unknown = await run(['requests/cards.thredd', '--request', 'reed']);
    assert.equal(unknown.code, 1);
    assert.equal(
      unknown.stderr,
      `thredd: No request named "reed" in ${path.join('requests', 'cards.thredd')}: did you mean "read"? ` +
        'Requests there: "create", "Create a card", "read", "Read it back". A request is named by "# @name NAME" or its "### Title".\n',
    );
  });

  it('--bail stops at the first request that fails', async () => {
    api.write('requests/bail.thredd', `# @expect status 500\nGET {{baseUrl}}/echo/a\n###\nGET {{baseUrl}}/echo/b\n`);
    const { code, stdout } = await run(['requests/bail.thredd', 'requests/cards.thredd', '--bail', '--reporter', 'json']);
    assert.equal(code, 1);
    assert.equal(JSON.parse(stdout).requests.length, 1);
  });

  it('accepts REST Client .http files, uses mTLS and PKCS#12 environments, and refuses other files', async () => {
    api.write('rest/cards.http', '@base = {{baseUrl}}\n\n# @expect body $.client == transport-client\nGET {{base}}/echo/rest HTTP/1.1\n');
    for (const environment of ['mtls', 'pfx']) {
      const { code, stdout, stderr } = await run(['rest/cards.http', '--env', environment]);
      assert.equal(code, 0, `${environment}: ${stderr}${stdout}`);
    }
    const other = await run(['thredd.json']);
    assert.equal(other.code, 1);
    assert.match(other.stderr, /thredd\.json is not a request file: thredd run takes \.thredd and \.http/);
    const missing = await run(['requests/none.thredd']);
    assert.match(missing.stderr, /requests\/none\.thredd does not exist/);
  });

  it('finds thredd.json above the first file, and --insecure sends to an untrusted server with a warning', async () => {
    const elsewhere = await run([path.join(api.dir, 'requests', 'cards.thredd')], os.tmpdir());
    assert.equal(elsewhere.code, 0, elsewhere.stderr + elsewhere.stdout);
    api.write('requests/plain.thredd', 'GET {{baseUrl}}/echo/plain\n');
    const refused = await run(['requests/plain.thredd', '--env', 'untrusted']);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /error: 127\.0\.0\.1:\d+'s certificate is not issued by a trusted CA/);
    const insecure = await run(['requests/plain.thredd', '--env', 'untrusted', '--insecure']);
    assert.equal(insecure.code, 0);
    assert.match(insecure.stderr, /^warning: --insecure: TLS verification is OFF/);
    assert.match(insecure.stdout, /warning: TLS verification is OFF/);
  });

  it('refuses bad options with the usage', async () => {
    const reporter = await run(['requests/cards.thredd', '--reporter', 'xml']);
    assert.equal(reporter.code, 1);
    assert.equal(reporter.stderr, 'thredd: --reporter must be pretty, json or junit, not "xml".\n');
    const none = await run([]);
    assert.match(none.stderr, /Name at least one \.thredd or \.http file\. Usage: thredd run FILE/);
    const environment = await run(['requests/cards.thredd', '--env', 'prod']);
    assert.match(environment.stderr, /No environment "prod" in .*thredd\.json; it has: tls, mtls/);
  });
});
