import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPkcs12 } from '../../../src/core/pki';
import { buildTreeModel, CertificateFactsCache, type CertificateFileFacts } from '../../../src/core/tree';
import { DAY, issueDated, wholeSecondNow } from '../../support/datedCertificates';
import { createTestCa } from '../../support/testPki';

const now = wholeSecondNow();
let dir: string;
const file = (name: string) => path.join(dir, name);

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-facts-'));
  const ca = await createTestCa({ keyType: 'p256' });
  for (let index = 0; index < 12; index++) {
    const certificate = await issueDated(ca, { subject: { commonName: `c${index}` }, now, daysToExpiry: 61 + index });
    fs.writeFileSync(file(`c${index}.pem`), certificate.certPem);
    fs.writeFileSync(file(`c${index}.key`), certificate.keyPem);
    if (index === 0)
      fs.writeFileSync(
        file('c0.pfx'),
        createPkcs12({ certificate: certificate.der, privateKey: certificate.privateKey, passphrase: 'right' }),
      );
  }
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file system that counts reads per file and can slow them down to observe concurrency. */
function countingFileSystem(delayMs = 0) {
  const reads: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    reads,
    get maxInFlight() {
      return maxInFlight;
    },
    fileSystem: {
      stat: (name: string) => fs.promises.stat(name),
      readFile: async (name: string) => {
        reads.push(path.basename(name));
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
          return await fs.promises.readFile(name);
        } finally {
          inFlight--;
        }
      },
    },
  };
}

const expect = (facts: CertificateFileFacts) => {
  assert.ok(facts.kind === 'certificates', facts.kind === 'error' ? facts.message : '');
  return facts;
};

describe('CertificateFactsCache', () => {
  const workspace = () => Array.from({ length: 12 }, (_, index) => file(`c${index}.pem`));
  const build = (facts: CertificateFactsCache, at = now) =>
    buildTreeModel({ configDiagnostics: [], workspaceCertificateFiles: workspace(), facts, warningDays: 60, now: at });

  it('reads each file once: a second build of the tree re-reads nothing', async () => {
    const counter = countingFileSystem();
    const facts = new CertificateFactsCache({ fileSystem: counter.fileSystem });
    await build(facts);
    assert.equal(counter.reads.length, 12);
    counter.reads.length = 0;
    const again = await build(facts);
    assert.deepEqual(counter.reads, []);
    assert.equal(again.roots[0].kind === 'group' && again.roots[0].children.length, 12);
    assert.equal(facts.counters.hits, 12);
  });

  it('re-reads only a file whose modification time changed', async () => {
    const counter = countingFileSystem();
    const facts = new CertificateFactsCache({ fileSystem: counter.fileSystem });
    await build(facts);
    counter.reads.length = 0;
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file('c3.pem'), later, later);
    await build(facts);
    assert.deepEqual(counter.reads, ['c3.pem']);
  });

  it('re-reads certificate and key when the key file changes', async () => {
    const counter = countingFileSystem();
    const facts = new CertificateFactsCache({ fileSystem: counter.fileSystem });
    const request = { file: file('c1.pem'), keyFile: file('c1.key') };
    assert.equal(expect(await facts.get(request, { now })).keyMatches, true);
    const later = new Date(Date.now() + 7_000);
    fs.utimesSync(file('c1.key'), later, later);
    await facts.get(request, { now });
    assert.deepEqual(counter.reads, ['c1.key', 'c1.pem', 'c1.key', 'c1.pem']);
  });

  it('recomputes status from notAfter at each build: a cached certificate can become expiring', async () => {
    let clock = now;
    const counter = countingFileSystem();
    const facts = new CertificateFactsCache({ fileSystem: counter.fileSystem, clock: () => clock, warningDays: 60 });
    const first = expect(await facts.get({ file: file('c0.pem') })).certificates[0];
    assert.deepEqual([first.status, first.daysRemaining], ['valid', 61]);
    clock = new Date(now.getTime() + 2 * DAY);
    const second = expect(await facts.get({ file: file('c0.pem') })).certificates[0];
    assert.deepEqual([second.status, second.daysRemaining], ['expiring', 59]);
    assert.equal(counter.reads.length, 1, 'the parse was reused');
    const model = await build(facts, new Date(now.getTime() + 62 * DAY));
    const node = model.roots[0].kind === 'group' ? model.roots[0].children.find((child) => child.label === 'c0.pem') : undefined;
    assert.deepEqual([node?.description, node?.kind === 'certificate' && node.severity], ['expired 1 day ago', 'error']);
  });

  it('returns problems as values: a missing file, a PKCS#12 file without or with a wrong passphrase, a missing key file', async () => {
    const facts = new CertificateFactsCache();
    const missing = await facts.get({ file: file('nope.pem') });
    assert.deepEqual(missing, { kind: 'error', file: file('nope.pem'), code: 'not-found', message: `${file('nope.pem')} does not exist.` });
    const locked = await facts.get({ file: file('c0.pfx') });
    assert.ok(locked.kind === 'error');
    assert.equal(locked.code, 'passphrase-required');
    assert.match(locked.message, /^c0\.pfx is a PKCS#12 file protected by a passphrase/);
    const wrong = await facts.get({ file: file('c0.pfx'), passphrase: 'wrong' });
    assert.ok(wrong.kind === 'error' && wrong.code === 'wrong-passphrase', 'a different passphrase is a different entry, read again');
    assert.equal(expect(await facts.get({ file: file('c0.pfx'), passphrase: 'right' })).keyMatches, true);
    const keyMissing = expect(await facts.get({ file: file('c2.pem'), keyFile: file('c2-missing.key') }));
    assert.equal(keyMissing.keyError, `${file('c2-missing.key')} does not exist.`);
  });

  it('reads a file once when builds ask for it concurrently, and picks up a file once it appears', async () => {
    const counter = countingFileSystem(20);
    const facts = new CertificateFactsCache({ fileSystem: counter.fileSystem });
    await Promise.all([facts.get({ file: file('c5.pem') }), facts.get({ file: file('c5.pem') }), build(facts)]);
    assert.equal(counter.reads.filter((name) => name === 'c5.pem').length, 1);
    const late = file('late.pem');
    assert.equal((await facts.get({ file: late })).kind, 'error');
    fs.copyFileSync(file('c6.pem'), late);
    assert.equal((await facts.get({ file: late })).kind, 'certificates');
  });

  it('reads at most `concurrency` files at a time', async () => {
    const counter = countingFileSystem(15);
    const facts = new CertificateFactsCache({ fileSystem: counter.fileSystem, concurrency: 3 });
    await build(facts);
    assert.equal(counter.reads.length, 12);
    assert.equal(counter.maxInFlight, 3);
  });

  it('forgets a file on request, so the next build reads it again', async () => {
    const counter = countingFileSystem();
    const facts = new CertificateFactsCache({ fileSystem: counter.fileSystem });
    await facts.get({ file: file('c7.pem'), keyFile: file('c7.key') });
    facts.forget(file('c7.key'));
    assert.equal(facts.size, 0, 'a key file change drops the certificate read with it');
    await facts.get({ file: file('c7.pem'), keyFile: file('c7.key') });
    assert.equal(counter.reads.length, 4);
  });
});
