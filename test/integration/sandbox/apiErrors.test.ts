import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RESPONSE_CACHE_CONTROL } from '../../../src/core/catalogue';
import { physicalCard } from './cardBodies';
import { API, startSandboxFixture, type SandboxFixture } from './sandboxFixture';

const FRESH_TRACE_ID = /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/;

/** A card made for a test, in the status it asks for. */
async function cardWithStatus(fixture: SandboxFixture, cardStatusCode?: string): Promise<string> {
  const created = await fixture.api('POST', '/cards', { body: physicalCard() });
  const { publicToken } = created.json as { publicToken: string };
  if (cardStatusCode) assert.equal((await fixture.api('PUT', `/cards/${publicToken}/status`, { body: { cardStatusCode } })).status, 200);
  return publicToken;
}

describe("the sandbox API's refusals, as Thredd's problem details", () => {
  let fixture: SandboxFixture;
  before(async () => {
    fixture = await startSandboxFixture();
  });
  after(() => fixture.close());

  it('refuses a malformed body with a 400 keyed by field, and a W3C traceId made for the call', async () => {
    const { cardHolder } = physicalCard() as { cardHolder: Record<string, unknown> };
    const body = physicalCard({ cardType: 'Plastic', cardHolder: { ...cardHolder, dateOfBirth: undefined } });
    const answer = await fixture.api('POST', '/cards', { body });
    assert.equal(answer.status, 400);
    assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
    const problem = answer.json as Record<string, unknown>;
    assert.deepEqual(
      { type: problem.type, title: problem.title, status: problem.status, errors: problem.errors },
      {
        type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: {
          cardType: ['The cardType field must be one of Physical, Virtual, MasterVirtual.'],
          'cardHolder.dateOfBirth': ['The dateOfBirth field is required.'],
        },
      },
    );
    assert.match(String(problem.traceId), FRESH_TRACE_ID);
    const again = await fixture.api('POST', '/cards', { body: {} });
    assert.notEqual((again.json as { traceId: string }).traceId, problem.traceId, 'each call has its own trace');
  });

  it("keeps the trace id of the request's traceparent in the problem's traceId, with a span of its own", async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const answer = await fixture.api('GET', '/cards/999999999', { headers: { traceparent } });
    const traceId = String((answer.json as { traceId: string }).traceId);
    assert.match(traceId, /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00$/);
    assert.notEqual(traceId.split('-')[2], '00f067aa0ba902b7');
    const invalid = await fixture.api('GET', '/cards/999999999', { headers: { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` } });
    assert.doesNotMatch(String((invalid.json as { traceId: string }).traceId), /^00-0{32}-/, 'an all-zero trace id is not a trace');
  });

  it('answers 404 ProblemDetails for a path the API does not have, and for a card, product or transaction no one has', async () => {
    for (const [path, detail] of [
      ['/cardz', /^The sandbox has no \/core\/api\/v1\/cardz: its API is under \/core\/api\/v1 \(products, cards, portal, groups\)/],
      ['/cards/123456789/pin', /^The sandbox has no /],
      ['/cards/123456789', /^No card with public token 123456789 was found\.$/],
      ['/products/4242', /^No product with id 4242 was found\.$/],
      ['/portal/transactions/single/4242', /^No transaction with id 4242 was found\.$/],
    ] as const) {
      const answer = await fixture.api('GET', path);
      const problem = answer.json as Record<string, unknown>;
      const kind = [problem.type, problem.title, problem.status];
      assert.deepEqual([answer.status, ...kind], [404, 'https://tools.ietf.org/html/rfc7231#section-6.5.4', 'Not Found', 404], path);
      assert.match(String(problem.detail), detail);
      assert.match(String(problem.traceId), FRESH_TRACE_ID);
    }
    const outside = await fixture.call('GET', `${fixture.sandbox.urls.tls}/nothing-here`, { tls: { ca: fixture.sandbox.caCertPem } });
    assert.equal(outside.response.status, 404, 'a path outside the API root too');
  });

  it('answers 405 with Allow for a path of the API called with another method', async () => {
    const answer = await fixture.api('DELETE', '/cards/123456789');
    assert.equal(answer.status, 405);
    assert.equal(answer.headers.allow, 'GET, PATCH');
    assert.equal((answer.json as { detail: string }).detail, 'DELETE is not allowed on /core/api/v1/cards/123456789; use GET or PATCH.');
  });

  it('refuses to change a permanent status (41, 43, 83) with a 422 that says why', async () => {
    for (const [code, words] of [
      ['41', 'Lost Card'],
      ['43', 'Stolen Card'],
      ['83', 'Card Destroyed'],
    ]) {
      const publicToken = await cardWithStatus(fixture, code);
      const answer = await fixture.api('PUT', `/cards/${publicToken}/status`, { body: { cardStatusCode: '00' } });
      const why = `The card has the permanent status ${code} (${words}) and cannot be changed.`;
      assert.equal(answer.status, 422, code);
      assert.deepEqual(answer.json, {
        type: 'https://tools.ietf.org/html/rfc4918#section-11.2',
        title: 'One or more validation errors occurred.',
        status: 422,
        traceId: (answer.json as { traceId: string }).traceId,
        errors: { Messages: [why] },
        detail: why,
      });
      const status = await fixture.api('GET', `/cards/${publicToken}/status`);
      assert.equal((status.json as { cardStatusCode: string }).cardStatusCode, code, 'the status stayed');
    }
  });

  it("sends Thredd's Cache-Control with every API answer: successes, problems, refusals at the gateway, a 204", async () => {
    const publicToken = await cardWithStatus(fixture);
    const answers = [
      await fixture.api('GET', '/products'),
      await fixture.api('PATCH', `/cards/${publicToken}`, { body: { customerReference: 'CUST-0100' } }),
      await fixture.api('GET', '/cards/999999999'),
      await fixture.api('GET', '/products', { headers: { 'x-region': '' } }),
      await fixture.api('GET', '/products', { headers: { authorization: '' } }),
    ];
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 204, 404, 400, 401],
    );
    for (const answer of answers) assert.equal(answer.headers['cache-control'], RESPONSE_CACHE_CONTROL, String(answer.status));
    const directives = RESPONSE_CACHE_CONTROL.split(', ').sort();
    assert.deepEqual(directives, ['max-age=0', 'must-revalidate', 'no-cache', 'no-store', 's-maxage=0']);
    const tls = { ca: fixture.sandbox.caCertPem };
    const certificateless = await fixture.call('GET', `${fixture.sandbox.urls.mtls}${API}/products`, { tls });
    assert.equal(certificateless.response.headers['cache-control'], RESPONSE_CACHE_CONTROL, "the mTLS gate's 400 too");
  });
});

describe('a sandbox whose permanent statuses are configured', () => {
  let fixture: SandboxFixture;
  before(async () => {
    fixture = await startSandboxFixture({ permanentCardStatusCodes: ['43'] });
  });
  after(() => fixture.close());

  it('lets a card lost (41) be found again, and keeps a stolen one (43) stolen', async () => {
    const lost = await cardWithStatus(fixture, '41');
    assert.equal((await fixture.api('PUT', `/cards/${lost}/status`, { body: { cardStatusCode: '00' } })).status, 200);
    const stolen = await cardWithStatus(fixture, '43');
    assert.equal((await fixture.api('PUT', `/cards/${stolen}/status`, { body: { cardStatusCode: '00' } })).status, 422);
  });
});
