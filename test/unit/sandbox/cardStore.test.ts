import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CardStore, STATUS_TRANSITIONS } from '../../../src/sandbox/cardData';

const input = { productId: '1002', cardholder: { firstName: 'Ada', lastName: 'Lovelace' }, region: '1', pmid: 'PM-1' };

describe('sandbox card store', () => {
  it('creates inactive cards with a 9-digit id and a masked PAN, visible only to their PMID', async () => {
    const store = await CardStore.open();
    const card = store.create(input, new Date('2026-05-10T00:00:00Z'));
    assert.match(card.id, /^\d{9}$/);
    assert.match(card.maskedPan, /^4\d{5}\*{6}\d{4}$/, 'a Visa product gets a 4-prefixed PAN');
    assert.equal(card.expiryDate, '05/29');
    assert.equal(card.status, 'INACTIVE');
    assert.equal(card.currency, 'EUR');
    assert.equal(store.get(card.id, 'PM-1'), card);
    assert.equal(store.get(card.id, 'PM-2'), undefined);
  });

  it('treats LOST, STOLEN and CLOSED as final', () => {
    for (const status of ['LOST', 'STOLEN', 'CLOSED'] as const) assert.deepEqual(STATUS_TRANSITIONS[status], []);
    assert.ok(STATUS_TRANSITIONS.BLOCKED.includes('ACTIVE'));
  });

  it('persists changes to its file (0600) and reads them back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-cards-'));
    try {
      const file = path.join(dir, 'api-data.json');
      const store = await CardStore.open(file);
      const card = store.setStatus(store.create(input), 'ACTIVE', 'activated');
      await store.flush();
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      const reopened = await CardStore.open(file);
      assert.deepEqual(reopened.get(card.id, 'PM-1'), card);
      assert.equal(reopened.get(card.id, 'PM-1')?.statusReason, 'activated');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
