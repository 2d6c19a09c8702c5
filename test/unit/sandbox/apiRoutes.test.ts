import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { matchOperation, SANDBOX_API_ROOT } from '../../../src/core/catalogue';
import { addApiRoutes } from '../../../src/sandbox/apiRoutes';
import { CardStore } from '../../../src/sandbox/cardData';
import type { RequestContext, RouteHandler, RouteResult } from '../../../src/sandbox/requestContext';
import { Router } from '../../../src/sandbox/router';
import { SERVED_OPERATIONS } from '../../support/notYetServed';

/** The API routes as the sandbox adds them, for a token with every scope of PMID PM-1. */
async function apiRouter(): Promise<Router<RouteHandler>> {
  const router = new Router<RouteHandler>();
  addApiRoutes(router, { cards: await CardStore.open(), verifyAccessToken: async () => ({ client_id: 'client-1', pmid: 'PM-1', scope: 'cards.read cards.write' }) });
  return router;
}

/** A request as node:http hands it to the router: headers, and the body as a stream. */
function request(headers: Record<string, string>, body?: unknown): IncomingMessage {
  return Object.assign(Readable.from(body === undefined ? [] : [Buffer.from(JSON.stringify(body))]), { headers }) as unknown as IncomingMessage;
}

async function call(router: Router<RouteHandler>, method: string, path: string, body?: unknown): Promise<RouteResult> {
  const match = router.match(method, path);
  assert.equal(match.kind, 'found', `${method} ${path}`);
  if (match.kind !== 'found') throw new Error('unreachable');
  const headers: Record<string, string> = { authorization: 'Bearer token', 'x-region': '0', ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  const context: RequestContext = { request: request(headers, body), url: new URL(path, 'https://sandbox.test'), params: match.params, listener: 'tls' };
  return match.handler(context);
}

describe('the sandbox API and the catalogue', () => {
  it('serves the catalogue\'s operations but those NOT_YET_SERVED, each at its method and path under API Hub\'s root', async () => {
    const served = (await apiRouter()).routes().map((route) => `${route.method} ${route.template}`);
    const expected = SERVED_OPERATIONS.map((operation) => `${operation.method} ${SANDBOX_API_ROOT}${operation.path}`);
    assert.deepEqual(served.sort(), expected.sort());
  });

  it('answers with a result ({ status, headers, body }) for the request handler to write, not by writing it', async () => {
    const router = await apiRouter();
    const products = await call(router, 'GET', `${SANDBOX_API_ROOT}/products`);
    assert.equal(products.status, 200);
    assert.ok('body' in products && (products.body as { total: number }).total > 0);

    const created = await call(router, 'POST', `${SANDBOX_API_ROOT}/cards`, { productId: '1001', cardholder: { firstName: 'Ada', lastName: 'Lovelace' } });
    assert.equal(created.status, 201);
    assert.ok('body' in created);
    const card = created.body as { id: string; status: string };
    assert.equal(card.status, 'INACTIVE');
    const location = matchOperation('GET', created.headers?.location ?? '');
    assert.deepEqual(location.kind === 'found' && [location.operation.id, location.params], ['cards.get', { publicToken: card.id }], 'Location names the card\'s catalogue operation');

    const activated = await call(router, 'PATCH', `${SANDBOX_API_ROOT}/cards/${card.id}`, { status: 'ACTIVE' });
    assert.deepEqual([activated.status, 'body' in activated && (activated.body as { status: string }).status], [200, 'ACTIVE']);
  });
});
