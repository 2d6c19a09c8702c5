// EHI simulator benchmark. Run: node --import tsx bench/ehi.ts [messages]
// Starts an mTLS EHI listener on 127.0.0.1 (test/support/ehiListeners, good answers) and prints, in one run:
//  1. messages per second the simulator sends and checks (one after another on one warm connection, as Thredd);
//  2. its own added latency per message: the p50 of a whole simulated message (build, serialise, sign with
//     RSA-2048, POST over mTLS, read, check) minus the p50 of the same POST from a bare undici loop on its own
//     warm mTLS connection (no building, no signing, no checks) - the named baseline.
// Target: added latency under 2 ms p50, so the 200 ms budget measures the endpoint, not us. Exits 1 when missed.
import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import { ehiMessageType, seededRandom } from '../src/core/ehi/messages';
import { ehiEndpoint, simulateEhi } from '../src/core/ehi/simulator';
import { createHttpClient } from '../src/core/http';
import { startEhiListener } from '../test/support/ehiListeners';
import { createTestCa } from '../test/support/testPki';

const messages = Number(process.argv[2] ?? 400);
const TARGET_ADDED_P50_MS = 2;

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

async function main(): Promise<number> {
  const ca = await createTestCa();
  const server = await ca.issue({ commonName: 'localhost', usage: 'server' });
  const client = await ca.issue({ commonName: 'EHI client (bench)', usage: 'client' });
  const listener = await startEhiListener({
    certPem: server.certPem,
    keyPem: server.keyPem,
    caPem: ca.certPem,
    requestCert: true,
    rejectUnauthorized: true,
  });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const http = createHttpClient();
  const endpoint = ehiEndpoint({
    url: `${listener.url}/ehi`,
    http,
    timeoutMs: 200,
    signing: { key: privateKey, kid: 'bench' },
    ca: { pem: ca.certPem, source: 'bench CA' },
    client: { certPem: client.certPem, keyPem: client.keyPem, source: 'bench client' },
  });
  const type = ehiMessageType('authorisation');
  const random = seededRandom('bench');
  const one = () => simulateEhi({ endpoint, type, random, duplicates: false });
  const bare = new Agent({ connect: { ca: ca.certPem, cert: client.certPem, key: client.keyPem } });
  const body = JSON.stringify(type.build({ random, now: new Date() }));
  const bareOne = async () => {
    const response = await bare.request({
      origin: listener.url,
      path: '/ehi',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await response.body.text();
  };
  try {
    // Warm-up: module loading, JIT, the TLS handshakes of both connections.
    for (let i = 0; i < 50; i++) {
      await one();
      await bareOne();
    }
    // Interleaved, so both see the same machine load.
    const ours: number[] = [];
    const baseline: number[] = [];
    let failed = 0;
    for (let i = 0; i < messages; i++) {
      let started = performance.now();
      const report = await one();
      ours.push(performance.now() - started);
      if (!report.ok) failed += 1;
      started = performance.now();
      await bareOne();
      baseline.push(performance.now() - started);
    }
    const started = performance.now();
    const burst = await simulateEhi({ endpoint, type, random, count: messages, duplicates: false });
    const perSecond = messages / ((performance.now() - started) / 1000);
    const added = percentile(ours, 0.5) - percentile(baseline, 0.5);
    console.log(`messages: ${messages} over mTLS to a local listener (authorisation, signed RSA-2048, checked)`);
    console.log(`throughput: ${Math.round(perSecond).toLocaleString('en')} messages/s (sequential, one warm connection)`);
    console.log(
      `per message p50: simulator ${percentile(ours, 0.5).toFixed(3)} ms, bare undici POST ${percentile(baseline, 0.5).toFixed(3)} ms ` +
        `(p90 ${percentile(ours, 0.9).toFixed(3)} / ${percentile(baseline, 0.9).toFixed(3)} ms)`,
    );
    const ratio = (added / TARGET_ADDED_P50_MS).toFixed(2);
    console.log(`added latency p50: ${added.toFixed(3)} ms; target < ${TARGET_ADDED_P50_MS} ms: ratio ${ratio} of the target`);
    if (failed > 0 || !burst.ok) {
      console.error(`FAILED: ${failed} timed messages and the burst (${burst.ok ? 'ok' : 'not ok'}) did not pass the rules`);
      return 1;
    }
    if (added >= TARGET_ADDED_P50_MS) {
      console.error('FAILED: the simulator adds more than the target per message');
      return 1;
    }
    return 0;
  } finally {
    await bare.close();
    await http.close();
    await listener.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
