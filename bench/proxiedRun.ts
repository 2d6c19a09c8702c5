// The proxied case of bench/run.ts: the same sequential mTLS GETs through a local forward proxy (proxy-chain,
// its own process), made by (f) the product's HttpClient on a proxy route, bundled as the CLI is, and (g) an
// undici ProxyAgent loop, the floor for tunnelling in Node. (f) must carry every request in one tunnel; (g) opens
// a second now and then, when its next request starts before the previous connection went back to the pool.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startForwardProxy } from '../test/support/forwardProxy';
import { undiciLoop } from './undiciLoop';

export const PROXIED_TARGET_RATIO = 1.2;
export const PROXIED_CLIENT = '(f) thredd via proxy';
export const PROXIED_FLOOR = '(g) undici ProxyAgent';

/** A forward proxy in this process, for the harness to fork: answers 'count' with the tunnels opened since the last count. */
export async function serveProxy(): Promise<void> {
  const proxy = await startForwardProxy();
  let counted = 0;
  process.send!({ proxy: proxy.url.href });
  process.on('message', (message) => {
    if (message === 'count') {
      process.send!({ tunnels: proxy.tunnels() - counted });
      counted = proxy.tunnels();
    } else if (message === 'stop') {
      void proxy.close().then(() => process.exit(0));
    }
  });
}

/** The loop of (f), bundled into the bench folder with esbuild so it starts like dist/cli.js (no tsx). */
function clientLoop(urls: string[], proxy: string): string {
  return `
import * as fs from 'node:fs';
import { bodyBytes, createHttpClient } from ${JSON.stringify(path.resolve(__dirname, '..', 'src', 'core', 'http'))};
const urls: string[] = ${JSON.stringify(urls)};
const route = { kind: 'proxy' as const, proxy: new URL(${JSON.stringify(proxy)}), proxyStrictSSL: true, source: 'bench' };
const tls = {
  ca: fs.readFileSync('ca.pem', 'utf8'),
  clientCertificate: { kind: 'pem' as const, cert: fs.readFileSync('client.pem', 'utf8'), key: fs.readFileSync('client.key', 'utf8'),
    id: 'bench-client', source: 'client.pem' },
};
(async () => {
  const client = createHttpClient({ network: { routeFor: () => route } });
  for (const url of urls) {
    const response = await client.send({ method: 'GET', url, headers: { 'x-region': '0' }, tls });
    await bodyBytes(response.body);
    if (response.status !== 200) process.exitCode = 1;
  }
  await client.close();
})();
`;
}

/** Writes (f) and (g) into `dir` (ca.pem, client.pem, client.key already there) and returns how to run them. */
export function proxiedContenders(
  dir: string,
  root: string,
  urls: string[],
  proxy: string,
): { label: string; command: string; args: string[]; tunnels?: number }[] {
  fs.writeFileSync(path.join(dir, 'proxied-client.ts'), clientLoop(urls, proxy));
  require('esbuild').buildSync({
    entryPoints: [path.join(dir, 'proxied-client.ts')],
    outfile: path.join(dir, 'proxied-client.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
  });
  const floor = `new undici.ProxyAgent({ uri: ${JSON.stringify(proxy)}, requestTls: tls })`;
  fs.writeFileSync(path.join(dir, 'proxied-floor.js'), undiciLoop(require.resolve('undici', { paths: [root] }), floor, urls));
  return [
    { label: PROXIED_CLIENT, command: process.execPath, args: ['proxied-client.js'], tunnels: 1 },
    { label: PROXIED_FLOOR, command: process.execPath, args: ['proxied-floor.js'] },
  ];
}
