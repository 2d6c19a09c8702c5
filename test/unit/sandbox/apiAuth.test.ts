import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors } from 'jose';
import { ApiProblem } from '../../../src/sandbox/api/problems';
import { authorizeCall, requireRegion } from '../../../src/sandbox/apiAuth';

const claims = { client_id: 'client-1', pmid: 'PM-1', scope: 'cards.read', cnf: { 'x5t#S256': 'bound-thumbprint' } };
const verify = async (token: string) => {
  if (token === 'expired') throw new errors.JWTExpired('"exp" claim timestamp check failed', { exp: 1 });
  if (token === 'unbound') return { client_id: 'client-2', pmid: 'PM-2', scope: 'cards.read cards.write' };
  return claims;
};

async function refusal(promise: Promise<unknown>): Promise<ApiProblem> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ApiProblem, String(error));
  return error;
}

describe('API authorization: bearer token, scope, certificate binding, region', () => {
  it('returns the caller for a token with the scope and the bound certificate', async () => {
    const caller = await authorizeCall('Bearer good', 'cards.read', verify, 'bound-thumbprint');
    assert.deepEqual(
      { clientId: caller.clientId, pmid: caller.pmid, scopes: caller.scopes },
      { clientId: 'client-1', pmid: 'PM-1', scopes: ['cards.read'] },
    );
    assert.equal(
      (await authorizeCall('bearer unbound', 'cards.write', verify, undefined)).pmid,
      'PM-2',
      'an unbound token needs no certificate',
    );
  });

  it('answers 401 for a missing, malformed or expired token, with WWW-Authenticate (RFC 6750 §3)', async () => {
    const missing = await refusal(authorizeCall(undefined, 'cards.read', verify, undefined));
    assert.deepEqual([missing.status, missing.headers['www-authenticate']], [401, 'Bearer realm="thredd-sandbox"']);
    assert.match(missing.message, /^No access token: send "Authorization: Bearer <access token>"/);
    const basic = await refusal(authorizeCall('Basic abc', 'cards.read', verify, undefined));
    assert.deepEqual([basic.status, basic.message], [401, 'The Authorization header must be "Bearer <access token>".']);
    const expired = await refusal(authorizeCall('Bearer expired', 'cards.read', verify, 'bound-thumbprint'));
    assert.equal(expired.message, 'The access token has expired: get a new one (tokens last 3600 s).');
    assert.match(expired.headers['www-authenticate'], /error="invalid_token"/);
  });

  it('answers 403 for a missing scope and for a certificate that is not the bound one', async () => {
    const scope = await refusal(authorizeCall('Bearer good', 'cards.write', verify, 'bound-thumbprint'));
    assert.equal(scope.status, 403);
    assert.match(scope.headers['www-authenticate'], /error="insufficient_scope".*scope="cards\.write"/);
    const other = await refusal(authorizeCall('Bearer good', 'cards.read', verify, 'another-thumbprint'));
    assert.equal(other.status, 403);
    assert.match(
      other.message,
      /bound to another certificate \(cnf\.x5t#S256 bound-thumbprint\) than the one presented \(another-thumbprint\)/,
    );
    const none = await refusal(authorizeCall('Bearer good', 'cards.read', verify, undefined));
    assert.match(none.message, /call the mTLS listener and present that certificate/);
  });

  it('requires X-Region 0, 1 or 2, and keys a refusal by the header', () => {
    assert.equal(requireRegion(' 2 '), '2');
    const errorsOf = (value: string | undefined) => {
      try {
        requireRegion(value);
      } catch (error) {
        assert.ok(error instanceof ApiProblem);
        assert.equal(error.status, 400);
        return error.body.errors;
      }
      return assert.fail(`X-Region ${value} was accepted`);
    };
    assert.deepEqual(errorsOf(undefined), { 'X-Region': ['The X-Region header is required: 0 (Default), 1 (EMEA), 2 (APAC).'] });
    assert.deepEqual(errorsOf('EMEA'), { 'X-Region': ['X-Region "EMEA" is not a region: use 0 (Default), 1 (EMEA), 2 (APAC).'] });
  });
});
