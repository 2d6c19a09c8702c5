// A card API on 127.0.0.1 over TLS that watches how a run session reaches it: the order requests
// arrive in, how many are in flight at once, and which were cut off by the client. A thredd.json
// with one environment trusts its certificate.
import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfigFile, type ThreddConfig } from '../../../src/core/config';
import { parseRequestFile } from '../../../src/core/requestFile';
import type { SessionFile } from '../../../src/core/session';
import { startHttpsServer, type TestHttpsServer } from '../../support/httpsTestServer';
import { createTestCa } from '../../support/testPki';

export interface SessionServer {
  url: string;
  config: ThreddConfig;
  /** `METHOD /path` of each request, in the order they arrived. */
  arrived: string[];
  /** When each of `arrived` came, by the server's clock (ms). */
  arrivedAt: number[];
  /** The most requests the server held at once. */
  maxInFlight(): number;
  /** Requests whose client closed the connection before the answer. */
  cutOff: string[];
  /** `/gate` answers once this many requests are in flight (or after a second, so a test cannot hang). */
  gateOpensAt: number;
  /** A request file in the server's folder, parsed. */
  file(name: string, text: string): SessionFile;
  reset(): void;
  close(): Promise<void>;
}

export async function startSessionServer(): Promise<SessionServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-session-'));
  const ca = await createTestCa();
  const serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
  let inFlight = 0;
  let maxInFlight = 0;
  let cards = 0;
  const held = new Set<() => void>();
  const state = { arrived: [] as string[], arrivedAt: [] as number[], cutOff: [] as string[], gateOpensAt: 1 };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const what = `${request.method} ${request.url}`;
    state.arrived.push(what);
    state.arrivedAt.push(performance.now());
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finished = (answered: boolean) => {
      if (done) return;
      done = true;
      inFlight -= 1;
      if (!answered) state.cutOff.push(what);
    };
    response.on('finish', () => finished(true));
    response.on('close', () => finished(response.writableFinished));
    const answer = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    const url = new URL(request.url ?? '/', 'https://session.local');
    if (url.pathname === '/cards' && request.method === 'POST') return answer(201, { id: `card-${++cards}` });
    if (url.pathname.startsWith('/cards/')) return answer(200, { id: url.pathname.slice('/cards/'.length) });
    if (url.pathname === '/hang') return; // answers never: only the client ends it
    // `/slow/MS` answers after MS milliseconds: a request that finishes after those sent behind it.
    if (url.pathname.startsWith('/slow/')) return void setTimeout(() => answer(200, { path: url.pathname }), Number(url.pathname.slice(6)));
    if (url.pathname.startsWith('/gate')) {
      const open = () => {
        held.forEach((release) => release());
        held.clear();
      };
      const timer = setTimeout(open, 1000);
      held.add(() => (clearTimeout(timer), answer(200, { gate: url.pathname })));
      if (inFlight >= state.gateOpensAt) open();
      return;
    }
    answer(200, { path: url.pathname });
  };
  const server: TestHttpsServer = await startHttpsServer({ certPem: serverCert.certPem, keyPem: serverCert.keyPem }, handle);
  fs.writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
  const configFile = path.join(dir, 'thredd.json');
  fs.writeFileSync(configFile, JSON.stringify({ environments: { local: { baseUrl: server.url, ca: 'ca.pem' } } }));
  const { config, diagnostics } = await loadConfigFile(configFile);
  if (!config) throw new Error(`session test thredd.json is invalid: ${JSON.stringify(diagnostics)}`);

  return Object.assign(state, {
    url: server.url,
    config,
    maxInFlight: () => maxInFlight,
    file(name: string, text: string): SessionFile {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return { path: file, shown: name, parsed: parseRequestFile(text) };
    },
    reset() {
      state.arrived.length = 0;
      state.arrivedAt.length = 0;
      state.cutOff.length = 0;
      state.gateOpensAt = 1;
      maxInFlight = inFlight;
    },
    async close() {
      held.forEach((release) => release());
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}
