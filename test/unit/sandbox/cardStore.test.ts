import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { operationById } from '../../../src/core/catalogue';
import { newCardRecord, type CreateCardBody } from '../../../src/sandbox/api/newCard';
import { CardStore } from '../../../src/sandbox/cardStore';
import { SANDBOX_PRODUCTS } from '../../../src/sandbox/sandboxProducts';

const physical = operationById('cards.create').examples.find((example) => example.id === 'physical-card')!.request.body as CreateCardBody;
const now = new Date('2025-03-04T09:15:27Z');
const record = (pmid = 'PM-1') => newCardRecord(physical, SANDBOX_PRODUCTS[0], { pmid, region: '1' }, now);

function tempFile(): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-cards-'));
  return { file: path.join(dir, 'api-data.json'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe('sandbox card store', () => {
  it('keeps cards under a 9-digit public token, visible only to their PMID', async () => {
    const store = await CardStore.open();
    const card = store.create(record());
    assert.match(card.publicToken, /^\d{9}$/);
    assert.equal(store.get(card.publicToken, 'PM-1'), card);
    assert.equal(store.get(card.publicToken, 'PM-2'), undefined);
    assert.deepEqual(store.list('PM-2'), []);
  });

  it('makes a Physical card as Create Card describes it: inactive, valid three years to the end of the month', () => {
    const card = record();
    assert.deepEqual([card.cardStatusCode, card.activationDate, card.startDate, card.expiryDate], ['02', null, '2025-03-04', '2028-03-31']);
    assert.match(card.maskedPan, /^531610\*{6}\d{4}$/, "the product's BIN");
    assert.equal(card.embossName, 'AMARA OKAFOR');
    assert.equal(card.fulfilment?.addressLine1, '2 Quay Lane');
    const body = { ...physical, cardType: 'Virtual' as const, activateNow: undefined, fulfilment: undefined, expiryDate: '2027-02' };
    const virtual = newCardRecord(body, SANDBOX_PRODUCTS[2], { pmid: 'PM-1', region: '0' }, now);
    const { cardStatusCode, activationDate, fulfilment, expiryDate } = virtual;
    assert.deepEqual([cardStatusCode, activationDate, fulfilment, expiryDate], ['00', '2025-03-04 09:15:27Z', null, '2027-02-28']);
  });

  it("gives each transaction an id no other card's transaction has, and finds it for its PMID only", async () => {
    const store = await CardStore.open();
    const dateTime = now.toISOString();
    const load = { kind: 'load' as const, amount: 10, currency: 'GBP', dateTime, note: null, actualBalance: 10, availableBalance: 10 };
    const first = store.addTransaction(store.create(record()), load, { cardBalance: 10, pendingAmount: 0 });
    const second = store.addTransaction(store.create(record()), load, { cardBalance: 10, pendingAmount: 0 });
    assert.notEqual(first.transaction.id, second.transaction.id);
    assert.equal(store.findTransaction(first.transaction.id, 'PM-1')?.card.publicToken, first.card.publicToken);
    assert.equal(store.findTransaction(first.transaction.id, 'PM-2'), undefined);
  });

  it('persists changes to its file (0600) and reads them back', async () => {
    const temp = tempFile();
    try {
      const store = await CardStore.open({ file: temp.file });
      const card = store.update(store.create(record()), { cardStatusCode: '00' });
      await store.flush();
      assert.equal(fs.statSync(temp.file).mode & 0o777, 0o600);
      const reopened = await CardStore.open({ file: temp.file });
      assert.deepEqual(reopened.get(card.publicToken, 'PM-1'), card);
    } finally {
      temp.remove();
    }
  });

  it("ignores cards of the sandbox's earlier API with a log line, and replaces them at the next change", async () => {
    const temp = tempFile();
    try {
      const cardholder = { firstName: 'Ada', lastName: 'Lovelace' };
      const old = { id: '123456789', productId: '1001', cardholder, status: 'INACTIVE', pmid: 'PM-1' };
      fs.writeFileSync(temp.file, JSON.stringify({ cards: [old] }));
      const lines: string[] = [];
      const store = await CardStore.open({ file: temp.file, log: (line) => lines.push(line) });
      assert.deepEqual(store.list('PM-1'), []);
      assert.equal(lines.length, 1);
      assert.match(lines[0], /holds 1 card\(s\) of the sandbox's earlier API; they are ignored/);
      store.create(record());
      await store.flush();
      const saved = JSON.parse(fs.readFileSync(temp.file, 'utf8'));
      assert.equal(saved.version, 2);
      assert.deepEqual(
        saved.cards.map((card: { publicToken: string }) => typeof card.publicToken),
        ['string'],
      );
    } finally {
      temp.remove();
    }
  });
});
