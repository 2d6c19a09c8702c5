import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OAuthError } from '../../../src/core/auth';
import { startSandboxFixture, type SandboxFixture } from './sandboxFixture';

// oidc-provider fetches a client's jwks_uri itself; the sandbox gives it explicit HTTP options (an agent
// trusting only the sandbox CA, for the sandbox's own origin) instead of Node's global agent.
describe('sandbox clients with a jwks_uri', () => {
  let fixture: SandboxFixture;

  before(async () => {
    fixture = await startSandboxFixture();
  });

  after(() => fixture.close());

  async function register(jwksUri: string): Promise<string> {
    const registration = await fixture.register({
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks_uri: jwksUri,
      scopes: ['cards.read'],
    });
    return registration.clientId;
  }

  it('fetches the keys from the organisation JWKS on the sandbox, trusting the sandbox CA', async () => {
    const clientId = await register(fixture.sandbox.urls.jwks());
    const { environment, application } = fixture.target('sandbox-mtls');
    const token = await fixture.tokens.requestToken({ environment, application: { ...application, clientId, scopes: ['cards.read'] } });
    assert.equal(token.claims?.clientId, clientId, 'the assertion verified with keys fetched from jwks_uri');
  });

  it('refuses a jwks_uri anywhere else when the client registers, saying what to send instead', async () => {
    const refused = await register('https://keys.example.com/jwks.json').catch((error: unknown) => error);
    assert.ok(refused instanceof OAuthError, String(refused));
    assert.equal(refused.error, 'invalid_client_metadata');
    assert.match(refused.message, /jwks_uri https:\/\/keys\.example\.com\/jwks\.json is refused: the sandbox is offline/);
    assert.match(refused.message, /send "jwks" inline instead/);
  });
});
