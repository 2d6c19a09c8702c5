import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JWK } from 'jose';
import { loadConfigFile, type ThreddConfig } from '../../../src/core/config';
import { EHI_SIGNATURE_HEADER, verifyEhiSignature } from '../../../src/core/ehi/signature';
import { createHttpClient } from '../../../src/core/http';
import { parseRequestFile } from '../../../src/core/requestFile';
import { RequestRunner, ResponseStore } from '../../../src/core/runner';
import { startEhiListener, type EhiListener } from '../../support/ehiListeners';
import { createTestCa } from '../../support/testPki';

const KID = 'runner-ehi-kid';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = { keys: [{ ...(publicKey.export({ format: 'jwk' }) as JWK), kid: KID }] };

const http = createHttpClient();
let listener: EhiListener;
let dir: string;
let config: ThreddConfig;
const loadedFrom: string[] = [];
const runner = new RequestRunner({
  http,
  ehiSigning: async (stateDir) => {
    loadedFrom.push(stateDir);
    return { key: privateKey, kid: KID };
  },
});

// The body exactly as the file has it: odd spacing and key order must survive, since the signature covers these bytes.
const BODY = '{ "MTID":"0100",  "Txn_Type": "A", "TXn_ID": 12345678901,\n  "Bill_Amt": -12.5, "SendingAttemptCount": 0 }';

function file(duration = '< 200'): string {
  const head = ['### Authorisation', '# @ehi-sign', `# @expect duration ${duration}`, '# @expect body $.Responsestatus == 00'];
  return [...head, 'POST {{baseUrl}}/ehi', 'Content-Type: application/json', '', BODY].join('\n');
}

describe('# @ehi-sign in the request runner', () => {
  before(async () => {
    const ca = await createTestCa();
    const server = await ca.issue({ commonName: 'localhost', usage: 'server' });
    listener = await startEhiListener({ certPem: server.certPem, keyPem: server.keyPem });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-ehi-runner-'));
    fs.writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
    fs.writeFileSync(
      path.join(dir, 'thredd.json'),
      JSON.stringify({
        environments: {
          ehi: {
            baseUrl: listener.url,
            ca: 'ca.pem',
            region: '1',
            // Never reached: an EHI message carries no token.
            tokenUrl: 'https://127.0.0.1:9/oauth2/token',
            application: 'app',
            variables: { ehiSandboxState: 'states/ehi' },
          },
        },
        applications: { app: { clientId: 'client', auth: { method: 'client_secret', secret: 'secret' }, scopes: ['cards.read'] } },
      }),
    );
    const loaded = await loadConfigFile(path.join(dir, 'thredd.json'), { env: {} });
    assert.ok(loaded.config, JSON.stringify(loaded.diagnostics));
    config = loaded.config;
  });
  after(async () => {
    await http.close();
    await listener.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('signs the exact body bytes with the EHI key, verifiably, and sends no token or X-Region', async () => {
    const text = file();
    const result = await runner.run(parseRequestFile(text), 0, {
      filePath: path.join(dir, 'ehi.thredd'),
      config,
      store: new ResponseStore(),
    });
    assert.equal(result.ok, true, JSON.stringify(result.error ?? result.expectations));
    const [received] = listener.received;
    assert.equal(received.body.toString('utf8'), BODY, 'the body went out byte for byte');
    const verified = verifyEhiSignature(received.body, String(received.headers[EHI_SIGNATURE_HEADER.toLowerCase()]), jwks);
    assert.equal(verified.ok, true, verified.message);
    assert.equal(received.headers.authorization, undefined);
    assert.equal(received.headers['x-region'], undefined);
    assert.deepEqual(
      loadedFrom,
      [path.join(dir, 'states', 'ehi')],
      'the key comes from the ehiSandboxState folder, relative to thredd.json',
    );
    assert.deepEqual(
      result.expectations.map((expectation) => [expectation.text, expectation.passed]),
      [
        ['duration < 200', true],
        ['body $.Responsestatus == 00', true],
      ],
    );
  });

  it('fails `# @expect duration < 200` when the endpoint is slower', async () => {
    const text = file('< 0.001');
    const result = await runner.run(parseRequestFile(text), 0, {
      filePath: path.join(dir, 'ehi.thredd'),
      config,
      store: new ResponseStore(),
    });
    assert.equal(result.ok, false);
    assert.equal(result.expectations[0].passed, false);
  });

  it('shows the signature masked in a dry run, and refuses to send unsigned when no key can be loaded', async () => {
    const text = file();
    const plan = await runner.plan(parseRequestFile(text), 0, {
      filePath: path.join(dir, 'ehi.thredd'),
      config,
      store: new ResponseStore(),
    });
    const header = plan.request?.headers.find((item) => item.name === EHI_SIGNATURE_HEADER);
    assert.ok(header && !header.value.includes(KID), JSON.stringify(plan.request?.headers));

    const before = listener.received.length;
    const noKey = new RequestRunner({ http, ehiSigning: () => Promise.reject(new Error('the state folder is empty')) });
    const refused = await noKey.run(parseRequestFile(text), 0, {
      filePath: path.join(dir, 'ehi.thredd'),
      config,
      store: new ResponseStore(),
    });
    assert.equal(refused.error?.kind, 'ehi-sign');
    assert.match(refused.error!.message, /the state folder is empty/);
    assert.equal(listener.received.length, before, 'nothing was sent');
  });
});
