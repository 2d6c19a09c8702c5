import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { introspectToken, OAuthError } from '../../../src/core/auth';
import { generateKeyAndCsr, jwkThumbprint, sha256Thumbprint } from '../../../src/core/pki';
import { NO_CERTIFICATE_MESSAGE } from '../../../src/sandbox';
import { createTestCa } from '../../support/testPki';
import { physicalCard } from './cardBodies';
import { API, startSandboxFixture, tempDir, type SandboxFixture } from './sandboxFixture';

let fixture: SandboxFixture;
const newCard = physicalCard();

describe("the sandbox journey with the project's own core: init, token over mTLS, cards, refusals", () => {
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
    assert.deepEqual(
      fs
        .readFileSync(init.files.gitignore, 'utf8')
        .split('\n')
        .filter((line) => line && !line.startsWith('#')),
      ['.thredd/', '.env', 'certs/sandbox-app-*', 'certs/sandbox-ca.pem'],
    );
    assert.equal(fixture.config.defaultEnvironment, 'sandbox-mtls');
    assert.equal(
      fixture.config.applications['sandbox-app'].auth.method === 'private_key_jwt' && fixture.config.applications['sandbox-app'].auth.kid,
      init.kid,
    );
  });

  it("publishes the Signing certificate's key on the organisation JWKS under its KID (the RFC 7638 thumbprint)", async () => {
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

  it('creates a card, reads it back, activates it, and refuses to revive a stolen one', async () => {
    const base = fixture.config.environments['sandbox-mtls'].baseUrl + API;
    const tls = await fixture.tls('sandbox-mtls');
    const headers = { authorization: `Bearer ${(await fixture.token('sandbox-mtls')).accessToken}`, 'x-region': '1' };
    const products = await fixture.call('GET', `${base}/products`, { headers, tls });
    assert.equal(products.response.status, 200);
    assert.deepEqual(
      (products.json as unknown as { productID: number }[]).map((product) => product.productID),
      [1001, 1002, 1003],
    );

    const created = await fixture.call('POST', `${base}/cards`, { headers, tls, body: newCard });
    assert.equal(created.response.status, 200, JSON.stringify(created.json));
    const publicToken = String(created.json.publicToken);
    assert.match(publicToken, /^\d{9}$/);
    assert.deepEqual(Object.keys(created.json), ['publicToken', 'customerReference', 'embossName', 'maskedPan', 'startDate', 'expiryDate']);
    const read = await fixture.call('GET', `${base}/cards/${publicToken}`, { headers, tls });
    assert.equal(read.response.status, 200);
    assert.deepEqual([read.json.cardType, read.json.cardStatusCode, read.json.status], ['Physical', '02', 'Inactive']);
    assert.equal((read.json.cardHolder as { lastName: string }).lastName, 'Okafor');
    assert.equal((read.json.address as { country: string }).country, '826', 'GBR is answered as its ISO numeric code');

    const status = (body: unknown) => fixture.call('PUT', `${base}/cards/${publicToken}/status`, { headers, tls, body });
    const activated = await status({ cardStatusCode: '00' });
    const { cardStatusCode, description } = activated.json;
    assert.deepEqual([activated.response.status, cardStatusCode, description], [200, '00', 'Card was activated.']);
    const again = await status({ status: 'Active' });
    assert.deepEqual([again.response.status, again.json.description], [200, 'Card is already in status 00 (Active). Status not changed.']);
    assert.equal((await status({ cardStatusCode: '43', updatedBy: 'journey' })).json.updatedBy, 'journey');
    const revived = await status({ cardStatusCode: '00' });
    assert.equal(revived.response.status, 422);
    assert.equal(revived.json.detail, 'The card has the permanent status 43 (Stolen Card) and cannot be changed.');
    assert.deepEqual(revived.json.errors, { Messages: ['The card has the permanent status 43 (Stolen Card) and cannot be changed.'] });

    const unknownField = await fixture.call('POST', `${base}/cards`, { headers, tls, body: { ...newCard, productId: 1001 } });
    assert.equal(unknownField.response.status, 400);
    assert.deepEqual(unknownField.json.errors, { productId: ['The productId field is not known here.'] });
    const missing = await fixture.call('GET', `${base}/cards/000000000`, { headers, tls });
    assert.equal(missing.response.status, 404);
    assert.equal(missing.json.detail, 'No card with public token 000000000 was found.');
  });

  it('refuses an expired Transport certificate with a clear message, at the token endpoint and at the API', async () => {
    const dir = tempDir('thredd-expired-');
    try {
      const { csrPem, keyPem } = await generateKeyAndCsr({
        type: 'transport',
        subject: { commonName: 'expired-app' },
        outDir: dir,
        keyAlgorithm: 'p256',
      });
      const { certificatePem, record } = await fixture.sandbox.issueCertificate({ csrPem, type: 'transport', days: -1 });
      assert.ok(Date.parse(record.notAfter) < Date.now());
      const { environment, application } = fixture.target('sandbox-mtls');
      const good = await fixture.tls('sandbox-mtls');
      const expired = {
        ...good,
        clientCertificate: { kind: 'pem' as const, cert: certificatePem, key: keyPem, id: 'expired', source: 'expired-app' },
      };

      const refused = await fixture.tokens.requestToken({ environment, application, tls: expired }).then(
        () => assert.fail('expected a refusal'),
        (error: unknown) => error,
      );
      assert.ok(refused instanceof OAuthError);
      assert.match(refused.message, /the client certificate was not accepted \(CERT_HAS_EXPIRED\)/);

      const token = await fixture.token('sandbox-mtls');
      const call = await fixture.call('GET', `${environment.baseUrl}${API}/products`, {
        headers: { authorization: `Bearer ${token.accessToken}`, 'x-region': '0' },
        tls: expired,
      });
      assert.equal(call.response.status, 400);
      assert.match(
        String(call.json.detail),
        /^The client certificate was refused \(CERT_HAS_EXPIRED\): it expired on \d{4}-\d\d-\d\dT.*Z\. Present the Transport certificate/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a call without X-Region or with an unknown region (400, keyed by the header)', async () => {
    const base = fixture.config.environments['sandbox-mtls'].baseUrl + API;
    const tls = await fixture.tls('sandbox-mtls');
    const authorization = `Bearer ${(await fixture.token('sandbox-mtls')).accessToken}`;
    const missing = await fixture.call('GET', `${base}/products`, { headers: { authorization }, tls });
    assert.equal(missing.response.status, 400);
    assert.deepEqual(missing.json.errors, { 'X-Region': ['The X-Region header is required: 0 (Default), 1 (EMEA), 2 (APAC).'] });
    const unknown = await fixture.call('GET', `${base}/products`, { headers: { authorization, 'x-region': '3' }, tls });
    assert.equal(unknown.response.status, 400);
    assert.deepEqual(unknown.json.errors, { 'X-Region': ['X-Region "3" is not a region: use 0 (Default), 1 (EMEA), 2 (APAC).'] });
  });

  it('refuses a write with a read-only token (403), and a missing or forged token (401)', async () => {
    const base = fixture.config.environments['sandbox-readonly'].baseUrl + API;
    const tls = await fixture.tls('sandbox-readonly');
    const readOnly = await fixture.token('sandbox-readonly');
    assert.equal(readOnly.scope, 'cards.read');
    const write = await fixture.call('POST', `${base}/cards`, {
      headers: { authorization: `Bearer ${readOnly.accessToken}`, 'x-region': '0' },
      tls,
      body: newCard,
    });
    assert.equal(write.response.status, 403);
    assert.match(String(write.json.detail), /^This call needs scope cards\.write; the token has cards\.read\./);
    assert.match(String(write.response.headers['www-authenticate']), /error="insufficient_scope".*scope="cards\.write"/);
    const read = await fixture.call('GET', `${base}/products`, {
      headers: { authorization: `Bearer ${readOnly.accessToken}`, 'x-region': '0' },
      tls,
    });
    assert.equal(read.response.status, 200, 'the same token may read');

    const none = await fixture.call('GET', `${base}/products`, { headers: { 'x-region': '0' }, tls });
    assert.equal(none.response.status, 401);
    assert.equal(none.response.headers['www-authenticate'], 'Bearer realm="thredd-sandbox"');
    const forged = await fixture.call('GET', `${base}/products`, {
      headers: { authorization: `Bearer ${readOnly.accessToken.slice(0, -6)}AAAAAA`, 'x-region': '0' },
      tls,
    });
    assert.equal(forged.response.status, 401);
    assert.equal(forged.json.detail, "The access token's signature does not verify: it was changed, or not issued by this sandbox.");
    assert.match(String(forged.response.headers['www-authenticate']), /error="invalid_token"/);
  });

  it('answers 400 "No required SSL certificate was sent" on the mTLS listener without a client certificate', async () => {
    const { response, json } = await fixture.call('GET', `${fixture.sandbox.urls.mtls}${API}/products`, {
      tls: { ca: fixture.sandbox.caCertPem },
    });
    assert.equal(response.status, 400);
    assert.equal(json.detail, NO_CERTIFICATE_MESSAGE);
    assert.equal(NO_CERTIFICATE_MESSAGE, 'No required SSL certificate was sent');
  });

  it("checks the token's cnf against the certificate presented (RFC 8705 §3)", async () => {
    const token = await fixture.token('sandbox-mtls');
    const headers = { authorization: `Bearer ${token.accessToken}`, 'x-region': '0' };
    const dir = tempDir('thredd-other-');
    try {
      const { csrPem, keyPem } = await generateKeyAndCsr({
        type: 'transport',
        subject: { commonName: 'other-app' },
        outDir: dir,
        keyAlgorithm: 'p256',
      });
      const other = await fixture.sandbox.issueCertificate({ csrPem, type: 'transport' });
      const tls = {
        ca: fixture.sandbox.caCertPem,
        clientCertificate: { kind: 'pem' as const, cert: other.certificatePem, key: keyPem, id: 'other', source: 'other' },
      };
      const mismatch = await fixture.call('GET', `${fixture.sandbox.urls.mtls}${API}/products`, { headers, tls });
      assert.equal(mismatch.response.status, 403);
      assert.match(String(mismatch.json.detail), /^The token is bound to another certificate/);
      const overTls = await fixture.call('GET', `${fixture.sandbox.urls.tls}${API}/products`, {
        headers,
        tls: { ca: fixture.sandbox.caCertPem },
      });
      assert.equal(overTls.response.status, 403, 'a bound token cannot be used where no certificate is presented');
      assert.match(String(overTls.json.detail), /call the mTLS listener/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a client certificate from another CA on the mTLS listener', async () => {
    const otherCa = await createTestCa({ commonName: 'Not The Sandbox CA' });
    const stranger = await otherCa.issue({ commonName: 'stranger', usage: 'client' });
    const tls = {
      ca: fixture.sandbox.caCertPem,
      clientCertificate: { kind: 'pem' as const, cert: stranger.certPem, key: stranger.keyPem, id: 'stranger', source: 'stranger' },
    };
    const { response, json } = await fixture.call('GET', `${fixture.sandbox.urls.mtls}${API}/products`, { tls });
    assert.equal(response.status, 400);
    assert.match(
      String(json.detail),
      /\(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY\): it was not issued by this sandbox's Sandbox Issuing CA/,
    );
  });

  it('introspects its tokens for the client secret client with HTTP Basic (RFC 7662)', async () => {
    const token = await fixture.token('sandbox-mtls');
    const secret = fs.readFileSync(fixture.sandbox.files.clientSecret, 'utf8').trim();
    const result = await introspectToken(fixture.http, {
      url: fixture.sandbox.urls.introspection,
      token: token.accessToken,
      clientId: fixture.sandbox.application.clientIds.clientSecret,
      clientSecret: secret,
      tls: { ca: fixture.sandbox.caCertPem },
    });
    assert.equal(result.active, true);
    assert.equal(result.scope, 'cards.read cards.write');
    assert.deepEqual(result.claims.cnf, { 'x5t#S256': fixture.init.transportX5tS256 });
  });

  it('serves the TLS listener with a client_secret_post token, unbound', async () => {
    const token = await fixture.token('sandbox');
    assert.equal(token.claims?.x5tS256, undefined);
    assert.equal(token.claims?.clientId, fixture.sandbox.application.clientIds.clientSecret);
    const { response, json } = await fixture.call('POST', `${fixture.sandbox.urls.tls}${API}/cards`, {
      headers: { authorization: `Bearer ${token.accessToken}`, 'x-region': '2' },
      tls: await fixture.tls('sandbox'),
      body: newCard,
    });
    assert.equal(response.status, 200);
    assert.match(String(json.publicToken), /^\d{9}$/);
  });
});
