import { API_HUB_ROOT, API_ROOTS, matchOperation, type CatalogueOperation } from '../catalogue';
import type { ParsedRequest, ParsedRequestFile } from '../requestFile';

/** The catalogue operation a request calls, by its method and URL (also one starting with `{{baseUrl}}`). */
export function operationOf(request: Pick<ParsedRequest, 'method' | 'url'>): CatalogueOperation | undefined {
  const match = matchOperation(request.method, request.url);
  return match.kind === 'found' ? match.operation : undefined;
}

/**
 * The API root to write after `{{baseUrl}}` in this file: none when the environment's base URL already ends
 * with one (the Cards API's does), else the root the file's requests use most, else API Hub's /core/api/v1.
 */
export function apiRootFor(file: ParsedRequestFile, baseUrl?: string): string {
  const basePath = baseUrl === undefined ? undefined : pathOf(baseUrl);
  if (basePath !== undefined && API_ROOTS.some((root) => basePath.endsWith(root))) return '';
  const uses = new Map<string, number>();
  for (const request of file.requests) {
    const match = matchOperation(request.method, request.url);
    if (match.kind === 'found' && match.apiRoot) uses.set(match.apiRoot, (uses.get(match.apiRoot) ?? 0) + 1);
  }
  return [...uses].sort((a, b) => b[1] - a[1])[0]?.[0] ?? API_HUB_ROOT;
}

function pathOf(url: string): string | undefined {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** The request whose block holds `line`: from its first line down to the line before the next request. */
export function requestForLine(file: ParsedRequestFile, line: number): ParsedRequest | undefined {
  let low = 0;
  let high = file.requests.length - 1;
  let found: ParsedRequest | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (file.requests[middle].range.start.line <= line) {
      found = file.requests[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Whether `line` is in the request's body, or below it within its block (a body being typed). */
export function inBody(request: ParsedRequest, line: number): boolean {
  return request.body !== undefined && line >= request.body.range.start.line;
}
