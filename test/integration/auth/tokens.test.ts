import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Application, Environment } from '../../../src/core/config';
import {
  CLIENT_ASSERTION_TYPE,
  createClientAssertion,
  OAuthError,
  oauthErrorFrom,
  TokenCache,
  TokenClient,
  type TokenRequest,
} from '../../../src/core/auth';
import { createHttpClient, loadTlsSettings } from '../../../src/core/http';
import { PKJ_CLIENT_ID, SECRETS, SIGNING_KID, startAuthFixture, type AuthFixture } from '../../support/authServerFixture';

let fixture: AuthFixture;
const http = createHttpClient();
const tokens = new TokenClient({ http });

function envAndApp(name: string): { environment: Environment; application: Application } {
  const environment = fixture.config.environments[name];
  return { environment, application: fixture.config.applications[environment.application!] };
}

async function refusal(request: TokenRequest, client = tokens): Promise<OAuthError> {
  const error = await client.requestToken(request).then(
    () => assert.fail('expected the token request to be refused'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof OAuthError, `expected OAuthError, got ${String(error)}`);
  return error;
}

/** Counts token requests the server actually answered. */
function countGrants(): { count(): number } {
  let count = 0;
  fixture.server.provider.on('grant.success', () => (count += 1));
  return { count: () => count };
}

describe('token client against oidc-provider over TLS and mTLS', () => {
  before(async () => {
    fixture = await startAuthFixture();
  });
  after(async () => {
    await http.close();
    await fixture.close();
  });

  it('gets a private_key_jwt token over mTLS bound to the transport certificate', async () => {
    const token = await tokens.requestToken(envAndApp('local-mtls'));
    assert.equal(token.tokenType, 'Bearer');
    assert.equal(token.expiresIn, 3600);
    assert.equal(token.scope, 'cards.read cards.write');
    assert.equal(token.claims?.clientId, PKJ_CLIENT_ID, 'a URL client ID stays whole');
    assert.equal(token.claims?.pmid, 'PM-1234');
    assert.equal(token.claims?.x5tS256, fixture.transport.x5tS256);
    assert.deepEqual(token.binding, {
      tokenX5tS256: fixture.transport.x5tS256,
      certificateX5tS256: fixture.transport.x5tS256,
      matches: true,
    });
    assert.equal(token.http.tls?.clientCertificate?.subject, 'O=Thredd Tools Test, CN=transport-client');
    assert.deepEqual(token.warnings, []);
    const verified = await fixture.server.verifyAccessToken(token.accessToken);
    assert.equal(verified.aud, `${fixture.server.issuer}/api`, 'the sandbox API can check what it receives');
    await assert.rejects(fixture.server.verifyAccessToken(token.accessToken.slice(0, -4) + 'AAAA'), /signature/);
  });

  it('binds the token to whichever transport certificate is presented', async () => {
    const other = await fixture.ca.issue({ commonName: 'another-transport', usage: 'client' });
    const { environment, application } = envAndApp('local-mtls');
    const tls = await loadTlsSettings(environment);
    const token = await tokens.requestToken({
      environment,
      application,
      tls: { ...tls, clientCertificate: { kind: 'pem', cert: other.certPem, key: other.keyPem, id: 'other', source: 'other' } },
    });
    assert.equal(token.binding?.matches, true, 'the server bound the token to the certificate presented');
    assert.equal(token.claims?.x5tS256, other.x5tS256);
  });

  it('gets tokens with client_secret_post and client_secret_basic over plain TLS', async () => {
    const post = await tokens.requestToken(envAndApp('local-post'));
    assert.equal(post.claims?.clientId, 'secret-post-client');
    assert.equal(post.claims?.x5tS256, undefined, 'no certificate, no binding');
    assert.equal(post.binding, undefined);
    assert.equal(post.http.tls?.clientCertificate, undefined);
    const basic = await tokens.requestToken(envAndApp('local-basic'));
    assert.equal(basic.claims?.clientId, 'secret-basic-client', 'a secret with ":" and "/" survives Basic encoding');
    assert.equal(basic.scope, 'cards.read');
  });

  it("shows the server's reason for a wrong kid, an expired assertion and a wrong audience", async () => {
    const { environment, application } = envAndApp('local-mtls');
    const wrongKid = await refusal({
      environment,
      application: { ...application, auth: { ...application.auth, kid: 'not-on-the-jwks' } as Application['auth'] },
    });
    assert.equal(wrongKid.status, 401);
    assert.equal(wrongKid.error, 'invalid_client');
    assert.match(wrongKid.message, /^Token request refused \(HTTP 401\): invalid_client: client authentication failed \(.*key.*\)/);
    assert.match(wrongKid.fix, /the kid/);

    const lateClock = new TokenClient({ http, clock: () => Date.now() - 3_600_000 });
    const expired = await refusal({ environment, application }, lateClock);
    assert.match(expired.errorDescription ?? '', /client authentication failed \(.*exp.*\)/i);

    const wrongAudience = await refusal({
      environment: { ...environment, audience: 'https://www.threddid.com/oauth2/token' },
      application,
    });
    assert.match(
      wrongAudience.errorDescription ?? '',
      /audience \(aud\) must equal the endpoint url, issuer identifier or token endpoint url/,
    );
    assert.match(wrongAudience.fix, /audience/);
  });

  it('refuses a replayed client assertion (same jti)', async () => {
    const { environment, application } = envAndApp('local-mtls');
    const tls = await loadTlsSettings(environment);
    const assertion = await createClientAssertion({
      clientId: PKJ_CLIENT_ID,
      audience: environment.tokenUrl!,
      key: fixture.signingKey,
      kid: SIGNING_KID,
    });
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: PKJ_CLIENT_ID,
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: assertion.jwt,
      scope: application.scopes.join(' '),
    });
    const send = () =>
      http.send({
        method: 'POST',
        url: environment.tokenUrl!,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        tls,
      });
    assert.equal((await send()).status, 200);
    const replay = await send();
    const error = await oauthErrorFrom(replay, 'token', 'private_key_jwt');
    assert.equal(error.error, 'invalid_client');
    assert.match(error.message, /client assertion tokens must only be used once/);
  });

  it('refuses a certificate-bound client without a certificate, and a scope the client lacks', async () => {
    const { environment, application } = envAndApp('local-mtls');
    const noCert = await refusal({ environment: { ...environment, clientCertificate: undefined }, application });
    assert.equal(noCert.error, 'invalid_grant');
    assert.match(noCert.message, /mutual TLS client certificate not provided/);
    assert.match(noCert.fix, /Transport Certificate/);

    const scope = await refusal({ environment, application, scopes: ['cards.read', 'pin.read'] });
    assert.equal(scope.error, 'invalid_scope');
    assert.match(scope.message, /pin\.read/);
    assert.match(scope.fix, /scopes/);
  });

  it('names the reason when the transport certificate is expired or from another CA', async () => {
    const { environment, application } = envAndApp('local-mtls');
    const tls = await loadTlsSettings(environment);
    const expired = await fixture.ca.issue({ commonName: 'old-transport', usage: 'client', daysValid: -1 });
    const refused = await refusal({
      environment,
      application,
      tls: { ...tls, clientCertificate: { kind: 'pem', cert: expired.certPem, key: expired.keyPem, id: 'expired', source: 'expired' } },
    });
    assert.equal(refused.error, 'invalid_grant');
    assert.match(refused.message, /the client certificate was not accepted \(CERT_HAS_EXPIRED\)/);
  });

  it('reuses a cached token until 60 s before expiry, then refreshes; refresh and clear on demand', async () => {
    let now = Date.now();
    const grants = countGrants();
    const cache = new TokenCache({ fetchToken: (request) => tokens.requestToken(request), clock: () => now });
    const { environment, application } = envAndApp('local-post');
    const first = await cache.get(environment, application);
    assert.equal(first.fromCache, false);
    now += 3_539_000; // 3539 s later: still more than 60 s left
    const cached = await cache.get(environment, application);
    assert.equal(cached.fromCache, true);
    assert.equal(cached.accessToken, first.accessToken);
    now += 2_000; // 59 s left: refresh
    const refreshed = await cache.get(environment, application);
    assert.equal(refreshed.fromCache, false);
    assert.notEqual(refreshed.accessToken, first.accessToken);
    const forced = await cache.get(environment, application, { refresh: true });
    assert.notEqual(forced.accessToken, refreshed.accessToken);
    cache.clear();
    assert.equal((await cache.get(environment, application)).fromCache, false);
    assert.equal(grants.count(), 4);
  });

  it('sends one token request for ten concurrent callers', async () => {
    const grants = countGrants();
    const cache = new TokenCache({ fetchToken: (request) => tokens.requestToken(request) });
    const { environment, application } = envAndApp('local-mtls');
    const results = await Promise.all(Array.from({ length: 10 }, () => cache.get(environment, application)));
    assert.equal(new Set(results.map((result) => result.accessToken)).size, 1);
    assert.equal(grants.count(), 1);
  });

  it('uses the client secret from the secret source when thredd.json has none', async () => {
    const { environment, application } = envAndApp('local-post');
    const withSource = new TokenClient({
      http,
      secrets: { get: async (name) => (name === 'thredd.clientSecret.post' ? SECRETS.post : undefined) },
    });
    const token = await withSource.requestToken({ environment, application: { ...application, auth: { method: 'client_secret_post' } } });
    assert.equal(token.claims?.clientId, 'secret-post-client');
    await assert.rejects(
      tokens.requestToken({ environment, application: { ...application, auth: { method: 'client_secret_post' } } }),
      /No client secret for application "post"/,
    );
  });
});
