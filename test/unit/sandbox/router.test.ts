import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Router } from '../../../src/sandbox/router';

describe('sandbox router', () => {
  const router = new Router<string>()
    .add('GET', '/core/api/v1/cards/:id', 'read')
    .add('PATCH', '/core/api/v1/cards/:id', 'update')
    .add('GET', '/:orgId/jwks.json', 'jwks');

  it('matches a pattern and decodes its parameters', () => {
    assert.deepEqual(router.match('GET', '/core/api/v1/cards/123%20456'), { kind: 'found', handler: 'read', params: { id: '123 456' } });
    assert.deepEqual(router.match('GET', '/org-1/jwks.json'), { kind: 'found', handler: 'jwks', params: { orgId: 'org-1' } });
  });

  it('tells a path with another method (405) from an unknown path (404)', () => {
    assert.deepEqual(router.match('DELETE', '/core/api/v1/cards/1'), { kind: 'wrong-method', allowed: ['GET', 'PATCH'] });
    assert.deepEqual(router.match('GET', '/core/api/v1/cards'), { kind: 'none' });
    assert.deepEqual(router.match('GET', '/core/api/v1/cards/1/extra'), { kind: 'none' });
    assert.deepEqual(router.match('GET', '/core/api/v1/cards/%E0%A4%A'), { kind: 'none' }, 'a malformed escape is not found, not a crash');
  });
});
