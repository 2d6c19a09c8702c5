import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { OPERATIONS, PERMANENT_CARD_STATUS_CODES, SANDBOX_API_ROOT } from '../../../src/core/catalogue';
import { IdempotencyStore } from '../../../src/sandbox/api/idempotency';
import { addApiRoutes } from '../../../src/sandbox/apiRoutes';
import { CardStore } from '../../../src/sandbox/cardStore';
import type { RequestContext, RouteHandler, RouteResult } from '../../../src/sandbox/requestContext';
import { Router } from '../../../src/sandbox/router';

const clock = () => new Date('2025-03-04T09:15:27Z');

/** The API routes as the sandbox adds them, for a token with every scope of PMID PM-1. */
async function apiRouter(): Promise<Router<RouteHandler>> {
  const router = new Router<RouteHandler>();
  addApiRoutes(router, {
    cards: await CardStore.open(),
    clock,
    idempotency: new IdempotencyStore({ clock }),
    permanentStatusCodes: PERMANENT_CARD_STATUS_CODES,
    // The token names its Program Manager: "Bearer PM-2" is a client of PM-2.
    verifyAccessToken: async (token) => ({ client_id: `client-of-${token}`, pmid: token, scope: 'cards.read cards.write' }),
  });
  return router;
}

/** A request as node:http hands it to the router: headers, and the body as a stream. */
function request(method: string, headers: Record<string, string>, body?: unknown): IncomingMessage {
  const stream = Readable.from(body === undefined ? [] : [Buffer.from(JSON.stringify(body))]);
  return Object.assign(stream, { method, headers }) as unknown as IncomingMessage;
}

const TRACE_ID = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-00`;

async function call(
  router: Router<RouteHandler>,
  method: string,
  path: string,
  body?: unknown,
  pmid = 'PM-1',
): Promise<RouteResult & { body?: unknown }> {
  const match = router.match(method, path);
  assert.equal(match.kind, 'found', `${method} ${path}`);
  if (match.kind !== 'found') throw new Error('unreachable');
  const headers: Record<string, string> = { authorization: `Bearer ${pmid}`, 'x-region': '0' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const url = new URL(path, 'https://sandbox.test');
  const context: RequestContext = {
    request: request(method, headers, body),
    url,
    params: match.params,
    listener: 'tls',
    traceId: TRACE_ID,
  };
  return match.handler(context);
}

describe('the sandbox API and the catalogue', () => {
  it("serves every one of the catalogue's operations, each at its method and path under API Hub's root", async () => {
    const served = (await apiRouter()).routes().map((route) => `${route.method} ${route.template}`);
    const expected = OPERATIONS.map((operation) => `${operation.method} ${SANDBOX_API_ROOT}${operation.path}`);
    assert.deepEqual(served.sort(), expected.sort());
  });

  it('answers with a result ({ status, headers, body }) for the request handler to write, not by writing it', async () => {
    const router = await apiRouter();
    const products = await call(router, 'GET', `${SANDBOX_API_ROOT}/products`);
    assert.equal(products.status, 200);
    assert.ok(Array.isArray(products.body) && products.body.length > 0);

    const physical = operationExample('cards.create', 'physical-card');
    const created = await call(router, 'POST', `${SANDBOX_API_ROOT}/cards`, physical);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const { publicToken } = created.body as { publicToken: string };
    const status = await call(router, 'GET', `${SANDBOX_API_ROOT}/cards/${publicToken}/status`);
    assert.deepEqual(status.body, { status: 'Inactive', cardStatusCode: '02', cardStatusDescription: '02 (Inactive)' });

    const unknown = await call(router, 'GET', `${SANDBOX_API_ROOT}/cards/999999999`);
    assert.equal(unknown.status, 404);
    assert.equal((unknown.body as { traceId: string }).traceId, TRACE_ID, "a problem carries the call's traceId");
    assert.match(String(unknown.headers?.['content-type']), /^application\/problem\+json/);
  });
});

describe('cards of another Program Manager', () => {
  it('are unknown (404) to every card operation, as a card no one has', async () => {
    const router = await apiRouter();
    const created = await call(router, 'POST', `${SANDBOX_API_ROOT}/cards`, operationExample('cards.create', 'virtual-card'));
    const { publicToken } = created.body as { publicToken: string };
    for (const operation of OPERATIONS.filter((each) => each.path.startsWith('/cards/{publicToken}'))) {
      const example = operation.examples.find((each) => each.response.status < 300)!;
      const path = `${SANDBOX_API_ROOT}${operation.path.replace('{publicToken}', publicToken)}`;
      const mine = await call(router, operation.method, path, example.request.body);
      const theirs = await call(router, operation.method, path, example.request.body, 'PM-2');
      assert.ok(mine.status < 300, `${operation.id} for its own PMID: ${mine.status} ${JSON.stringify(mine.body)}`);
      assert.equal(theirs.status, 404, operation.id);
      assert.equal((theirs.body as { detail: string }).detail, `No card with public token ${publicToken} was found.`);
    }
  });
});

function operationExample(operationId: string, exampleId: string): unknown {
  return OPERATIONS.find((operation) => operation.id === operationId)!.examples.find((example) => example.id === exampleId)!.request.body;
}
