import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { checkCertificateBinding, decodeAccessToken, excerpt, oauthErrorFrom } from '../../../src/core/auth';
import type { HttpResponse } from '../../../src/core/http';

function response(status: number, body: string, contentType = 'application/json'): HttpResponse {
  return {
    status,
    statusText: '',
    headers: { 'content-type': contentType },
    body: { kind: 'memory', bytes: Buffer.from(body) },
    size: body.length,
    url: 'https://threddid.com/oauth2/token',
    redirects: [],
    warnings: [],
    timings: { reused: false, dns: 0, connect: 0, tls: 0, firstByte: 0, download: 0, total: 0 },
  };
}

describe('OAuth error reporting', () => {
  it("shows the server's error and description, the status and a hint", async () => {
    const error = await oauthErrorFrom(
      response(400, '{"error":"invalid_scope","error_description":"requested scope is not allowed"}'),
      'token',
      'private_key_jwt',
    );
    assert.equal(error.message, 'Token request refused (HTTP 400): invalid_scope: requested scope is not allowed');
    assert.equal(error.error, 'invalid_scope');
    assert.match(error.fix, /"scopes" of the application in thredd\.json/);
    const client = await oauthErrorFrom(response(401, '{"error":"invalid_client"}'), 'token', 'private_key_jwt');
    assert.match(client.fix, /kid.*clock.*audience/);
    const secret = await oauthErrorFrom(response(401, '{"error":"invalid_client"}'), 'token', 'client_secret');
    assert.match(secret.fix, /client ID and the client secret/);
  });

  it('reduces an HTML or plain error body to a short excerpt instead of dumping it', async () => {
    const page =
      `<!DOCTYPE html><html><head><title>502 Bad ` +
      `Gateway</title><style>body{color:red}</style></head><body><h1>Bad   Gateway</h1>` +
      `${'<p>filler</p>'.repeat(200)}</body></html>`;
    const error = await oauthErrorFrom(response(502, page, 'text/html'), 'token');
    assert.equal(error.bodyExcerpt?.startsWith('502 Bad Gateway Bad Gateway filler'), true, error.bodyExcerpt);
    assert.ok((error.bodyExcerpt ?? '').length <= 161);
    assert.ok(error.message.length < 220, 'one readable line');
    assert.match(error.fix, /server failed; try again later/);
    const plain = await oauthErrorFrom(response(401, 'Unauthorized', 'text/plain'), 'introspection');
    assert.equal(plain.message, 'Introspection refused (HTTP 401): "Unauthorized"');
    assert.equal(excerpt('a\n\n  b'), 'a b');
  });
});

describe('access token claims', () => {
  it('decodes a JWT access token and checks its certificate binding', async () => {
    const token = await new SignJWT({ scope: 'cards.read', client_id: 'c1', pmid: 'PM-1', cnf: { 'x5t#S256': 'abc' } })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(2_000_000_000)
      .sign(new TextEncoder().encode('k'.repeat(32)));
    const claims = decodeAccessToken(token);
    assert.deepEqual(
      [claims?.scope, claims?.clientId, claims?.pmid, claims?.x5tS256, claims?.exp],
      ['cards.read', 'c1', 'PM-1', 'abc', 2_000_000_000],
    );
    assert.deepEqual(checkCertificateBinding(claims, 'abc'), {
      binding: { tokenX5tS256: 'abc', certificateX5tS256: 'abc', matches: true },
    });
    const other = checkCertificateBinding(claims, 'xyz');
    assert.equal(other.binding?.matches, false);
    assert.match(other.warning ?? '', /bound to certificate x5t#S256 abc, but the transport certificate in use is xyz/);
    assert.match(checkCertificateBinding(claims, undefined).warning ?? '', /no transport certificate was presented/);
    assert.equal(decodeAccessToken('opaque-token-value'), undefined);
    assert.deepEqual(checkCertificateBinding(undefined, 'abc'), {});
  });
});
