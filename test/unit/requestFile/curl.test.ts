import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { shellQuote, toCurl } from '../../../src/core/requestFile';
import type { ResolvedRequest } from '../../../src/core/requestFile';

/** Runs the command in a POSIX shell with `curl` replaced by a function that prints its arguments, NUL-separated. */
function argumentsSeenByCurl(command: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\n${command}`;
  const result = spawnSync('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\0').slice(0, -1);
}

const tricky = `{"name": "O'Brien", "note": "it's \\"quoted\\" $HOME \`whoami\` $(id) \\\\ !"}`;

describe('Copy as cURL', () => {
  it('single-quotes every argument so the shell passes quotes, $, backticks and backslashes through untouched', () => {
    const request: ResolvedRequest = {
      method: 'POST',
      url: "https://uat-mtls.thredd.com/core/api/v1/cards?q=a b&name=O'Brien",
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'X-Note', value: "it's $HOME" },
      ],
      body: { kind: 'text', text: tricky + '\nsecond line' },
    };
    assert.deepEqual(argumentsSeenByCurl(toCurl(request)), [
      '-X',
      'POST',
      "https://uat-mtls.thredd.com/core/api/v1/cards?q=a b&name=O'Brien",
      '-H',
      'Content-Type: application/json',
      '-H',
      "X-Note: it's $HOME",
      '--data-raw',
      tricky + '\nsecond line',
    ]);
  });

  it('shows the token as $TOKEN unless asked to include it', () => {
    const request: ResolvedRequest = {
      method: 'GET',
      url: 'https://a.test/x',
      headers: [{ name: 'Authorization', value: 'Bearer eyJ.secret.sig' }],
    };
    const hidden = toCurl(request);
    assert.ok(!hidden.includes('eyJ.secret.sig'));
    assert.match(hidden, /-H "Authorization: Bearer \$TOKEN"/);
    assert.deepEqual(argumentsSeenByCurl(hidden, { TOKEN: 'from-shell' }), ['https://a.test/x', '-H', 'Authorization: Bearer from-shell']);
    assert.deepEqual(argumentsSeenByCurl(toCurl(request, { includeToken: true })), [
      'https://a.test/x',
      '-H',
      'Authorization: Bearer eyJ.secret.sig',
    ]);
  });

  it('adds default headers (X-Region, Authorization) only when the request lacks them', () => {
    const request: ResolvedRequest = { method: 'GET', url: 'https://a.test/x', headers: [{ name: 'x-region', value: '2' }] };
    const args = argumentsSeenByCurl(
      toCurl(request, {
        defaultHeaders: [
          { name: 'X-Region', value: '1' },
          { name: 'Authorization', value: 'Bearer t' },
        ],
      }),
      { TOKEN: 'T' },
    );
    assert.deepEqual(args, ['https://a.test/x', '-H', 'x-region: 2', '-H', 'Authorization: Bearer T']);
  });

  it('passes a PEM client certificate with --cert/--key, a PKCS#12 one with --cert-type P12, and --cacert / --insecure', () => {
    const request: ResolvedRequest = { method: 'GET', url: 'https://a.test/', headers: [] };
    const pem = argumentsSeenByCurl(
      toCurl(request, { clientCertificate: { kind: 'pem', cert: '/certs/my transport.pem', key: '/certs/t.key' }, ca: '/certs/chain.pem' }),
    );
    assert.deepEqual(pem, [
      'https://a.test/',
      '--cert',
      '/certs/my transport.pem',
      '--key',
      '/certs/t.key',
      '--cacert',
      '/certs/chain.pem',
    ]);
    const pfx = argumentsSeenByCurl(
      toCurl(request, { clientCertificate: { kind: 'pfx', pfx: '/certs/c:1.pfx', passphrase: 'pw' }, insecure: true }),
      { CERT_PASSPHRASE: 'from-shell' },
    );
    assert.deepEqual(pfx, ['https://a.test/', '--cert-type', 'P12', '--cert', '/certs/c\\:1.pfx', '--pass', 'from-shell', '--insecure']);
  });

  it('uses --head for HEAD, -X for other methods and for GET with a body, and @file for file bodies', () => {
    assert.deepEqual(argumentsSeenByCurl(toCurl({ method: 'HEAD', url: 'https://a.test/', headers: [] })), ['--head', 'https://a.test/']);
    assert.deepEqual(argumentsSeenByCurl(toCurl({ method: 'DELETE', url: 'https://a.test/1', headers: [] })), [
      '-X',
      'DELETE',
      'https://a.test/1',
    ]);
    assert.deepEqual(
      argumentsSeenByCurl(toCurl({ method: 'GET', url: 'https://a.test/', headers: [], body: { kind: 'text', text: 'q' } })),
      ['-X', 'GET', 'https://a.test/', '--data-raw', 'q'],
    );
    assert.deepEqual(
      argumentsSeenByCurl(
        toCurl({
          method: 'PUT',
          url: 'https://a.test/',
          headers: [],
          body: { kind: 'file', path: "/data/it's.json", processVariables: false },
        }),
      ),
      ['-X', 'PUT', 'https://a.test/', '--data-binary', "@/data/it's.json"],
    );
  });

  it('writes one option per line with backslash continuations', () => {
    const command = toCurl({
      method: 'POST',
      url: 'https://a.test/',
      headers: [{ name: 'A', value: '1' }],
      body: { kind: 'text', text: 'x' },
    });
    assert.equal(command, "curl -X POST https://a.test/ \\\n  -H 'A: 1' \\\n  --data-raw x");
  });

  it('quotes only what needs quoting', () => {
    assert.equal(shellQuote('https://a.test/x.json'), 'https://a.test/x.json');
    assert.equal(shellQuote(''), "''");
    assert.equal(shellQuote("a'b"), "'a'\\''b'");
  });
});
