import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskCredentialFields } from '../../../src/core/runner/credentialFields';

describe('maskCredentialFields', () => {
  it('masks OAuth credentials in a JSON token response, keeping the other fields', () => {
    const body = '{"access_token":"eyJ.a\\"b.c","token_type":"Bearer","expires_in":3600,"refresh_token" : "r-1","scope":"cards.read"}';
    assert.equal(
      maskCredentialFields(body),
      '{"access_token":"••••••","token_type":"Bearer","expires_in":3600,"refresh_token" : "••••••","scope":"cards.read"}',
    );
  });

  it('masks a registration access token and client secret in a DCR answer', () => {
    const body = JSON.stringify({ client_id: 'c1', client_secret: 's3', registration_access_token: 'rat' }, null, 2);
    assert.deepEqual(JSON.parse(maskCredentialFields(body)), {
      client_id: 'c1',
      client_secret: '••••••',
      registration_access_token: '••••••',
    });
  });

  it('masks credentials in a form body and leaves other parameters', () => {
    assert.equal(
      maskCredentialFields('grant_type=client_credentials&client_id=app&client_secret=abc%2Bdef&client_assertion=eyJ.x.y'),
      'grant_type=client_credentials&client_id=app&client_secret=••••••&client_assertion=••••••',
    );
  });

  it('masks a value cut off by a preview limit, and introspection tokens and URL parameters', () => {
    assert.equal(
      maskCredentialFields('{"token_type":"Bearer","access_token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIi'),
      '{"token_type":"Bearer","access_token":"••••••',
    );
    assert.equal(maskCredentialFields('token=eyJ.a.b&token_type_hint=access_token'), 'token=••••••&token_type_hint=access_token');
    assert.equal(maskCredentialFields('https://api/cards?access_token=abc&page=2#top'), 'https://api/cards?access_token=••••••&page=2#top');
    assert.equal(
      maskCredentialFields('{"token":"tok_card_123"}'),
      '{"token":"tok_card_123"}',
      'a JSON "token" (a card token) is data, not a credential',
    );
  });

  it('leaves text without credential fields unchanged', () => {
    const body = '{"id":"card-1","status":"active","tokenised":true}';
    assert.equal(maskCredentialFields(body), body);
  });
});
