import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { OPERATIONS, SANDBOX_API_ROOT } from '../../../src/core/catalogue';
import { SANDBOX_IDENTITY, SANDBOX_SCOPES } from '../../../src/sandbox';
import { physicalCard } from './cardBodies';
import { startSandboxFixture, tempDir, type SandboxFixture } from './sandboxFixture';

let dir: string;
let fixture: SandboxFixture;
let identityFile: string;

/**
 * A state folder from before the catalogue: its sandbox.json (version 1) froze the application's scopes,
 * here to cards.read alone, as a state made before a scope was added would have them.
 */
function writeVersionOneState(stateDir: string): string {
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const file = path.join(stateDir, 'sandbox.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        version: 1,
        orgId: SANDBOX_IDENTITY.orgId,
        organisationName: SANDBOX_IDENTITY.organisationName,
        application: {
          appId: SANDBOX_IDENTITY.appId,
          name: SANDBOX_IDENTITY.applicationName,
          pmid: SANDBOX_IDENTITY.pmid,
          scopes: ['cards.read'],
        },
        clients: { privateKeyJwt: SANDBOX_IDENTITY.privateKeyJwtClientId, clientSecret: SANDBOX_IDENTITY.clientSecretClientId },
        createdAt: '2024-05-01T10:00:00.000Z',
      },
      null,
      2,
    ),
  );
  return file;
}

describe('a sandbox reads its scopes and routes from the catalogue', () => {
  before(async () => {
    dir = tempDir('thredd-catalogue-');
    identityFile = writeVersionOneState(path.join(dir, 'workspace', '.thredd', 'sandbox'));
    fixture = await startSandboxFixture({ dir });
  });
  after(async () => {
    await fixture.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("grants every scope the catalogue's operations need, also on a state whose sandbox.json froze fewer", async () => {
    const token = await fixture.token('sandbox-mtls');
    assert.deepEqual(String(decodeJwt(token.accessToken).scope).split(' ').sort(), [...SANDBOX_SCOPES].sort());
    const created = await fixture.call('POST', `${fixture.sandbox.urls.mtls}${SANDBOX_API_ROOT}/cards`, {
      headers: { authorization: `Bearer ${token.accessToken}`, 'x-region': '0' },
      tls: await fixture.tls('sandbox-mtls'),
      body: physicalCard(),
    });
    assert.equal(created.response.status, 200, 'cards.write, which the old file did not list, is granted');
  });

  it('rewrote the old sandbox.json as version 2, without scopes and with its creation time', () => {
    const stored = JSON.parse(fs.readFileSync(identityFile, 'utf8'));
    assert.equal(stored.version, 2);
    assert.equal(stored.application.scopes, undefined);
    assert.equal(stored.createdAt, '2024-05-01T10:00:00.000Z');
  });

  it("lists the catalogue's scopes in the portal and puts them in software statements", async () => {
    const tls = { ca: fixture.sandbox.caCertPem };
    const { json } = await fixture.call('GET', `${fixture.sandbox.urls.portal}/applications`, { tls });
    assert.deepEqual((json.items as { scopes: string[] }[])[0].scopes, SANDBOX_SCOPES);
    const ssa = await fixture.call(
      'POST',
      `${fixture.sandbox.urls.portal}/applications/${fixture.sandbox.application.appId}/software-statement`,
      { tls },
    );
    assert.equal(decodeJwt(String(ssa.json.software_statement)).scope, SANDBOX_SCOPES.join(' '));
    assert.deepEqual(fixture.sandbox.application.scopes, SANDBOX_SCOPES);
  });

  it("answers each catalogue operation at its path, and names the catalogue's methods when refusing another", async () => {
    const tls = { ca: fixture.sandbox.caCertPem };
    const urlOf = (template: string) => `${fixture.sandbox.urls.tls}${SANDBOX_API_ROOT}${template.replace(/\{\w+\}/g, '123456789')}`;
    for (const operation of OPERATIONS) {
      const { response } = await fixture.call(operation.method, urlOf(operation.path), { tls });
      const refusal = [response.status, response.headers['www-authenticate']];
      assert.deepEqual(refusal, [401, 'Bearer realm="thredd-sandbox"'], `${operation.id}: routed, then refused for want of a token`);
    }
    for (const template of new Set(OPERATIONS.map((operation) => operation.path))) {
      const methods: string[] = OPERATIONS.filter((operation) => operation.path === template).map((operation) => operation.method);
      const other = ['DELETE', 'PUT', 'PATCH', 'POST', 'GET'].find((method) => !methods.includes(method))!;
      const { response } = await fixture.call(other, urlOf(template), { tls });
      assert.deepEqual([response.status, response.headers.allow], [405, methods.join(', ')], `${other} ${template}`);
    }
  });
});
