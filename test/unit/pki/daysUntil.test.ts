import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysUntil } from '../../../src/core/pki';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2025-03-01T12:00:00Z');
const at = (offset: number) => new Date(now.getTime() + offset);

describe('daysUntil, the daysRemaining of a certificate', () => {
  it('counts whole days left, dropping the partial one', () => {
    assert.equal(daysUntil(at(59 * DAY), now), 59);
    assert.equal(daysUntil(at(59 * DAY + DAY - 1), now), 59);
    assert.equal(daysUntil(at(DAY - 1), now), 0);
  });

  it('goes negative once expired, still in whole days towards zero', () => {
    assert.equal(daysUntil(at(-3 * DAY), now), -3);
    assert.equal(daysUntil(at(-3 * DAY - DAY / 2), now), -3);
  });

  it('says 0, never -0, within the last day after expiry', () => {
    assert.ok(Object.is(daysUntil(at(-1), now), 0));
    assert.ok(Object.is(daysUntil(now, now), 0));
  });
});
