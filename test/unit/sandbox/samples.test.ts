import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseConfigText } from '../../../src/core/config';
import { checkVariables, parseRequestFile } from '../../../src/core/requestFile';
import { DEFAULT_PORTS, SANDBOX_IDENTITY, SANDBOX_SCOPES, sandboxUrls } from '../../../src/sandbox';
import { applySandboxConfig } from '../../../src/sandbox/workspaceConfig';

const samples = path.resolve(__dirname, '..', '..', '..', 'samples');
const requestFiles = fs.readdirSync(path.join(samples, 'requests')).filter((name) => name.endsWith('.thredd'));
const configText = fs.readFileSync(path.join(samples, 'thredd.json'), 'utf8');
const { config, diagnostics } = parseConfigText(configText, path.join(samples, 'thredd.json'), {
  fileExists: () => true,
  env: { THREDD_SANDBOX_KID: 'GENERATED-KID' },
});

/** What `thredd sandbox init` writes for the default ports (the KID it generates goes to .env, not here). */
function initOutput(): string {
  return applySandboxConfig(undefined, 'thredd.json', {
    urls: sandboxUrls('127.0.0.1', DEFAULT_PORTS.tls, DEFAULT_PORTS.mtls, SANDBOX_IDENTITY.orgId),
    appId: SANDBOX_IDENTITY.appId,
    clientIds: { privateKeyJwt: SANDBOX_IDENTITY.privateKeyJwtClientId, clientSecret: SANDBOX_IDENTITY.clientSecretClientId },
    scopes: [...SANDBOX_SCOPES],
    files: {
      ca: 'certs/sandbox-ca.pem',
      transportCert: 'certs/sandbox-app-rtstransport.pem',
      transportKey: 'certs/sandbox-app-rtstransport.key',
      signingKey: 'certs/sandbox-app-rtssigning.key',
      signingCert: 'certs/sandbox-app-rtssigning.pem',
    },
  });
}

describe('the samples workspace', () => {
  it('has request files for products, cards, an idempotent retry and refusals', () => {
    assert.deepEqual(requestFiles.sort(), ['cards.thredd', 'errors.thredd', 'idempotency.thredd', 'products.thredd']);
  });

  it('commits exactly the thredd.json that "thredd sandbox init" writes, so npm start leaves it unchanged', () => {
    assert.deepEqual(
      diagnostics.filter((item) => item.severity === 'error'),
      [],
    );
    assert.equal(configText, initOutput());
  });

  for (const name of requestFiles) {
    it(`${name} parses without diagnostics, and every variable and @env is defined`, () => {
      const file = parseRequestFile(fs.readFileSync(path.join(samples, 'requests', name), 'utf8'));
      assert.deepEqual(file.diagnostics, []);
      for (const request of file.requests) {
        const environment = config!.environments[request.metadata.env ?? config!.defaultEnvironment!];
        assert.ok(environment, `${name}: "${request.name ?? request.url}" runs in an environment of samples/thredd.json`);
        const known = ['baseUrl', 'region', 'clientId', ...Object.keys(environment.variables)];
        assert.deepEqual(checkVariables({ ...file, requests: [request] }, known), [], `${name}: ${request.url}`);
      }
    });
  }

  it('covers the journey a newcomer makes, each request with its @expect lines', () => {
    const all = requestFiles.flatMap((name) => parseRequestFile(fs.readFileSync(path.join(samples, 'requests', name), 'utf8')).requests);
    const lines = all.map((request) => `${request.method} ${request.url}`);
    const card = '{{baseUrl}}/core/api/v1/cards/{{physicalCard.response.body.$.publicToken}}';
    for (const line of [
      'GET {{baseUrl}}/core/api/v1/products',
      'GET {{baseUrl}}/core/api/v1/products/{{cardProduct}}',
      'POST {{baseUrl}}/core/api/v1/cards',
      `GET ${card}`,
      `PUT ${card}/status`,
      `GET ${card}/balance`,
      `GET ${card}/transactions`,
    ]) {
      assert.ok(lines.includes(line), line);
    }
    for (const request of all) assert.ok(request.metadata.expectations.length > 0, `${request.method} ${request.url} has @expect lines`);
    const bodies = all.map((request) => (request.body?.kind === 'text' ? request.body.text : '')).join('\n');
    for (const status of ['"00"', '"G1"']) assert.ok(bodies.includes(`"cardStatusCode": ${status}`), status);
    assert.ok(bodies.includes('"cardType": "Physical"') && bodies.includes('"cardType": "Virtual"'));
    const expectsStatus = (request: (typeof all)[number], status: string) =>
      request.metadata.expectations.some((item) => item.subject.kind === 'status' && item.value === status);
    const expected = (status: string) => all.filter((request) => expectsStatus(request, status));
    assert.equal(expected('403')[0]?.metadata.env, 'sandbox-readonly');
    const [validation, noCertificate] = expected('400');
    assert.equal(validation?.url, '{{baseUrl}}/core/api/v1/cards');
    assert.equal(noCertificate?.metadata.noAuth, true);
    assert.equal(noCertificate?.url, '{{mtlsBaseUrl}}/core/api/v1/products');
  });

  it('sends a fresh idempotency key with each write, except the retry that shows one key sent twice', () => {
    for (const name of requestFiles) {
      const file = parseRequestFile(fs.readFileSync(path.join(samples, 'requests', name), 'utf8'));
      const keyHeaders = file.requests.flatMap((request) => request.headers.filter((header) => header.name === 'idempotencyKey'));
      const keys = keyHeaders.map((header) => header.value);
      if (name === 'idempotency.thredd') assert.deepEqual(keys, ['{{retryKey}}', '{{retryKey}}']);
      else for (const key of keys) assert.equal(key, '{{$guid}}', name);
    }
  });
});
