import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OPERATIONS, type CatalogueExample, type CatalogueOperation } from '../../../src/core/catalogue';
import { validateResponseBody } from '../../../src/core/catalogue/validation';
import { physicalCard, virtualCard } from './cardBodies';
import { startSandboxFixture, type SandboxFixture } from './sandboxFixture';

/** The day of the catalogue's examples: cards made then and their loads fall in the examples' date ranges. */
const EXAMPLES_DAY = new Date('2025-03-04T09:15:27Z');

let fixture: SandboxFixture;

/**
 * A card in the state the example gives (Physical unless it says otherwise), loaded with 500.00 first so that
 * reads of its balance and transactions have something to show.
 */
async function cardFor(example: CatalogueExample): Promise<{ publicToken: string; loadId: number }> {
  const body = example.given?.cardType === 'Virtual' ? virtualCard() : physicalCard({ cardType: example.given?.cardType ?? 'Physical' });
  const created = await fixture.api('POST', '/cards', { body });
  assert.equal(created.status, 200, JSON.stringify(created.json));
  const { publicToken } = created.json as { publicToken: string };
  const load = await fixture.call('POST', `${fixture.sandbox.urls.portal}/cards/${publicToken}/transactions`, {
    tls: { ca: fixture.sandbox.caCertPem },
    body: { type: 'load', amount: 500 },
  });
  assert.equal(load.response.status, 201, JSON.stringify(load.json));
  const wanted = example.given?.cardStatusCode;
  const current = ((await fixture.api('GET', `/cards/${publicToken}/status`)).json as { cardStatusCode: string }).cardStatusCode;
  if (wanted && wanted !== current) {
    const changed = await fixture.api('PUT', `/cards/${publicToken}/status`, { body: { cardStatusCode: wanted } });
    assert.equal(changed.status, 200, `given status ${wanted}: ${JSON.stringify(changed.json)}`);
  }
  return { publicToken, loadId: (load.json.transaction as { id: number }).id };
}

/** The example's path parameters, or real ones of a card made for it unless the example's own are the point. */
async function pathParams(example: CatalogueExample): Promise<Record<string, string>> {
  const params = { ...example.request.pathParams };
  if (example.request.literalPathParams || Object.keys(params).length === 0) return params;
  const card = await cardFor(example);
  if ('publicToken' in params) params.publicToken = card.publicToken;
  if ('transactionId' in params) params.transactionId = String(card.loadId);
  return params;
}

async function send(operation: CatalogueOperation, example: CatalogueExample) {
  const params = await pathParams(example);
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
  const query = new URLSearchParams(example.request.query ?? {}).toString();
  const { body, headers } = example.request;
  return fixture.api(operation.method, `${path}${query ? `?${query}` : ''}`, { body, headers });
}

describe('the sandbox against the catalogue: every example sent over mTLS with a real token', () => {
  before(async () => {
    fixture = await startSandboxFixture({ clock: () => new Date(EXAMPLES_DAY) });
  });
  after(() => fixture.close());

  for (const operation of OPERATIONS) {
    for (const example of operation.examples) {
      it(`${operation.id}/${example.id}: answers ${example.response.status} with a body its schema for that status accepts`, async () => {
        const answer = await send(operation, example);
        assert.equal(answer.status, example.response.status, JSON.stringify(answer.json));
        assert.equal(validateResponseBody(operation, answer.status, answer.json), undefined, JSON.stringify(answer.json));
        const expected = example.response.body as Record<string, unknown> | undefined;
        const actual = answer.json as Record<string, unknown> | undefined;
        // A problem says what the example's says: the same field errors (or rule) and, where it has one, detail.
        if (expected && 'errors' in expected) assert.deepEqual(actual?.errors, expected.errors);
        if (expected && 'detail' in expected) assert.equal(actual?.detail, expected.detail);
      });
    }
  }

  it('answers the example of the transactions of March 2025 with the load made on 4 March', async () => {
    const operation = OPERATIONS.find((each) => each.id === 'cards.transactions.list')!;
    const answer = await send(
      operation,
      operation.examples.find((example) => example.id === 'march')!,
    );
    const transactions = answer.json as { type: { code: string }; amount: { billingValue: number }; dateTime: string }[];
    assert.deepEqual(
      transactions.map((transaction) => [transaction.type.code, transaction.amount.billingValue, transaction.dateTime.slice(0, 10)]),
      [['L', 500, '2025-03-04']],
    );
  });
});
