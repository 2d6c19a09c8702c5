import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusAt } from '../../../src/core/pki';
import { expiryText, governingCertificate } from '../../../src/core/tree';

const DAY = 86_400_000;
const now = new Date('2026-05-10T12:00:00Z');
const dated = (notAfterOffset: number, notBeforeOffset = -300 * DAY) => {
  const notBefore = new Date(now.getTime() + notBeforeOffset);
  const notAfter = new Date(now.getTime() + notAfterOffset);
  return { status: statusAt(now, notBefore, notAfter, 60), notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString() };
};

describe('expiry wording', () => {
  it('counts whole days left, and says "today" in the last 24 hours either side of expiry', () => {
    assert.equal(expiryText(dated(45 * DAY + 3_600_000), now), 'expires in 45 days');
    assert.equal(expiryText(dated(DAY + 60_000), now), 'expires in 1 day');
    assert.equal(expiryText(dated(23 * 3_600_000), now), 'expires today');
    assert.equal(expiryText(dated(-3_600_000), now), 'expired today');
    assert.equal(expiryText(dated(-DAY), now), 'expired 1 day ago');
    assert.equal(expiryText(dated(-3 * DAY - 60_000), now), 'expired 3 days ago');
  });

  it('gives the date a not-yet-valid certificate starts', () => {
    assert.equal(expiryText(dated(350 * DAY, 2.5 * DAY), now), 'not valid until 2026-05-13');
  });

  it('lets the most severe, then the first to expire, decide the badge of a chain file', () => {
    const leaf = dated(300 * DAY);
    const expiredIntermediate = dated(-DAY);
    const expiringRoot = dated(30 * DAY);
    assert.equal(governingCertificate([leaf, expiringRoot, expiredIntermediate]), expiredIntermediate);
    assert.equal(governingCertificate([leaf, dated(200 * DAY)]).notAfter, dated(200 * DAY).notAfter);
  });
});
