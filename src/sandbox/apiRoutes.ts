import { OPERATIONS, SANDBOX_API_ROOT, type OperationId } from '../core/catalogue';
import { balanceHandlers } from './api/balance';
import { cardHandlers } from './api/cards';
import { cardStatusHandlers } from './api/cardStatus';
import type { OperationHandler } from './api/operationCall';
import { operationRoute, type OperationRouteDependencies } from './api/operationRoute';
import { productHandlers } from './api/products';
import { transactionHandlers } from './api/transactions';
import type { CardStore } from './cardStore';
import type { RouteHandler } from './requestContext';
import type { Router } from './router';

export interface ApiDependencies extends OperationRouteDependencies {
  cards: CardStore;
  /** Statuses a card keeps once it has them (default: the catalogue's PERMANENT_CARD_STATUS_CODES). */
  permanentStatusCodes: readonly string[];
}

/**
 * Thredd's Cards API as the catalogue describes it: every operation at its method and path under API Hub's root,
 * each answered by its handler behind the same checks (api/operationRoute.ts).
 */
export function addApiRoutes(router: Router<RouteHandler>, dependencies: ApiDependencies): void {
  const handlers = apiHandlers(dependencies);
  for (const operation of OPERATIONS) {
    router.add(operation.method, `${SANDBOX_API_ROOT}${operation.path}`, operationRoute(operation, handlers[operation.id], dependencies));
  }
}

/** One handler for each operation of the catalogue: the type fails to check when one is missing. */
function apiHandlers({ cards, permanentStatusCodes }: ApiDependencies): Record<OperationId, OperationHandler> {
  return {
    ...productHandlers(),
    ...cardHandlers(cards),
    ...cardStatusHandlers(cards, new Set(permanentStatusCodes)),
    ...balanceHandlers(cards),
    ...transactionHandlers(cards),
  };
}
