import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import {
  deleteRegistration,
  introspectToken,
  OAuthError,
  readRegistration,
  registerClient,
  TokenClient,
  updateRegistration,
} from '../../../src/core/auth';
import { createHttpClient, loadTlsSettings, type TlsSettings } from '../../../src/core/http';
import { SECRETS, startAuthFixture, type AuthFixture } from '../../support/authServerFixture';

const ssaKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
let fixture: AuthFixture;
let tls: TlsSettings;
const http = createHttpClient();

function softwareStatement(claims: Record<string, unknown>, key = ssaKey): Promise<string> {
  return new SignJWT({ software_id: 'app-7a49', org_id: 'org-1', pmid: 'PM-77', scope: 'cards.read cards.write', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'ssa' })
    .setIssuer('test-directory')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key);
}

async function rejection(promise: Promise<unknown>): Promise<OAuthError> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof OAuthError, String(error));
  return error;
}

describe('introspection and dynamic client registration against oidc-provider', () => {
  before(async () => {
    fixture = await startAuthFixture({ softwareStatementKey: ssaKey });
    tls = await loadTlsSettings(fixture.config.environments['local-mtls']);
  });
  after(async () => {
    await http.close();
    await fixture.close();
  });

  it('introspects a valid token and a garbage one with Basic authentication', async () => {
    const environment = fixture.config.environments['local-mtls'];
    const token = await new TokenClient({ http }).requestToken({ environment, application: fixture.config.applications.pkj });
    const url = fixture.server.endpoints.introspection;
    const active = await introspectToken(http, {
      url,
      token: token.accessToken,
      clientId: 'introspector',
      clientSecret: SECRETS.introspector,
      tls: { ca: fixture.ca.certPem },
    });
    assert.equal(active.active, true);
    assert.equal(active.clientId, token.claims?.clientId);
    assert.equal(active.scope, 'cards.read cards.write');
    assert.equal(active.exp, token.claims?.exp);
    assert.deepEqual(active.claims.cnf, { 'x5t#S256': fixture.transport.x5tS256 });

    const garbage = await introspectToken(http, {
      url,
      token: 'not-a-token',
      clientId: 'introspector',
      clientSecret: SECRETS.introspector,
      tls: { ca: fixture.ca.certPem },
    });
    assert.deepEqual(garbage.claims, { active: false });

    const wrongSecret = await rejection(
      introspectToken(http, {
        url,
        token: token.accessToken,
        clientId: 'introspector',
        clientSecret: 'wrong',
        tls: { ca: fixture.ca.certPem },
      }),
    );
    assert.equal(wrongSecret.status, 401);
    assert.equal(wrongSecret.error, 'invalid_client');
    assert.match(wrongSecret.fix, /client secret/);
  });

  it('registers a client with a software statement, reads, updates and deletes it', async () => {
    const registrationUrl = fixture.server.endpoints.registration;
    const registered = await registerClient(http, {
      registrationUrl,
      initialAccessToken: await fixture.server.createInitialAccessToken(),
      softwareStatement: await softwareStatement({}),
      metadata: {
        grant_types: ['client_credentials'],
        token_endpoint_auth_method: 'private_key_jwt',
        tls_client_certificate_bound_access_tokens: true,
        scopes: ['cards.read'],
      },
      tls,
    });
    assert.ok(registered.registrationAccessToken && registered.registrationClientUri);
    assert.equal(registered.metadata.scope, 'cards.read');
    assert.equal(registered.metadata.pmid, 'PM-77', 'claims of the software statement become client metadata');
    assert.equal(registered.clientSecret, undefined, 'private_key_jwt clients get no secret');

    // The new client can get a token at once (its keys come from the organisation JWKS).
    const environment = fixture.config.environments['local-mtls'];
    const application = { ...fixture.config.applications.pkj, clientId: registered.clientId, scopes: ['cards.read'] };
    const token = await new TokenClient({ http }).requestToken({ environment, application });
    assert.equal(token.claims?.pmid, 'PM-77');

    const manage = {
      registrationClientUri: registered.registrationClientUri,
      registrationAccessToken: registered.registrationAccessToken,
      tls,
    };
    const read = await readRegistration(http, manage);
    assert.equal(read.clientId, registered.clientId);

    const updated = await updateRegistration(http, {
      ...manage,
      clientId: registered.clientId,
      metadata: { ...read.metadata, scope: 'cards.read cards.write' },
    });
    assert.equal(updated.metadata.scope, 'cards.read cards.write');
    assert.ok(
      updated.registrationAccessToken && updated.registrationAccessToken !== registered.registrationAccessToken,
      'the access token rotates on update',
    );
    const stale = await rejection(readRegistration(http, manage));
    assert.equal(stale.error, 'invalid_token');

    const current = { ...manage, registrationAccessToken: updated.registrationAccessToken };
    await deleteRegistration(http, current);
    const gone = await rejection(readRegistration(http, current));
    assert.equal(gone.status, 401);
  });

  it('refuses registrations without a valid software statement or beyond its scopes', async () => {
    const registrationUrl = fixture.server.endpoints.registration;
    const metadata = { token_endpoint_auth_method: 'private_key_jwt', scope: 'cards.read' };
    const register = async (softwareStatementValue: string | undefined, extra: Record<string, unknown> = {}) =>
      rejection(
        registerClient(http, {
          registrationUrl,
          initialAccessToken: await fixture.server.createInitialAccessToken(),
          softwareStatement: softwareStatementValue,
          metadata: { ...metadata, ...extra },
          tls,
        }),
      );

    const missing = await register(undefined);
    assert.equal(missing.error, 'invalid_software_statement');
    assert.match(missing.message, /software_statement is required/);
    const forged = await register(await softwareStatement({}, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey));
    assert.equal(forged.error, 'invalid_software_statement');
    assert.match(forged.fix, /fresh software statement/);
    const beyond = await register(await softwareStatement({ scope: 'cards.read' }), { scope: 'cards.read cards.write' });
    assert.equal(beyond.error, 'invalid_client_metadata');
    assert.match(beyond.message, /scope cards\.write is beyond what the software statement allows/);

    const noBearer = await rejection(
      registerClient(http, { registrationUrl, softwareStatement: await softwareStatement({}), metadata, tls }),
    );
    assert.equal(noBearer.error, 'invalid_request');
    assert.match(noBearer.message, /no access token provided/);
  });
});
