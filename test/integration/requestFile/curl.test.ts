import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseRequestFile, resolveRequest, toCurl } from '../../../src/core/requestFile';

interface Received {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Runs a generated command in a real POSIX shell with the real curl, and resolves with its exit code. */
function runInShell(command: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command + ' --silent --show-error --output /dev/null'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

describe('Copy as cURL against a local server', () => {
  let server: http.Server;
  let baseUrl: string;
  let dir: string;
  const received: Received[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-curl-'));
    fs.writeFileSync(path.join(dir, 'logo.bin'), Buffer.from([0, 255, 10, 13, 39]));
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks) });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('delivers the exact method, URL, headers and body, quotes and all, with $TOKEN from the shell', async () => {
    const text = [
      `@base = ${baseUrl}`,
      "POST {{base}}/cards?name=O'Brien&x=$HOME",
      'Content-Type: application/json',
      "X-Note: it's `quoted` $(id)",
      'Authorization: Bearer real-token-not-shown',
      '',
      '{"name": "O\'Brien", "shell": "$HOME `id` \\\\ !"}',
    ].join('\n');
    const file = parseRequestFile(text);
    const { request } = resolveRequest(file, file.requests[0], { allowEnv: false });
    const command = toCurl(request, { defaultHeaders: [{ name: 'X-Region', value: '1' }] });
    assert.ok(!command.includes('real-token-not-shown'));
    received.length = 0;
    assert.equal(await runInShell(command, { TOKEN: 'token-from-shell' }), 0);
    const [got] = received;
    assert.equal(got.method, 'POST');
    assert.equal(got.url, "/cards?name=O'Brien&x=$HOME");
    assert.equal(got.headers['x-note'], "it's `quoted` $(id)");
    assert.equal(got.headers['x-region'], '1');
    assert.equal(got.headers.authorization, 'Bearer token-from-shell');
    assert.equal(got.body.toString(), '{"name": "O\'Brien", "shell": "$HOME `id` \\\\ !"}');
  });

  it('streams a multipart body of text parts and a binary file in order', async () => {
    const text =
      `POST ${baseUrl}/upload\nContent-Type: multipart/form-data; ` +
      `boundary=B\n\n--B\nContent-Disposition: form-data; name="logo"; filename="logo.bin"\n\n< ` +
      `./logo.bin\n--B--\n`;
    const file = parseRequestFile(text);
    const { request } = resolveRequest(file, file.requests[0], { allowEnv: false, filePath: path.join(dir, 'upload.thredd') });
    received.length = 0;
    assert.equal(await runInShell(toCurl(request), {}), 0);
    const expected = Buffer.concat([
      Buffer.from('--B\r\nContent-Disposition: form-data; name="logo"; filename="logo.bin"\r\n\r\n'),
      Buffer.from([0, 255, 10, 13, 39]),
      Buffer.from('\r\n--B--'),
    ]);
    assert.deepEqual(received[0].body, expected);
  });
});
