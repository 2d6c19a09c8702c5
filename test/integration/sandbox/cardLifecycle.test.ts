import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { physicalCard, virtualCard } from './cardBodies';
import { startSandboxFixture, type SandboxFixture } from './sandboxFixture';

type Json = Record<string, unknown>;

describe("a card's life in the sandbox: details, status, money", () => {
  let fixture: SandboxFixture;
  let day = '2025-03-04';
  before(async () => {
    fixture = await startSandboxFixture({ clock: () => new Date(`${day}T12:00:00Z`) });
  });
  after(() => fixture.close());

  const create = async (body: Json) => ((await fixture.api('POST', '/cards', { body })).json as { publicToken: string }).publicToken;
  const read = async (publicToken: string) => (await fixture.api('GET', `/cards/${publicToken}`)).json as Json;
  const setStatus = (publicToken: string, body: Json) => fixture.api('PUT', `/cards/${publicToken}/status`, { body });
  const record = (publicToken: string, body: Json) => {
    const tls = { ca: fixture.sandbox.caCertPem };
    return fixture.call('POST', `${fixture.sandbox.urls.portal}/cards/${publicToken}/transactions`, { tls, body });
  };

  it('starts a Physical card inactive and a Virtual one active, each with a zero balance and no transactions', async () => {
    const physical = await create(physicalCard());
    const virtual = await create(virtualCard());
    assert.deepEqual([(await read(physical)).cardStatusCode, (await read(virtual)).cardStatusCode], ['02', '00']);
    assert.equal(((await read(virtual)).cardDetails as Json).activationDate, '2025-03-04 12:00:00Z');
    assert.equal((await read(virtual)).fulfilment, null, 'a Virtual card is not delivered');
    const activeAtOnce = await create(physicalCard({ activateNow: true }));
    assert.equal((await read(activeAtOnce)).cardStatusCode, '00');
    for (const publicToken of [physical, virtual]) {
      const balance = (await fixture.api('GET', `/cards/${publicToken}/balance`)).json as Json;
      assert.deepEqual([balance.cardBalance, balance.pendingAmount, balance.availableBalance], [0, 0, 0]);
      assert.deepEqual((await fixture.api('GET', `/cards/${publicToken}/transactions`)).json, []);
    }
  });

  it('changes only the details an update sends; an empty value erases one', async () => {
    const publicToken = await create(physicalCard({ customerReference: 'CUST-1', designId: 'Classic Blue' }));
    const update = await fixture.api('PATCH', `/cards/${publicToken}`, {
      body: { customerReference: '', address: { addressLine1: '21 Canal Walk', addressLine2: '', postCode: 'BS2 0JX', country: 'IRL' } },
    });
    assert.deepEqual([update.status, update.json], [204, undefined]);
    const card = await read(publicToken);
    assert.equal((card.cardDetails as Json).customerReference, null);
    assert.equal(card.designId, 'Classic Blue');
    assert.deepEqual(card.address, {
      addressLine1: '21 Canal Walk',
      addressLine2: '',
      addressLine3: '',
      city: 'Bristol',
      state: '',
      county: '',
      postCode: 'BS2 0JX',
      country: '372',
    });
    const nowhere = { address: { addressLine1: 'x', postCode: 'y', country: 'XYZ' } };
    const unknownCountry = await fixture.api('PATCH', `/cards/${publicToken}`, { body: nowhere });
    assert.equal(unknownCountry.status, 400);
    assert.deepEqual((unknownCountry.json as Json).errors, {
      'address.country': ['The country field must be an ISO 3166 alpha-3 code such as GBR; XYZ is not one.'],
    });
  });

  it('refuses a card of a product the program does not have (404), and a card already expired (422)', async () => {
    const unknown = await fixture.api('POST', '/cards', { body: physicalCard({ cardProduct: 4242 }) });
    assert.equal(unknown.status, 404);
    assert.match(String((unknown.json as Json).detail), /^No product with id 4242 was found/);
    const expired = await fixture.api('POST', '/cards', { body: physicalCard({ expiryDate: '2025-02' }) });
    assert.deepEqual([expired.status, (expired.json as Json).detail], [422, 'The expiry date 2025-02 has passed.']);
  });

  it('blocks and unblocks a card, names statuses by code or in words, and refuses codes only Thredd sets', async () => {
    const publicToken = await create(physicalCard({ activateNow: true }));
    const block = await setStatus(publicToken, { cardStatusCode: 'G1', updatedBy: 'app', description: 'frozen in the app' });
    assert.deepEqual(block.json, {
      status: 'Short-Term Block',
      cardStatusCode: 'G1',
      updated: '2025-03-04',
      updatedBy: 'app',
      description: 'Card status changed from 00 to G1.',
    });
    const unblock = await setStatus(publicToken, { status: 'active' });
    const unblocked = unblock.json as Json;
    assert.deepEqual([unblock.status, unblocked.cardStatusCode, unblocked.updatedBy], [200, '00', 'Updated by not supplied']);
    for (const [body, why] of [
      [{ cardStatusCode: 'G9' }, 'Status G9 (IVR Lost Or Stolen) is set by Thredd, not by a client.'],
      [{ cardStatusCode: 'ZZ' }, /^ZZ is not a card status code: 00, 02/],
      [{ status: 'Frozen' }, /^"Frozen" is not a card status/],
      [{ cardStatusCode: '00', status: 'Lost Card' }, /name different statuses/],
    ] as const) {
      const refused = await setStatus(publicToken, body);
      assert.equal(refused.status, 422, JSON.stringify(body));
      assert.match(String((refused.json as Json).detail), typeof why === 'string' ? new RegExp(`^${why.replace(/[()]/g, '\\$&')}$`) : why);
    }
  });

  it('records loads and purchases (sandbox portal): the balance follows, and transactions list newest first', async () => {
    const publicToken = await create(physicalCard());
    const notActive = await record(publicToken, { type: 'purchase', amount: 5 });
    assert.deepEqual([notActive.response.status, notActive.json.code], [409, 'card_not_active']);
    const load = await record(publicToken, { type: 'load', amount: 100, note: 'Top-up' });
    assert.equal(load.response.status, 201);
    assert.deepEqual(load.json.balance, { currencyCode: 'GBP', cardBalance: 100, pendingAmount: 0, availableBalance: 100 });
    await setStatus(publicToken, { cardStatusCode: '00' });
    day = '2025-03-05';
    const purchase = await record(publicToken, { type: 'purchase', amount: 12.345 });
    assert.deepEqual((purchase.json.balance as Json).availableBalance, 87.65, 'amounts are kept to the cent');
    const tooMuch = await record(publicToken, { type: 'purchase', amount: 1000 });
    assert.deepEqual([tooMuch.response.status, tooMuch.json.code], [409, 'insufficient_funds']);
    const malformed = await record(publicToken, { type: 'refund', amount: -1 });
    assert.equal(malformed.response.status, 400);
    assert.match(
      String(malformed.json.message),
      /^type: The type field must be one of load, purchase\. amount: The amount field must be > 0/,
    );

    const listed = (await fixture.api('GET', `/cards/${publicToken}/transactions`)).json as Json[];
    const described = listed.map((item) => [(item.type as Json).code, (item.amount as Json).billingValue, item.note]);
    assert.deepEqual(described, [
      ['P', 12.35, null],
      ['L', 100, 'Top-up'],
    ]);
    const onFourth = (await fixture.api('GET', `/cards/${publicToken}/transactions?fromDate=20250304&toDate=20250304`)).json as Json[];
    assert.deepEqual(
      onFourth.map((item) => item.id),
      [listed[1].id],
    );
    const backwards = await fixture.api('GET', `/cards/${publicToken}/transactions?fromDate=20250305&toDate=20250301`);
    assert.equal(backwards.status, 422);
    const detail = (await fixture.api('GET', `/portal/transactions/single/${String(listed[0].id)}`)).json as Json;
    const shown = [detail.pubToken, detail.billingAmountWithDirection, detail.transactionTypeDescription];
    assert.deepEqual(shown, [publicToken, -12.35, 'Presentment']);
    day = '2025-03-04';
  });

  it('brings the balance to 0.00 when the card is voided (99) or refunded (98)', async () => {
    for (const code of ['98', '99']) {
      const publicToken = await create(physicalCard());
      await record(publicToken, { type: 'load', amount: 40 });
      const changed = await setStatus(publicToken, { cardStatusCode: code });
      assert.match(String((changed.json as Json).description), /The balance is now 0\.00\.$/);
      const balance = (await fixture.api('GET', `/cards/${publicToken}/balance`)).json as Json;
      assert.deepEqual([balance.cardBalance, balance.availableBalance], [0, 0], code);
    }
  });
});
