import { getCardBalance } from './operations/balance';
import { getCard, updateCard } from './operations/cards';
import { getCardStatus, updateCardStatus } from './operations/cardStatus';
import { createCard } from './operations/createCard';
import { listGroups } from './operations/groups';
import { getProduct, listProducts } from './operations/products';
import { getTransaction, listCardTransactions } from './operations/transactions';
import type { CatalogueOperation } from './types';

/**
 * The operations of Thredd's Cards API the extension knows, in the order a newcomer meets them. Their
 * paths are relative to an API root (apiRoots.ts). Page ids are those of Thredd's public documentation.
 * Reads need cards.read and writes cards.write (Connecting to Thredd guide v1.1, "Understanding Scopes").
 */
export const OPERATIONS = [
  listProducts,
  getProduct,
  createCard,
  getCard,
  updateCard,
  getCardStatus,
  updateCardStatus,
  getCardBalance,
  listCardTransactions,
  getTransaction,
  listGroups,
] as const satisfies readonly CatalogueOperation[];

export type OperationId = (typeof OPERATIONS)[number]['id'];

export function operationById(id: OperationId): CatalogueOperation {
  return OPERATIONS.find((operation) => operation.id === id)!;
}
