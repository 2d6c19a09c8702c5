import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors } from 'jose';
import { authorizeCall, requireRegion } from '../../../src/sandbox/apiAuth';
import { ApiError } from '../../../src/sandbox/httpJson';

const claims = { client_id: 'client-1', pmid: 'PM-1', scope: 'cards.read', cnf: { 'x5t#S256': 'bound-thumbprint' } };
const verify = async (token: string) => {
  if (token === 'expired') throw new errors.JWTExpired('"exp" claim timestamp check failed', { exp: 1 });
  if (token === 'unbound') return { client_id: 'client-2', pmid: 'PM-2', scope: 'cards.read cards.write' };
  return claims;
};

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => assert.fail('expected a refusal'), (caught: unknown) => caught);
  assert.ok(error instanceof ApiError, String(error));
  return error;
}

describe('API authorization: bearer token, scope, certificate binding, region', () => {
  it('returns the caller for a token with the scope and the bound certificate', async () => {
    const caller = await authorizeCall('Bearer good', 'cards.read', verify, 'bound-thumbprint');
    assert.deepEqual({ clientId: caller.clientId, pmid: caller.pmid, scopes: caller.scopes }, { clientId: 'client-1', pmid: 'PM-1', scopes: ['cards.read'] });
    assert.equal((await authorizeCall('bearer unbound', 'cards.write', verify, undefined)).pmid, 'PM-2', 'an unbound token needs no certificate');
  });

  it('answers 401 for a missing, malformed or expired token, with WWW-Authenticate (RFC 6750 §3)', async () => {
    const missing = await refusal(authorizeCall(undefined, 'cards.read', verify, undefined));
    assert.deepEqual([missing.status, missing.code, missing.headers['www-authenticate']], [401, 'missing_token', 'Bearer realm="thredd-sandbox"']);
    const basic = await refusal(authorizeCall('Basic abc', 'cards.read', verify, undefined));
    assert.deepEqual([basic.status, basic.code], [401, 'invalid_token']);
    const expired = await refusal(authorizeCall('Bearer expired', 'cards.read', verify, 'bound-thumbprint'));
    assert.equal(expired.message, 'The access token has expired: get a new one (tokens last 3600 s).');
    assert.match(expired.headers['www-authenticate'], /error="invalid_token"/);
  });

  it('answers 403 for a missing scope and for a certificate that is not the bound one', async () => {
    const scope = await refusal(authorizeCall('Bearer good', 'cards.write', verify, 'bound-thumbprint'));
    assert.deepEqual([scope.status, scope.code], [403, 'insufficient_scope']);
    const other = await refusal(authorizeCall('Bearer good', 'cards.read', verify, 'another-thumbprint'));
    assert.deepEqual([other.status, other.code], [403, 'certificate_mismatch']);
    assert.match(other.message, /bound to another certificate \(cnf\.x5t#S256 bound-thumbprint\) than the one presented \(another-thumbprint\)/);
    const none = await refusal(authorizeCall('Bearer good', 'cards.read', verify, undefined));
    assert.match(none.message, /call the mTLS listener and present that certificate/);
  });

  it('requires X-Region 0, 1 or 2', () => {
    assert.equal(requireRegion(' 2 '), '2');
    assert.throws(() => requireRegion(undefined), { code: 'missing_region', status: 400 });
    assert.throws(() => requireRegion('EMEA'), { code: 'invalid_region', message: 'X-Region "EMEA" is not a region: use 0 (Default), 1 (EMEA), 2 (APAC).' });
  });
});
