import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countByStatus, fail, noneFailed, pass, warn, worstStatus } from '../../../src/core/ehi/findings';

describe('EHI findings (shared by the endpoint check and the simulator)', () => {
  const mixed = [pass('a', 'ok'), warn('b', 'slow', 'be faster'), fail('c', 'broken', 'fix it'), pass('d', 'ok too')];

  it('gives a pass no fix, and a warning or failure the fix it was given', () => {
    assert.deepEqual(pass('a', 'ok'), { id: 'a', status: 'pass', message: 'ok', fix: '' });
    assert.deepEqual(warn('b', 'slow', 'be faster'), { id: 'b', status: 'warn', message: 'slow', fix: 'be faster' });
    assert.deepEqual(fail('c', 'broken', 'fix it'), { id: 'c', status: 'fail', message: 'broken', fix: 'fix it' });
  });

  it('keeps the key order of the JSON reports (id, status, message, fix)', () => {
    assert.equal(JSON.stringify(warn('b', 'slow', 'be faster')), '{"id":"b","status":"warn","message":"slow","fix":"be faster"}');
  });

  it('counts every status, zero included', () => {
    assert.deepEqual(countByStatus(mixed), { pass: 2, warn: 1, fail: 1 });
    assert.deepEqual(countByStatus([]), { pass: 0, warn: 0, fail: 0 });
  });

  it('is ok with warnings but not with a single failure', () => {
    assert.equal(noneFailed([pass('a', 'ok'), warn('b', 'slow', 'be faster')]), true);
    assert.equal(noneFailed(mixed), false);
    assert.equal(noneFailed([]), true);
  });

  it('takes the worst status: fail over warn over pass, pass when there is nothing', () => {
    assert.equal(worstStatus(mixed), 'fail');
    assert.equal(worstStatus([pass('a', 'ok'), warn('b', 'slow', 'be faster')]), 'warn');
    assert.equal(worstStatus([warn('b', 'slow', 'be faster'), pass('a', 'ok')]), 'warn');
    assert.equal(worstStatus([]), 'pass');
  });
});
