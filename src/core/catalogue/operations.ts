import type { CatalogueOperation } from './types';

/**
 * The operations of Thredd's Cards API the extension knows, in the order a newcomer meets them. Their
 * paths are relative to an API root (apiRoots.ts). Page ids are those of Thredd's public documentation.
 */
export const OPERATIONS = [
  {
    id: 'products.list',
    method: 'GET',
    path: '/products',
    summary: 'Lists the card products the Program Manager can issue cards of.',
    scope: 'cards.read',
    idempotencyKey: false,
    sources: [],
  },
  {
    id: 'cards.create',
    method: 'POST',
    path: '/cards',
    summary: 'Creates a card of a product for a cardholder; it starts inactive.',
    scope: 'cards.write',
    idempotencyKey: true,
    sources: ['55760796702', '55619354699'],
  },
  {
    id: 'cards.get',
    method: 'GET',
    path: '/cards/{publicToken}',
    summary: 'Reads one card by its public token (never by its PAN).',
    scope: 'cards.read',
    idempotencyKey: false,
    sources: ['55784324717'],
  },
  {
    id: 'cards.update',
    method: 'PATCH',
    path: '/cards/{publicToken}',
    summary: 'Changes a card.',
    scope: 'cards.write',
    idempotencyKey: true,
    sources: ['55909453213'],
  },
] as const satisfies readonly CatalogueOperation[];

export type OperationId = (typeof OPERATIONS)[number]['id'];

export function operationById(id: OperationId): CatalogueOperation {
  return OPERATIONS.find((operation) => operation.id === id)!;
}
