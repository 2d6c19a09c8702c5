import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OAuthError, TokenClient } from '../../../src/core/auth';
import type { Application } from '../../../src/core/config';
import { generateKeyAndCsr } from '../../../src/core/pki';
import { initSandboxWorkspace, startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { physicalCard } from './cardBodies';
import { API, startSandboxFixture, tempDir, type SandboxFixture } from './sandboxFixture';

let fixture: SandboxFixture;
let dir: string;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('sandbox portal, dynamic registration and state across restarts', () => {
  let restarted: RunningSandbox | undefined;
  let portalKid = '';
  let registeredClientId = '';
  let cardId = '';
  let tokenBeforeRestart = '';

  before(async () => {
    fixture = await startSandboxFixture();
    dir = tempDir('thredd-portal-');
  });
  after(async () => {
    await restarted?.stop();
    await fixture.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('issues a Signing certificate for a CSR uploaded to the portal; its KID works for private_key_jwt at once', async () => {
    const { csrPem, keyPath } = await generateKeyAndCsr({
      type: 'signing',
      subject: { organization: 'Acme', commonName: 'portal-app' },
      outDir: dir,
      keyAlgorithm: 'p256',
    });
    const url = `${fixture.sandbox.urls.portal}/applications/${fixture.sandbox.application.appId}/certificates`;
    const tls = { ca: fixture.sandbox.caCertPem };
    const { response, json } = await fixture.call('POST', url, { tls, body: { csr: csrPem, type: 'signing' } });
    assert.equal(response.status, 201, JSON.stringify(json));
    assert.equal(json.type, 'signing');
    assert.equal(json.status, 'active');
    assert.equal(json.subject, 'CN=portal-app, O=Acme');
    assert.match(String(json.certificate), /^-----BEGIN CERTIFICATE-----/);
    assert.ok(Math.abs(Date.parse(String(json.expiry)) - Date.now() - 350 * 86_400_000) < 60_000, 'valid for 350 days');
    portalKid = String(json.kid);

    const jwks = await fixture.call('GET', fixture.sandbox.urls.jwks(), { tls });
    assert.deepEqual((jwks.json.keys as { kid: string }[]).map((key) => key.kid).sort(), [fixture.init.kid, portalKid].sort());
    const listed = await fixture.call('GET', url, { tls });
    assert.deepEqual(
      (listed.json.items as { type: string; kid: string | null }[]).map((item) => [item.type, item.kid]),
      [
        ['transport', null],
        ['signing', fixture.init.kid],
        ['signing', portalKid],
      ],
    );

    const { environment, application } = fixture.target('sandbox-mtls');
    const withPortalKey = { ...application, auth: { method: 'private_key_jwt', key: keyPath, kid: portalKid } } as Application;
    const token = await fixture.tokens.requestToken({ environment, application: withPortalKey });
    assert.equal(token.binding?.matches, true, 'an ES256 assertion with the new KID is accepted');
  });

  it('refuses uploads that are not a CSR, of an unknown type or for an unknown application, saying why', async () => {
    const tls = { ca: fixture.sandbox.caCertPem };
    const url = `${fixture.sandbox.urls.portal}/applications/${fixture.sandbox.application.appId}/certificates`;
    const { keyPem } = await generateKeyAndCsr({ type: 'signing', subject: { commonName: 'careless' }, outDir: dir, keyAlgorithm: 'p256' });
    const key = await fixture.call('POST', url, { tls, body: { csr: keyPem, type: 'signing' } });
    assert.equal(key.response.status, 400);
    assert.match(String(key.json.message), /holds a private key, not a CSR\. Never upload a private key/);
    const type = await fixture.call('POST', url, { tls, body: { csr: 'x', type: 'encryption' } });
    assert.match(String(type.json.message), /Unknown certificate type "encryption"/);
    const app = await fixture.call('POST', `${fixture.sandbox.urls.portal}/applications/nope/certificates`, {
      tls,
      body: { csr: 'x', type: 'signing' },
    });
    assert.equal(app.response.status, 404);
    assert.equal(app.json.code, 'application_not_found');
  });

  it('keeps an expired Signing certificate off the JWKS, so its KID is refused', async () => {
    const { csrPem, keyPath } = await generateKeyAndCsr({
      type: 'signing',
      subject: { commonName: 'old-signing' },
      outDir: dir,
      keyAlgorithm: 'p256',
    });
    const { record } = await fixture.sandbox.issueCertificate({ csrPem, type: 'signing', days: -1 });
    const jwks = await fixture.call('GET', fixture.sandbox.urls.jwks(), { tls: { ca: fixture.sandbox.caCertPem } });
    assert.ok(!(jwks.json.keys as { kid: string }[]).some((key) => key.kid === record.kid));
    const { environment, application } = fixture.target('sandbox-mtls');
    const refused = await fixture.tokens
      .requestToken({
        environment,
        application: { ...application, auth: { method: 'private_key_jwt', key: keyPath, kid: record.kid } } as Application,
      })
      .catch((error: unknown) => error);
    assert.ok(refused instanceof OAuthError);
    assert.equal(refused.error, 'invalid_client');
  });

  it(
    'registers a client with a software statement from the sandbox directory (RFC 7591) that gets ' + 'bound tokens with its PMID',
    async () => {
      const registration = await fixture.register({
        grant_types: ['client_credentials'],
        token_endpoint_auth_method: 'private_key_jwt',
        tls_client_certificate_bound_access_tokens: true,
        scopes: ['cards.read'],
      });
      registeredClientId = registration.clientId;
      assert.equal(registration.metadata.org_id, fixture.sandbox.orgId);
      const { environment, application } = fixture.target('sandbox-mtls');
      const token = await fixture.tokens.requestToken({
        environment,
        application: { ...application, clientId: registeredClientId, scopes: ['cards.read'] },
      });
      assert.equal(token.claims?.clientId, registeredClientId);
      assert.equal(token.claims?.pmid, 'PM-SANDBOX');
      assert.equal(token.binding?.matches, true);
    },
  );

  it('stop() frees both ports; a restart keeps the CA, the JWKS, cards, registered clients and issued tokens', async () => {
    const { urls } = fixture.sandbox;
    const ports = { tls: Number(new URL(urls.tls).port), mtls: Number(new URL(urls.mtls).port) };
    const tls = await fixture.tls('sandbox-mtls');
    const token = await fixture.token('sandbox-mtls');
    tokenBeforeRestart = token.accessToken;
    const created = await fixture.call('POST', `${urls.mtls}${API}/cards`, {
      headers: { authorization: `Bearer ${token.accessToken}`, 'x-region': '0' },
      tls,
      body: physicalCard({ cardProduct: 1002, cardHolder: { firstName: 'Grace', lastName: 'Hopper', dateOfBirth: '1906-12-09' } }),
    });
    cardId = String(created.json.publicToken);
    const rootBefore = fixture.sandbox.caCertPem;

    await fixture.sandbox.stop();
    assert.equal(await portIsFree(ports.tls), true, 'TLS port freed');
    assert.equal(await portIsFree(ports.mtls), true, 'mTLS port freed');

    restarted = await startSandbox({ stateDir: fixture.stateDir, ports });
    assert.equal(restarted.caCertPem, rootBefore, 'same Root CA');
    const jwks = await fixture.call('GET', restarted.urls.jwks(), { tls: { ca: rootBefore } });
    assert.ok(
      (jwks.json.keys as { kid: string }[]).some((key) => key.kid === fixture.init.kid),
      'the KID is still published',
    );
    const read = await fixture.call('GET', `${restarted.urls.mtls}${API}/cards/${cardId}`, {
      headers: { authorization: `Bearer ${tokenBeforeRestart}`, 'x-region': '0' },
      tls,
    });
    assert.equal(read.response.status, 200, 'a token from before the restart still verifies, and the card was kept');
    assert.equal((read.json.cardHolder as { lastName: string }).lastName, 'Hopper');
    const { environment, application } = fixture.target('sandbox-mtls');
    const fresh = new TokenClient({ http: fixture.http });
    const registered = await fresh.requestToken({
      environment,
      application: { ...application, clientId: registeredClientId, scopes: ['cards.read'] },
    });
    assert.equal(registered.claims?.clientId, registeredClientId, 'the DCR client survived the restart');
  });

  it('init run again keeps every key and certificate, and leaves thredd.json unchanged', async () => {
    const keys = [fixture.init.files.transport.key, fixture.init.files.signing.key];
    const before = keys.map((file) => ({ text: fs.readFileSync(file, 'utf8'), mtime: fs.statSync(file).mtimeMs }));
    const again = await initSandboxWorkspace({ workspaceDir: fixture.workspace, sandbox: restarted! });
    assert.deepEqual(
      keys.map((file) => ({ text: fs.readFileSync(file, 'utf8'), mtime: fs.statSync(file).mtimeMs })),
      before,
    );
    assert.equal(again.kid, fixture.init.kid);
    for (const change of again.changes)
      assert.ok(['kept', 'unchanged'].includes(change.action), `${path.basename(change.file)}: ${change.action}`);
    assert.equal(fs.statSync(path.join(fixture.stateDir, 'ca', 'issuing-ca.key')).mode & 0o777, 0o600);
  });
});
