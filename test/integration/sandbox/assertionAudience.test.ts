import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OAuthError } from '../../../src/core/auth';
import { withWww } from '../../../src/sandbox/providerHooks';
import { startSandboxFixture, type SandboxFixture } from './sandboxFixture';

/**
 * Thredd writes the assertion's audience as www.threddid.com/oauth2/token (55840699567). A sandbox on 127.0.0.1 has
 * no host name to put www. before, so this one listens on "localhost": its token endpoint is
 * https://localhost:<port>/oauth2/token, and the www. spelling is https://www.localhost:<port>/oauth2/token.
 */
describe('a client assertion addressed to the token endpoint with www. before its host', () => {
  let fixture: SandboxFixture;
  before(async () => {
    fixture = await startSandboxFixture({ host: 'localhost' });
  });
  after(() => fixture.close());

  const tokenWithAudience = (audience: string | undefined) => {
    const { environment, application } = fixture.target('sandbox-mtls');
    return fixture.tokens.requestToken({ environment: { ...environment, audience: audience ?? environment.tokenUrl }, application });
  };

  it('gets a token, as one addressed without www. does', async () => {
    const tokenUrl = fixture.target('sandbox-mtls').environment.tokenUrl!;
    assert.match(tokenUrl, /^https:\/\/localhost:\d+\/oauth2\/token$/);
    const plain = await tokenWithAudience(tokenUrl);
    const www = await tokenWithAudience(tokenUrl.replace('https://localhost', 'https://www.localhost'));
    assert.equal(plain.binding?.matches, true);
    assert.equal(www.binding?.matches, true);
    assert.equal(www.claims?.clientId, fixture.sandbox.application.clientIds.privateKeyJwt);
  });

  it('still refuses an assertion addressed to another host', async () => {
    const tokenUrl = fixture.target('sandbox-mtls').environment.tokenUrl!;
    const refused = await tokenWithAudience(tokenUrl.replace('https://localhost', 'https://www.example.com')).then(
      () => assert.fail('expected a refusal'),
      (error: unknown) => error,
    );
    assert.ok(refused instanceof OAuthError);
    assert.match(refused.message, /audience \(aud\) must equal the endpoint url, issuer identifier or token endpoint url/);
  });

  it('puts www. before host names only: an IP address or a www. host has no other spelling', () => {
    assert.equal(withWww('https://threddid.com/oauth2/token'), 'https://www.threddid.com/oauth2/token');
    assert.equal(withWww('https://localhost:8443'), 'https://www.localhost:8443');
    for (const url of ['https://127.0.0.1:8443/oauth2/token', 'https://[::1]:8443/oauth2/token', 'https://www.threddid.com/oauth2/token']) {
      assert.equal(withWww(url), undefined, url);
    }
  });
});
