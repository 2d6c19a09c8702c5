import { OPERATIONS } from './operations';
import type { CatalogueOperation } from './types';

/** The scopes these operations need, each once and sorted: what a client asks for to call them all. */
export function scopesOf(operations: readonly Pick<CatalogueOperation, 'scope'>[]): string[] {
  return [...new Set(operations.map((operation) => operation.scope))].sort();
}

/** Every scope the catalogue's operations need. */
export const OPERATION_SCOPES: readonly string[] = scopesOf(OPERATIONS);
