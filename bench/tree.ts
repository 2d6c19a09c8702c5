// Thredd view tree-model timings.
//
//   node --import tsx bench/tree.ts
//
// Generates a workspace of 50 environments (each: Transport cert + key, an application with a
// Signing cert + key, one shared CA file) and 500 certificate files in all (P-256 keys, one CA),
// then times buildTreeModel:
//   (a) cold: a new CertificateFactsCache each run, so all 500 certificates (and 100 keys) are read and parsed
//       (target 100 ms, issue 16)
//   (b) warm: a rebuild with the cache filled, which only stats the files (the refresh after a save),
//       and the pure assembleTreeModel part of it alone (target 200 ms)
// Each median is printed as a ratio to its target, next to two baselines measured in the same run:
// fs.promises.stat of the same 600 files (the least a rebuild that notices changes must do), and the
// native floor of a cold build: read each file (synchronously, the fastest way), Node's X509Certificate for
// each certificate and createPrivateKey for each key, nothing else. Exits 1 when either target is missed.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfigText } from '../src/core/config';
import { assembleTreeModel, buildTreeModel, CertificateFactsCache, type CertificateFileFacts } from '../src/core/tree';
import { issueDated, wholeSecondNow } from '../test/support/datedCertificates';
import { createTestCa, generateTestKey } from '../test/support/testPki';

const ENVIRONMENTS = 50;
const CERTIFICATE_FILES = 500;
const COLD_TARGET_MS = 100;
const WARM_TARGET_MS = 200;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task(); // warm-up: JIT, page cache
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    await task();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

async function generateWorkspace(dir: string, now: Date) {
  const certs = path.join(dir, 'certs');
  fs.mkdirSync(certs);
  const ca = await createTestCa({ keyType: 'p256', days: 3650 });
  fs.writeFileSync(path.join(certs, 'ca.pem'), ca.certPem);
  const certificateFiles = [path.join(certs, 'ca.pem')];
  const keyFiles: string[] = [];
  const issue = async (name: string, index: number, withKey: boolean) => {
    const keyPair = await generateTestKey('p256');
    const daysToExpiry = ((index * 37) % 420) - 10; // spread over expired, expiring and valid
    const certificate = await issueDated(ca, {
      subject: { country: 'GB', organization: 'Bench', commonName: name },
      now,
      daysToExpiry,
      keyPair,
    });
    const file = path.join(certs, `${name}.pem`);
    fs.writeFileSync(file, certificate.certPem);
    certificateFiles.push(file);
    if (withKey) {
      fs.writeFileSync(path.join(certs, `${name}.key`), certificate.keyPem);
      keyFiles.push(path.join(certs, `${name}.key`));
    }
  };
  const environments: Record<string, unknown> = {};
  const applications: Record<string, unknown> = {};
  for (let index = 0; index < ENVIRONMENTS; index++) {
    await issue(`env${index}-rtstransport`, index, true);
    await issue(`env${index}-rtssigning`, index + 1000, true);
    applications[`app${index}`] = {
      clientId: `client-${index}`,
      auth: {
        method: 'private_key_jwt',
        key: `certs/env${index}-rtssigning.key`,
        cert: `certs/env${index}-rtssigning.pem`,
        kid: `kid${index}`,
      },
      scopes: ['cards.read'],
    };
    environments[`env${index}`] = {
      baseUrl: 'https://uat-mtls.thredd.com',
      region: String(index % 3),
      application: `app${index}`,
      mtls: { cert: `certs/env${index}-rtstransport.pem`, key: `certs/env${index}-rtstransport.key` },
      ca: 'certs/ca.pem',
    };
  }
  for (let index = certificateFiles.length; index < CERTIFICATE_FILES; index++) await issue(`other${index}`, index, false);
  const { config, diagnostics } = parseConfigText(
    JSON.stringify({ defaultEnvironment: 'env0', environments, applications }),
    path.join(dir, 'thredd.json'),
    { env: {} },
  );
  if (!config) throw new Error(`Generated thredd.json has errors: ${JSON.stringify(diagnostics)}`);
  return { config, certificateFiles, keyFiles };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-bench-tree-'));
  try {
    const now = wholeSecondNow();
    const generating = Date.now();
    const { config, certificateFiles, keyFiles } = await generateWorkspace(dir, now);
    console.log(
      `Node ${process.version}; ${ENVIRONMENTS} environments, ${certificateFiles.length} certificate files + ` +
        `${keyFiles.length} key files (P-256, one CA), generated in ${Date.now() - generating} ms`,
    );

    const input = { config, configDiagnostics: [], workspaceCertificateFiles: certificateFiles, warningDays: 60, now };
    const sample = new CertificateFactsCache();
    const model = await buildTreeModel({ ...input, facts: sample });
    console.log(
      `Model: ${model.roots.length} roots, attentionCount ${model.attentionCount}; cold build read ` +
        `${sample.counters.reads} files and parsed ${sample.counters.parses}`,
    );
    if (sample.counters.parses !== CERTIFICATE_FILES)
      throw new Error(`Expected ${CERTIFICATE_FILES} parses, got ${sample.counters.parses}.`);

    const watched = [...certificateFiles, ...keyFiles];
    const baseline = await time(20, () => Promise.all(watched.map((file) => fs.promises.stat(file))));
    const nativeFloor = await time(7, async () => {
      for (const file of certificateFiles) void new X509Certificate(fs.readFileSync(file)).validTo;
      for (const file of keyFiles) createPrivateKey(fs.readFileSync(file));
    });
    const cold = await time(7, () => buildTreeModel({ ...input, facts: new CertificateFactsCache() }));
    const warmCache = new CertificateFactsCache();
    await buildTreeModel({ ...input, facts: warmCache });
    const readsBefore = warmCache.counters.reads;
    const warm = await time(20, () => buildTreeModel({ ...input, facts: warmCache }));
    if (warmCache.counters.reads !== readsBefore) throw new Error('The warm rebuild re-read files.');
    // The pure part alone: facts already in memory (keyed by file + key file), no stat at all.
    const inMemory = new Map<string, CertificateFileFacts>();
    const remember = (request: { file: string; keyFile?: string }) => `${request.file}|${request.keyFile ?? ''}`;
    const spy = new CertificateFactsCache();
    const originalGet = spy.get.bind(spy);
    spy.get = async (request, at) => {
      const facts = await originalGet(request, at);
      inMemory.set(remember(request), facts);
      return facts;
    };
    await buildTreeModel({ ...input, facts: spy });
    const assemble = await time(20, async () => assembleTreeModel(input, (request) => inMemory.get(remember(request))!));

    const line = (label: string, ms: number, base: number, target?: number) =>
      console.log(
        `${label.padEnd(66)} ${ms.toFixed(2).padStart(8)} ms  ` +
          `(${(ms / base).toFixed(1)}x ${base === baseline ? 'stat' : 'native'} baseline)` +
          `${target ? `  ${(ms / target).toFixed(2)}x of the ${target} ms target: ${ms <= target ? 'met' : 'MISSED'}` : ''}`,
      );
    line(`baseline: fs.promises.stat of the ${watched.length} files (median of 20)`, baseline, baseline);
    line('baseline: read + native X509Certificate / createPrivateKey (median of 7)', nativeFloor, nativeFloor);
    line('(a) cold build: parse 500 certificates + 100 keys (median of 7)', cold, nativeFloor, COLD_TARGET_MS);
    line('(b) warm rebuild: cache filled, stat only (median of 20)', warm, baseline, WARM_TARGET_MS);
    line('    of which: assembleTreeModel alone, facts in memory (median of 20)', assemble, baseline);
    process.exitCode = cold <= COLD_TARGET_MS && warm <= WARM_TARGET_MS ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
