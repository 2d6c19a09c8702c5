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
const { config, diagnostics } = parseConfigText(configText, path.join(samples, 'thredd.json'), { fileExists: () => true, env: {} });

/** What `thredd sandbox init` writes for the default ports, less the KID of the keys it generates. */
function initOutputWithoutKid(): string {
  const text = applySandboxConfig(undefined, 'thredd.json', {
    urls: sandboxUrls('127.0.0.1', DEFAULT_PORTS.tls, DEFAULT_PORTS.mtls, SANDBOX_IDENTITY.orgId),
    appId: SANDBOX_IDENTITY.appId,
    clientIds: { privateKeyJwt: SANDBOX_IDENTITY.privateKeyJwtClientId, clientSecret: SANDBOX_IDENTITY.clientSecretClientId },
    scopes: [...SANDBOX_SCOPES],
    kid: 'GENERATED-KID',
    files: { ca: 'certs/sandbox-ca.pem', transportCert: 'certs/sandbox-app-rtstransport.pem', transportKey: 'certs/sandbox-app-rtstransport.key', signingKey: 'certs/sandbox-app-rtssigning.key', signingCert: 'certs/sandbox-app-rtssigning.pem' },
  });
  return text.replace(/^ *"kid": "GENERATED-KID",\n/gm, '');
}

describe('the samples workspace', () => {
  it('has request files for products, cards and refusals', () => {
    assert.deepEqual(requestFiles.sort(), ['cards.thredd', 'errors.thredd', 'products.thredd']);
  });

  it('commits the thredd.json that "thredd sandbox init" writes (the KID is added by init)', () => {
    assert.deepEqual(diagnostics.filter((item) => item.severity === 'error'), []);
    // npm start runs init on samples/, which adds the KID of the keys it made: compare without it.
    assert.equal(configText.replace(/^ *"kid": "[^"]*",\n/gm, ''), initOutputWithoutKid());
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

  it('covers the journey: list, create, chained read, status change, a 403 and a 400 without a certificate', () => {
    const all = requestFiles.flatMap((name) => parseRequestFile(fs.readFileSync(path.join(samples, 'requests', name), 'utf8')).requests);
    const lines = all.map((request) => `${request.method} ${request.url}`);
    assert.ok(lines.includes('GET {{baseUrl}}/core/api/v1/products'));
    assert.ok(lines.includes('POST {{baseUrl}}/core/api/v1/cards'));
    assert.ok(lines.includes('GET {{baseUrl}}/core/api/v1/cards/{{createCard.response.body.$.id}}'));
    assert.ok(lines.includes('PATCH {{baseUrl}}/core/api/v1/cards/{{createCard.response.body.$.id}}'));
    const expected = (status: string) => all.filter((request) => request.metadata.expectations.some((item) => item.subject.kind === 'status' && item.value === status));
    assert.equal(expected('403')[0]?.metadata.env, 'sandbox-readonly');
    const noCertificate = expected('400')[0];
    assert.equal(noCertificate?.metadata.noAuth, true);
    assert.equal(noCertificate?.url, '{{mtlsBaseUrl}}/core/api/v1/products');
  });
});
