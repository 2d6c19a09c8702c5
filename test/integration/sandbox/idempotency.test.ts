import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { IDEMPOTENCY_KEY_LIFETIME_MS } from '../../../src/core/catalogue';
import { physicalCard } from './cardBodies';
import { startSandboxFixture, type ApiAnswer, type SandboxFixture } from './sandboxFixture';

const tokenOf = (answer: ApiAnswer) => (answer.json as { publicToken: string }).publicToken;

describe('idempotency keys (What is Idempotency?), on a sandbox whose clock the test moves', () => {
  let fixture: SandboxFixture;
  let now = Date.parse('2025-03-04T09:00:00Z');
  before(async () => {
    fixture = await startSandboxFixture({ clock: () => new Date(now) });
  });
  after(() => fixture.close());

  const create = (key: string, body = physicalCard(), environment?: string) =>
    fixture.api('POST', '/cards', { body, headers: { idempotencyKey: key }, environment });

  it('answers a repeat of the same request with the first answer: the same card, not a second one', async () => {
    const key = randomUUID();
    const first = await create(key);
    const second = await create(key);
    assert.equal(first.status, 200);
    assert.deepEqual([second.status, second.json], [first.status, first.json]);
    const third = await create(randomUUID());
    assert.notEqual(tokenOf(third), tokenOf(first), 'a new key is a new card');
  });

  it('replays a status change too, and its refusals', async () => {
    const { publicToken } = (await create(randomUUID())).json as { publicToken: string };
    const key = randomUUID();
    const status = (cardStatusCode: string, idempotencyKey: string) =>
      fixture.api('PUT', `/cards/${publicToken}/status`, { body: { cardStatusCode }, headers: { idempotencyKey } });
    const block = () => status('G1', key);
    const first = await block();
    const second = await block();
    assert.equal((first.json as { description: string }).description, 'Card status changed from 02 to G1.');
    assert.deepEqual(second.json, first.json, 'not "already in status G1": the change was not made again');
    const refusedKey = randomUUID();
    const expire = () => status('54', refusedKey);
    const refused = await expire();
    assert.equal(refused.status, 422);
    assert.deepEqual(await expire(), refused, 'the 422 is replayed with its traceId');
  });

  it('refuses a key used for another request with a 400 saying so, and keeps the first answer for the first request', async () => {
    const key = randomUUID();
    const first = await create(key);
    const other = await create(key, physicalCard({ customerReference: 'CUST-0043' }));
    const sentence = `The Idempotency header key value '${key}' was used in a different request.`;
    assert.equal(other.status, 400);
    assert.equal((other.json as { detail: string }).detail, sentence);
    assert.deepEqual((other.json as { errors: unknown }).errors, { idempotencyKey: [sentence] });
    const elsewhere = await fixture.api('PUT', `/cards/${(first.json as { publicToken: string }).publicToken}/status`, {
      body: { cardStatusCode: '00' },
      headers: { idempotencyKey: key },
    });
    assert.equal(elsewhere.status, 400, 'another endpoint is another request');
    assert.deepEqual((await create(key)).json, first.json);
  });

  it('keeps keys apart per client: another client may use the same key for its own request', async () => {
    const key = randomUUID();
    const mine = await create(key);
    const theirs = await create(key, physicalCard({ customerReference: 'CUST-0044' }), 'sandbox');
    assert.equal(theirs.status, 200);
    assert.notEqual(tokenOf(theirs), tokenOf(mine));
  });

  it('forgets a key an hour after its first use: the same request then makes a new card', async () => {
    const key = randomUUID();
    const first = await create(key);
    now += IDEMPOTENCY_KEY_LIFETIME_MS - 1000;
    assert.deepEqual((await create(key)).json, first.json, 'still remembered just before the hour');
    assert.equal((await create(key, physicalCard({ customerReference: 'CUST-0045' }))).status, 400);
    now += 1000;
    const later = await create(key);
    assert.equal(later.status, 200);
    assert.notEqual(tokenOf(later), tokenOf(first));
    assert.equal((later.json as { startDate: string }).startDate, '2025-03-04', 'the card is dated by the same clock');
  });

  it('ignores the key where Thredd does not honour it: a card update is done each time', async () => {
    const { publicToken } = (await create(randomUUID())).json as { publicToken: string };
    const key = randomUUID();
    for (const reference of ['CUST-1', 'CUST-2']) {
      const headers = { idempotencyKey: key };
      const answer = await fixture.api('PATCH', `/cards/${publicToken}`, { body: { customerReference: reference }, headers });
      assert.equal(answer.status, 204);
    }
    const card = (await fixture.api('GET', `/cards/${publicToken}`)).json as { cardDetails: { customerReference: string } };
    assert.equal(card.cardDetails.customerReference, 'CUST-2');
  });
});

describe('idempotency that compares method and path only (idempotencyComparesBody false)', () => {
  let fixture: SandboxFixture;
  before(async () => {
    fixture = await startSandboxFixture({ idempotencyComparesBody: false });
  });
  after(() => fixture.close());

  it('replays the first answer for another body sent to the same endpoint with the key', async () => {
    const key = randomUUID();
    const first = await fixture.api('POST', '/cards', { body: physicalCard(), headers: { idempotencyKey: key } });
    const headers = { idempotencyKey: key };
    const other = await fixture.api('POST', '/cards', { body: physicalCard({ customerReference: 'CUST-0099' }), headers });
    assert.deepEqual([other.status, other.json], [200, first.json]);
  });
});
