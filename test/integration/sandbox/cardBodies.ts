// Create Card bodies for the sandbox tests, taken from the catalogue's own examples so they stay valid as it grows.
import { operationById } from '../../../src/core/catalogue';

function exampleBody(id: string): Record<string, unknown> {
  const example = operationById('cards.create').examples.find((each) => each.id === id);
  if (!example) throw new Error(`cards.create has no example ${id}`);
  return structuredClone(example.request.body) as Record<string, unknown>;
}

/** A Physical card of product 1001, inactive until activated; `changes` replace members. */
export function physicalCard(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...exampleBody('physical-card'), ...changes };
}

/** A Virtual card of product 1003, active from the start. */
export function virtualCard(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...exampleBody('virtual-card'), ...changes };
}
