import { API_ROOTS } from './apiRoots';
import { OPERATIONS } from './operations';
import { pathSegments, RouteTable, type PathParams } from './routeTable';
import type { CatalogueOperation } from './types';

export type OperationMatch =
  | {
      kind: 'found';
      operation: CatalogueOperation;
      params: PathParams;
      /** The API root the path started with; undefined when it followed a `{{variable}}` that may hold it. */
      apiRoot?: string;
    }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

const VARIABLE_PREFIX = /^\{\{[^{}]*\}\}/;
const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:\/\//i;

const tables = new WeakMap<readonly CatalogueOperation[], RouteTable<CatalogueOperation>>();

/**
 * The catalogue operation a request is for. `target` is a full URL, a path from the host's root, or a
 * request file's URL still starting with its `{{baseUrl}}`. The API root after the origin, /core/api/v1
 * (API Hub) or /api/v1 (Cards API), is stripped. A path without a root matches only after a variable,
 * whose value may end in the root (the Cards API's base URL does). Query and fragment are ignored.
 */
export function matchOperation(method: string, target: string, operations: readonly CatalogueOperation[] = OPERATIONS): OperationMatch {
  const located = locate(target.trim());
  if (!located) return { kind: 'none' };
  const match = tableOf(operations).matchSegments(method.toUpperCase(), located.segments);
  return match.kind === 'found' ? { kind: 'found', operation: match.handler, params: match.params, apiRoot: located.apiRoot } : match;
}

/** The path's segments below the API root, and the root, or undefined when the target has no root. */
function locate(target: string): { segments: string[]; apiRoot?: string } | undefined {
  const variable = VARIABLE_PREFIX.exec(target)?.[0];
  const path = variable ? target.slice(variable.length) : ABSOLUTE_URL.test(target) ? urlPath(target) : target;
  const segments = path === undefined ? undefined : pathSegments(path.split(/[?#]/, 1)[0]);
  if (!segments) return undefined;
  for (const root of API_ROOTS) {
    const rootSegments = root.split('/').filter(Boolean);
    if (rootSegments.every((segment, index) => segments[index] === segment))
      return { segments: segments.slice(rootSegments.length), apiRoot: root };
  }
  return variable ? { segments } : undefined;
}

function urlPath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

function tableOf(operations: readonly CatalogueOperation[]): RouteTable<CatalogueOperation> {
  let table = tables.get(operations);
  if (!table) {
    table = new RouteTable<CatalogueOperation>();
    for (const operation of operations) table.add(operation.method, operation.path, operation);
    tables.set(operations, table);
  }
  return table;
}
