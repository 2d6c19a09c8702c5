import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../../src/cli/command';
import { dcrRegisterCommand } from '../../../src/cli/commands/dcr';
import { networkFromOptions } from '../../../src/cli/commands/httpSupport';
import { introspectCommand } from '../../../src/cli/commands/introspect';
import { runCommand } from '../../../src/cli/commands/run';
import { tokenCommand } from '../../../src/cli/commands/token';
import { runCli } from '../../../src/cli/main';
import { parseConfigText } from '../../../src/core/config';
import { describeRoute } from '../../../src/core/proxy';
import { createTestCa } from '../../support/testPki';

const SENDING: CliCommand[] = [tokenCommand, introspectCommand, dcrRegisterCommand, runCommand];
const UAT = new URL('https://uat-mtls.thredd.com');

async function run(argv: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text), env, cwd });
  return { code, stdout, stderr };
}

/** The route description a command's flags give for the UAT host, as `withHttpClient` would build it. */
async function routeWith(command: CliCommand, args: string[], env: Record<string, string>, environmentJson?: string) {
  const { values } = parseArgs({ args, options: command.options, strict: true, allowPositionals: true });
  const environment = environmentJson
    ? parseConfigText(`{ "environments": { "uat": ${environmentJson} } }`, '/p/thredd.json', { env: {}, fileExists: () => true }).config!
        .environments.uat
    : undefined;
  const io = { out: () => undefined, err: () => undefined, env, cwd: '/' };
  const network = await networkFromOptions(values, io, environment);
  return describeRoute(network.routeFor!(UAT));
}

describe('the CLI and proxies', () => {
  let dir: string;
  let server: http.Server;
  let served = 0;
  let ping: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-cli-proxy-'));
    ping = path.join(dir, 'ping.http');
    server = http.createServer((_request, response) => {
      served++;
      response.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fs.writeFileSync(ping, `GET http://127.0.0.1:${(server.address() as AddressInfo).port}/ping\n`);
  });
  after(() => {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists --proxy URL | --no-proxy in the help of every command that sends', async () => {
    for (const command of SENDING) {
      const help = await run([...command.path, '--help'], dir);
      assert.match(help.stdout, /\[--proxy URL \| --no-proxy\]/, command.path.join(' '));
    }
  });

  it('routes by --proxy and --no-proxy on every sending command, below thredd.json and above HTTPS_PROXY', async () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:3128' };
    for (const command of SENDING) {
      const name = command.path.join(' ');
      assert.equal(await routeWith(command, [], env), 'via http://env-proxy:3128 (HTTPS_PROXY)', name);
      assert.equal(await routeWith(command, ['--proxy', 'http://cli:8080'], env), 'via http://cli:8080 (--proxy)', name);
      assert.equal(await routeWith(command, ['--no-proxy'], env), 'direct (--no-proxy)', name);
      const fromFile = await routeWith(command, ['--no-proxy'], env, '{ "baseUrl": "https://x.test", "proxy": "http://file:1" }');
      assert.equal(fromFile, 'via http://file:1 (thredd.json environment "uat" (proxy))', name);
    }
  });

  it("puts the environment's proxyCa on the route, and names proxyCa when its file is not a CA", async () => {
    const ca = await createTestCa({ commonName: 'Corporate Proxy CA' });
    fs.writeFileSync(path.join(dir, 'proxy-ca.pem'), ca.certPem);
    fs.writeFileSync(path.join(dir, 'not-a-ca.pem'), 'hello');
    const io = { out: () => undefined, err: () => undefined, env: {}, cwd: dir };
    const environment = (proxyCa: string) =>
      parseConfigText(
        JSON.stringify({ environments: { uat: { baseUrl: 'https://x.test', proxy: 'https://tls-proxy:443', proxyCa } } }),
        path.join(dir, 'thredd.json'),
        { env: {} },
      ).config!.environments.uat;
    const network = await networkFromOptions({}, io, environment('proxy-ca.pem'));
    const route = network.routeFor!(UAT);
    assert.equal(route.kind === 'proxy' && route.proxyCa, ca.certPem);
    await assert.rejects(networkFromOptions({}, io, environment('not-a-ca.pem')), {
      name: 'TlsConfigError',
      message: new RegExp(`^"proxyCa" of environment "uat": ${path.join(dir, 'not-a-ca.pem')} is not a PEM CA certificate`),
      fix: 'Point "proxyCa" at the PEM file of the CA that issued the proxy\'s certificate.',
    });
  });

  it('refuses --proxy together with --no-proxy', async () => {
    const both = await run(['run', ping, '--proxy', 'http://p:1', '--no-proxy'], dir);
    assert.equal(both.code, 1);
    assert.equal(both.stderr, 'thredd: --proxy and --no-proxy contradict each other: pass one of them.\n');
  });

  it('sends directly with --no-proxy although HTTPS_PROXY and HTTP_PROXY point nowhere', async () => {
    const before = served;
    const sent = await run(['run', ping, '--no-proxy', '--reporter', 'json'], dir, {
      HTTP_PROXY: 'http://127.0.0.1:9',
      HTTPS_PROXY: 'http://127.0.0.1:9',
    });
    assert.equal(sent.code, 0, sent.stderr);
    assert.equal(served, before + 1);
  });

  it('refuses a SOCKS --proxy before sending anything, with its password masked', async () => {
    const before = served;
    const refused = await run(['run', ping, '--proxy', 'socks5://bob:s3cret@127.0.0.1:1080'], dir);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^thredd: --proxy is "socks5:\/\/bob:••••••@127\.0\.0\.1:1080": socks5 proxies are not supported\. Use an HTTP proxy/,
    );
    assert.doesNotMatch(refused.stderr + refused.stdout, /s3cret/);
    assert.equal(served, before);
  });

  it("has config check show each environment's proxy and why, credentials masked", async () => {
    const file = path.join(dir, 'thredd.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        environments: {
          uat: { baseUrl: 'https://uat-mtls.thredd.com', tokenUrl: 'https://threddid.com/oauth2/token' },
          local: { baseUrl: 'https://localhost:8443', proxy: false },
          corp: { baseUrl: 'https://api.thredd.com', proxy: 'http://corp-proxy:8080' },
        },
      }),
    );
    const env = { HTTPS_PROXY: 'http://alice:hunter2@proxy:3128', NO_PROXY: 'threddid.com' };
    const check = await run(['config', 'check'], dir, env);
    assert.equal(check.code, 0, check.stderr);
    assert.equal(
      check.stdout,
      `${file}: OK (3 environments, 0 applications)\n` +
        'uat: via http://proxy:3128 (HTTPS_PROXY; with Proxy-Authorization); token endpoint direct (NO_PROXY matches threddid.com)\n' +
        'local: direct (thredd.json environment "local" has "proxy": false)\n' +
        'corp: via http://corp-proxy:8080 (thredd.json environment "corp" (proxy))\n',
    );
    const json = JSON.parse((await run(['config', 'check', '--json'], dir, {})).stdout);
    assert.deepEqual(json.proxies, {
      uat: 'direct (no proxy configured)',
      local: 'direct (thredd.json environment "local" has "proxy": false)',
      corp: 'via http://corp-proxy:8080 (thredd.json environment "corp" (proxy))',
    });
    assert.doesNotMatch(check.stdout + check.stderr, /hunter2|alice/);
  });

  it('has config check fail on a proxy variable it cannot use, naming it', async () => {
    fs.writeFileSync(path.join(dir, 'thredd.json'), JSON.stringify({ environments: { uat: { baseUrl: 'https://uat-mtls.thredd.com' } } }));
    const check = await run(['config', 'check'], dir, { https_proxy: 'socks5://proxy:1080' });
    assert.equal(check.code, 1);
    assert.match(check.stderr, /^uat: https_proxy is "socks5:\/\/proxy:1080": socks5 proxies are not supported\./);
  });
});
