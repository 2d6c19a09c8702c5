import { operationById, OPERATIONS, SANDBOX_API_ROOT, type OperationId } from '../core/catalogue';
import { authorizeCall, requireRegion, type Caller, type VerifyAccessToken } from './apiAuth';
import { CARD_STATUSES, PRODUCTS, STATUS_TRANSITIONS, type Card, type CardStatus, type CardStore } from './cardData';
import { ApiError, readJsonBody } from './httpJson';
import type { RequestContext, RouteHandler, RouteResult } from './requestContext';
import type { Router } from './router';

export interface ApiDependencies {
  cards: CardStore;
  verifyAccessToken: VerifyAccessToken;
}

/** An operation as a request line names it, for messages: "POST /core/api/v1/cards". */
function requestLine(id: OperationId): string {
  const { method, path } = operationById(id);
  return `${method} ${SANDBOX_API_ROOT}${path}`;
}

/** The catalogue's operations this sandbox serves so far; part 2 of #13 serves the others. */
type ServedOperationId = Extract<OperationId, 'products.list' | 'cards.create' | 'cards.get' | 'cards.update'>;

/**
 * The API Hub subset: products, and cards created, read and changed in status. Each served operation of the
 * catalogue gets its route, at its method and path under API Hub's root, and nothing else.
 */
export function addApiRoutes(router: Router<RouteHandler>, dependencies: ApiDependencies): void {
  const handlers: Partial<Record<OperationId, RouteHandler>> = apiHandlers(dependencies);
  for (const operation of OPERATIONS) {
    const handler = handlers[operation.id];
    if (handler) router.add(operation.method, `${SANDBOX_API_ROOT}${operation.path}`, handler);
  }
}

function apiHandlers(dependencies: ApiDependencies): Record<ServedOperationId, (context: RequestContext) => Promise<RouteResult>> {
  const { cards } = dependencies;
  /** Token with the operation's scope first (401/403), then X-Region (400), as a gateway checks them. */
  const guard = async (context: RequestContext, id: OperationId): Promise<{ caller: Caller; region: string }> => {
    const caller = await authorizeCall(context.request.headers.authorization, operationById(id).scope, dependencies.verifyAccessToken, context.clientX5tS256);
    return { caller, region: requireRegion(context.request.headers['x-region']) };
  };
  const findCard = (context: RequestContext, caller: Caller): Card => {
    const card = cards.get(context.params.publicToken, caller.pmid);
    if (!card) throw new ApiError(404, 'card_not_found', `No card ${context.params.publicToken} for PMID ${caller.pmid}: use the id returned by ${requestLine('cards.create')}.`);
    return card;
  };

  return {
    'products.list': async (context) => {
      await guard(context, 'products.list');
      return { status: 200, body: { items: PRODUCTS, total: PRODUCTS.length } };
    },
    'cards.create': async (context) => {
      const { caller, region } = await guard(context, 'cards.create');
      const body = await readJsonBody(context.request);
      const card = cards.create({ ...validateNewCard(body), region, pmid: caller.pmid });
      const location = `${SANDBOX_API_ROOT}${operationById('cards.get').path.replace('{publicToken}', encodeURIComponent(card.id))}`;
      return { status: 201, headers: { location }, body: publicCard(card) };
    },
    'cards.get': async (context) => {
      const { caller } = await guard(context, 'cards.get');
      return { status: 200, body: publicCard(findCard(context, caller)) };
    },
    'cards.update': async (context) => {
      const { caller } = await guard(context, 'cards.update');
      const body = await readJsonBody(context.request);
      const { status, reason } = validateStatusChange(body);
      const card = findCard(context, caller);
      if (status !== card.status && !STATUS_TRANSITIONS[card.status].includes(status)) {
        const allowed = STATUS_TRANSITIONS[card.status];
        throw new ApiError(409, 'invalid_status_transition', `Card ${card.id} is ${card.status} and cannot become ${status}${allowed.length ? `; allowed: ${allowed.join(', ')}` : ` (${card.status} is final)`}.`);
      }
      return { status: 200, body: publicCard(status === card.status ? card : cards.setStatus(card, status, reason)) };
    },
  };
}

/** The card as the API returns it: the owning PMID is the caller's own, so it is left out. */
function publicCard(card: Card): Omit<Card, 'pmid'> {
  const shown: Partial<Card> = { ...card };
  delete shown.pmid;
  return shown as Omit<Card, 'pmid'>;
}

function refuseUnknownFields(body: Record<string, unknown>, allowed: readonly string[], what: string): void {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length) throw new ApiError(400, 'invalid_request', `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')} in ${what}; accepted: ${allowed.join(', ')}.`);
}

function requiredText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ApiError(400, 'invalid_request', `"${field}" is required and must be a non-empty string.`);
  if (value.length > 100) throw new ApiError(400, 'invalid_request', `"${field}" is longer than 100 characters.`);
  return value.trim();
}

function validateNewCard(body: Record<string, unknown>) {
  refuseUnknownFields(body, ['productId', 'cardholder', 'externalReference'], 'a new card');
  const productId = requiredText(body.productId, 'productId');
  if (!PRODUCTS.some((product) => product.productId === productId)) {
    throw new ApiError(400, 'invalid_request', `Unknown productId "${productId}": use one from ${requestLine('products.list')} (${PRODUCTS.map((product) => product.productId).join(', ')}).`);
  }
  const cardholder = body.cardholder;
  if (!cardholder || typeof cardholder !== 'object' || Array.isArray(cardholder)) {
    throw new ApiError(400, 'invalid_request', '"cardholder" is required: { "firstName": "...", "lastName": "..." }.');
  }
  const holder = cardholder as Record<string, unknown>;
  refuseUnknownFields(holder, ['firstName', 'lastName'], '"cardholder"');
  const externalReference = body.externalReference === undefined ? undefined : requiredText(body.externalReference, 'externalReference');
  return { productId, cardholder: { firstName: requiredText(holder.firstName, 'cardholder.firstName'), lastName: requiredText(holder.lastName, 'cardholder.lastName') }, externalReference };
}

function validateStatusChange(body: Record<string, unknown>): { status: CardStatus; reason?: string } {
  refuseUnknownFields(body, ['status', 'reason'], 'a status change');
  const status = body.status;
  if (typeof status !== 'string' || !(CARD_STATUSES as readonly string[]).includes(status)) {
    throw new ApiError(400, 'invalid_request', `"status" must be one of ${CARD_STATUSES.join(', ')}${status === undefined ? '' : ` (got ${JSON.stringify(status)})`}.`);
  }
  const reason = body.reason === undefined ? undefined : requiredText(body.reason, 'reason');
  return { status: status as CardStatus, reason };
}
