import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { introspectToken, OAuthError } from '../../../src/core/auth';
import { generateKeyAndCsr, jwkThumbprint, sha256Thumbprint } from '../../../src/core/pki';
import { NO_CERTIFICATE_MESSAGE } from '../../../src/sandbox';
import { createTestCa } from '../../support/testPki';
import { startSandboxFixture, tempDir, type SandboxFixture } from './sandboxFixture';

let fixture: SandboxFixture;
const API = '/core/api/v1';
const newCard = { productId: '1001', cardholder: { firstName: 'Ada', lastName: 'Lovelace' } };

describe('the sandbox journey with the project\'s own core: init, token over mTLS, cards, refusals', () => {
  before(async () => {
    fixture = await startSandboxFixture();
  });
  after(() => fixture.close());

  it('init writes 0600 keys, CSRs, certificates from the sandbox CA, a .env secret and a thredd.json without it', async () => {
    const { init, sandbox } = fixture;
    for (const file of [init.files.transport.key, init.files.signing.key, init.files.dotenv]) {
      assert.equal(fs.statSync(file).mode & 0o777, 0o600, `${file} is readable only by its owner`);
    }
    assert.equal(fs.statSync(fixture.stateDir).mode & 0o777, 0o700);
    assert.equal(fs.statSync(path.join(fixture.stateDir, 'ca', 'root-ca.key')).mode & 0o777, 0o600);
    const issuing = new X509Certificate(fs.readFileSync(path.join(fixture.stateDir, 'ca', 'issuing-ca.pem')));
    const root = new X509Certificate(sandbox.caCertPem);
    assert.match(root.subject, /CN=Sandbox Root CA/);
    assert.match(issuing.subject, /CN=Sandbox Issuing CA/);
    for (const file of [init.files.transport.cert, init.files.signing.cert]) {
      const certificate = new X509Certificate(fs.readFileSync(file));
      assert.ok(certificate.verify(issuing.publicKey), `${file} is signed by the Issuing CA`);
      const days = (Date.parse(certificate.validTo) - Date.now()) / 86_400_000;
      assert.ok(days > 349 && days <= 350, `350-day validity, got ${days}`);
    }
    assert.equal(fs.readFileSync(init.files.caCert, 'utf8'), sandbox.caCertPem);
    const text = fs.readFileSync(init.configFile, 'utf8');
    const secret = fs.readFileSync(sandbox.files.clientSecret, 'utf8').trim();
    assert.ok(!text.includes(secret), 'thredd.json never holds the client secret');
    assert.match(text, /"secret": "\$\{env:THREDD_SANDBOX_CLIENT_SECRET\}"/);
    assert.match(fs.readFileSync(init.files.dotenv, 'utf8'), new RegExp(`^THREDD_SANDBOX_CLIENT_SECRET=${secret}$`, 'm'));
    assert.deepEqual(fs.readFileSync(init.files.gitignore, 'utf8').split('\n').filter((line) => line && !line.startsWith('#')), ['.thredd/', '.env', 'certs/sandbox-app-*', 'certs/sandbox-ca.pem']);
    assert.equal(fixture.config.defaultEnvironment, 'sandbox-mtls');
    assert.equal(fixture.config.applications['sandbox-app'].auth.method === 'private_key_jwt' && fixture.config.applications['sandbox-app'].auth.kid, init.kid);
  });

  it('publishes the Signing certificate\'s key on the organisation JWKS under its KID (the RFC 7638 thumbprint)', async () => {
    const { json } = await fixture.call('GET', fixture.sandbox.urls.jwks(), { tls: { ca: fixture.sandbox.caCertPem } });
    const keys = json.keys as { kid: string; x5c: string[] }[];
    const signing = new X509Certificate(fs.readFileSync(fixture.init.files.signing.cert));
    assert.equal(fixture.init.kid, await jwkThumbprint(signing.publicKey));
    const published = keys.find((key) => key.kid === fixture.init.kid);
    assert.ok(published, 'the KID is on the JWKS');
    assert.equal(published.x5c[0], signing.raw.toString('base64'));
    assert.equal(keys.length, 1, 'only Signing certificates are published');
  });

  it('gets a private_key_jwt token over mTLS bound to the Transport certificate, carrying scope, client_id and pmid', async () => {
    const token = await fixture.token('sandbox-mtls');
    const transport = new X509Certificate(fs.readFileSync(fixture.init.files.transport.cert));
    assert.equal(token.binding?.matches, true);
    assert.equal(token.claims?.x5tS256, sha256Thumbprint(transport.raw));
    assert.equal(token.claims?.x5tS256, fixture.init.transportX5tS256);
    assert.equal(token.claims?.clientId, fixture.sandbox.application.clientIds.privateKeyJwt);
    assert.equal(token.claims?.pmid, 'PM-SANDBOX');
    assert.equal(token.scope, 'cards.read cards.write');
    assert.equal(token.expiresIn, 3600);
  });

  it('creates a card, reads it back, changes its status, and refuses a final status change', async () => {
    const base = fixture.config.environments['sandbox-mtls'].baseUrl + API;
    const tls = await fixture.tls('sandbox-mtls');
    const headers = { authorization: `Bearer ${(await fixture.token('sandbox-mtls')).accessToken}`, 'x-region': '1' };
    const products = await fixture.call('GET', `${base}/products`, { headers, tls });
    assert.equal(products.response.status, 200);
    assert.equal((products.json.items as unknown[]).length, products.json.total);

    const created = await fixture.call('POST', `${base}/cards`, { headers, tls, body: newCard });
    assert.equal(created.response.status, 201, JSON.stringify(created.json));
    assert.equal(created.json.status, 'INACTIVE');
    assert.equal(created.json.region, '1');
    assert.equal(created.response.headers.location, `${API}/cards/${created.json.id}`);
    const read = await fixture.call('GET', `${base}/cards/${created.json.id}`, { headers, tls });
    assert.equal(read.response.status, 200);
    assert.deepEqual(read.json, created.json);

    const activated = await fixture.call('PATCH', `${base}/cards/${created.json.id}`, { headers, tls, body: { status: 'ACTIVE' } });
    assert.equal(activated.json.status, 'ACTIVE');
    const closed = await fixture.call('PATCH', `${base}/cards/${created.json.id}`, { headers, tls, body: { status: 'CLOSED', reason: 'test' } });
    assert.equal(closed.json.status, 'CLOSED');
    const revived = await fixture.call('PATCH', `${base}/cards/${created.json.id}`, { headers, tls, body: { status: 'ACTIVE' } });
    assert.equal(revived.response.status, 409);
    assert.deepEqual(revived.json, { code: 'invalid_status_transition', message: `Card ${created.json.id} is CLOSED and cannot become ACTIVE (CLOSED is final).` });

    const badStatus = await fixture.call('PATCH', `${base}/cards/${created.json.id}`, { headers, tls, body: { status: 'FROZEN' } });
    assert.equal(badStatus.response.status, 400);
    assert.match(String(badStatus.json.message), /"status" must be one of INACTIVE, ACTIVE, BLOCKED, LOST, STOLEN, CLOSED \(got "FROZEN"\)/);
    const unknownField = await fixture.call('POST', `${base}/cards`, { headers, tls, body: { ...newCard, productID: '1001' } });
    assert.deepEqual(unknownField.json, { code: 'invalid_request', message: 'Unknown field "productID" in a new card; accepted: productId, cardholder, externalReference.' });
    const missing = await fixture.call('GET', `${base}/cards/000000000`, { headers, tls });
    assert.equal(missing.response.status, 404);
    assert.equal(missing.json.code, 'card_not_found');
  });

  it('refuses an expired Transport certificate with a clear message, at the token endpoint and at the API', async () => {
    const dir = tempDir('thredd-expired-');
    try {
      const { csrPem, keyPem } = await generateKeyAndCsr({ type: 'transport', subject: { commonName: 'expired-app' }, outDir: dir, keyAlgorithm: 'p256' });
      const { certificatePem, record } = await fixture.sandbox.issueCertificate({ csrPem, type: 'transport', days: -1 });
      assert.ok(Date.parse(record.notAfter) < Date.now());
      const { environment, application } = fixture.target('sandbox-mtls');
      const good = await fixture.tls('sandbox-mtls');
      const expired = { ...good, clientCertificate: { kind: 'pem' as const, cert: certificatePem, key: keyPem, id: 'expired', source: 'expired-app' } };

      const refused = await fixture.tokens.requestToken({ environment, application, tls: expired }).then(() => assert.fail('expected a refusal'), (error: unknown) => error);
      assert.ok(refused instanceof OAuthError);
      assert.match(refused.message, /the client certificate was not accepted \(CERT_HAS_EXPIRED\)/);

      const token = await fixture.token('sandbox-mtls');
      const call = await fixture.call('GET', `${environment.baseUrl}${API}/products`, { headers: { authorization: `Bearer ${token.accessToken}`, 'x-region': '0' }, tls: expired });
      assert.equal(call.response.status, 400);
      assert.equal(call.json.code, 'invalid_client_certificate');
      assert.match(String(call.json.message), /^The client certificate was refused \(CERT_HAS_EXPIRED\): it expired on \d{4}-\d\d-\d\dT.*Z\. Present the Transport certificate/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a call without X-Region or with an unknown region (400)', async () => {
    const base = fixture.config.environments['sandbox-mtls'].baseUrl + API;
    const tls = await fixture.tls('sandbox-mtls');
    const authorization = `Bearer ${(await fixture.token('sandbox-mtls')).accessToken}`;
    const missing = await fixture.call('GET', `${base}/products`, { headers: { authorization }, tls });
    assert.equal(missing.response.status, 400);
    assert.deepEqual(missing.json, { code: 'missing_region', message: 'The X-Region header is required: 0 (Default), 1 (EMEA), 2 (APAC).' });
    const unknown = await fixture.call('GET', `${base}/products`, { headers: { authorization, 'x-region': '3' }, tls });
    assert.equal(unknown.response.status, 400);
    assert.equal(unknown.json.code, 'invalid_region');
  });

  it('refuses a write with a read-only token (403), and a missing or forged token (401)', async () => {
    const base = fixture.config.environments['sandbox-readonly'].baseUrl + API;
    const tls = await fixture.tls('sandbox-readonly');
    const readOnly = await fixture.token('sandbox-readonly');
    assert.equal(readOnly.scope, 'cards.read');
    const write = await fixture.call('POST', `${base}/cards`, { headers: { authorization: `Bearer ${readOnly.accessToken}`, 'x-region': '0' }, tls, body: newCard });
    assert.equal(write.response.status, 403);
    assert.equal(write.json.code, 'insufficient_scope');
    assert.match(String(write.json.message), /^This call needs scope cards\.write; the token has cards\.read\./);
    assert.match(String(write.response.headers['www-authenticate']), /error="insufficient_scope".*scope="cards\.write"/);
    const read = await fixture.call('GET', `${base}/products`, { headers: { authorization: `Bearer ${readOnly.accessToken}`, 'x-region': '0' }, tls });
    assert.equal(read.response.status, 200, 'the same token may read');

    const none = await fixture.call('GET', `${base}/products`, { headers: { 'x-region': '0' }, tls });
    assert.equal(none.response.status, 401);
    assert.equal(none.json.code, 'missing_token');
    const forged = await fixture.call('GET', `${base}/products`, { headers: { authorization: `Bearer ${readOnly.accessToken.slice(0, -6)}AAAAAA`, 'x-region': '0' }, tls });
    assert.equal(forged.response.status, 401);
    assert.deepEqual(forged.json, { code: 'invalid_token', message: 'The access token\'s signature does not verify: it was changed, or not issued by this sandbox.' });
  });

  it('answers 400 "No required SSL certificate was sent" on the mTLS listener without a client certificate', async () => {
    const { response, json } = await fixture.call('GET', `${fixture.sandbox.urls.mtls}${API}/products`, { tls: { ca: fixture.sandbox.caCertPem } });
    assert.equal(response.status, 400);
    assert.deepEqual(json, { code: 'no_client_certificate', message: NO_CERTIFICATE_MESSAGE });
    assert.equal(NO_CERTIFICATE_MESSAGE, 'No required SSL certificate was sent');
  });

  it('checks the token\'s cnf against the certificate presented (RFC 8705 §3)', async () => {
    const token = await fixture.token('sandbox-mtls');
    const headers = { authorization: `Bearer ${token.accessToken}`, 'x-region': '0' };
    const dir = tempDir('thredd-other-');
    try {
      const { csrPem, keyPem } = await generateKeyAndCsr({ type: 'transport', subject: { commonName: 'other-app' }, outDir: dir, keyAlgorithm: 'p256' });
      const other = await fixture.sandbox.issueCertificate({ csrPem, type: 'transport' });
      const tls = { ca: fixture.sandbox.caCertPem, clientCertificate: { kind: 'pem' as const, cert: other.certificatePem, key: keyPem, id: 'other', source: 'other' } };
      const mismatch = await fixture.call('GET', `${fixture.sandbox.urls.mtls}${API}/products`, { headers, tls });
      assert.equal(mismatch.response.status, 403);
      assert.equal(mismatch.json.code, 'certificate_mismatch');
      const overTls = await fixture.call('GET', `${fixture.sandbox.urls.tls}${API}/products`, { headers, tls: { ca: fixture.sandbox.caCertPem } });
      assert.equal(overTls.response.status, 403, 'a bound token cannot be used where no certificate is presented');
      assert.match(String(overTls.json.message), /call the mTLS listener/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a client certificate from another CA on the mTLS listener', async () => {
    const otherCa = await createTestCa({ commonName: 'Not The Sandbox CA' });
    const stranger = await otherCa.issue({ commonName: 'stranger', usage: 'client' });
    const tls = { ca: fixture.sandbox.caCertPem, clientCertificate: { kind: 'pem' as const, cert: stranger.certPem, key: stranger.keyPem, id: 'stranger', source: 'stranger' } };
    const { response, json } = await fixture.call('GET', `${fixture.sandbox.urls.mtls}${API}/products`, { tls });
    assert.equal(response.status, 400);
    assert.equal(json.code, 'invalid_client_certificate');
    assert.match(String(json.message), /\(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY\): it was not issued by this sandbox's Sandbox Issuing CA/);
  });

  it('introspects its tokens for the client secret client with HTTP Basic (RFC 7662)', async () => {
    const token = await fixture.token('sandbox-mtls');
    const secret = fs.readFileSync(fixture.sandbox.files.clientSecret, 'utf8').trim();
    const result = await introspectToken(fixture.http, { url: fixture.sandbox.urls.introspection, token: token.accessToken, clientId: fixture.sandbox.application.clientIds.clientSecret, clientSecret: secret, tls: { ca: fixture.sandbox.caCertPem } });
    assert.equal(result.active, true);
    assert.equal(result.scope, 'cards.read cards.write');
    assert.deepEqual(result.claims.cnf, { 'x5t#S256': fixture.init.transportX5tS256 });
  });

  it('serves the TLS listener with a client_secret_post token, unbound', async () => {
    const token = await fixture.token('sandbox');
    assert.equal(token.claims?.x5tS256, undefined);
    assert.equal(token.claims?.clientId, fixture.sandbox.application.clientIds.clientSecret);
    const { response, json } = await fixture.call('POST', `${fixture.sandbox.urls.tls}${API}/cards`, { headers: { authorization: `Bearer ${token.accessToken}`, 'x-region': '2' }, tls: await fixture.tls('sandbox'), body: newCard });
    assert.equal(response.status, 201);
    assert.equal(json.region, '2');
  });
});
