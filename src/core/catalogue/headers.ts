import { IDEMPOTENCY_KEY_HEADER } from './idempotency';
import { OPERATIONS } from './operations';
import { REGIONS } from './regions';

export interface RequestHeader {
  name: string;
  /** Empty for the common HTTP headers, which need no explaining. */
  description: string;
}

/**
 * The headers Thredd's API Hub uses (Connecting to Thredd guide, "Headers"), the Cards API's idempotency key
 * (idempotency.ts), then common HTTP ones.
 */
export const REQUEST_HEADERS: readonly RequestHeader[] = [
  {
    name: 'X-Region',
    description: `Thredd region: ${REGIONS.map((region) => `${region.code} ${region.name}`).join(', ')} (mandatory on API Hub)`,
  },
  { name: 'Authorization', description: 'Bearer token; added from the environment when absent' },
  { name: 'Content-Type', description: 'application/json for API Hub bodies' },
  { name: 'Accept', description: 'What the response should be' },
  {
    name: IDEMPOTENCY_KEY_HEADER,
    description: `A GUID naming the request: a retry with it within an hour is answered as the first, not redone (${idempotentCalls()})`,
  },
  { name: 'User-Agent', description: '' },
  { name: 'If-Match', description: '' },
  { name: 'Cache-Control', description: '' },
];

/**
 * The Cache-Control every answer of Thredd's API carries, so browsers keep no copy of card data (release notes of
 * 14 June 2024, 55942593559). The directives are published; their order and spacing only in a screenshot.
 */
export const RESPONSE_CACHE_CONTROL = 'no-cache, no-store, must-revalidate, max-age=0, s-maxage=0';

/** The calls that honour the idempotency key, as a header's description lists them. */
function idempotentCalls(): string {
  return OPERATIONS.filter((operation) => operation.idempotencyKey)
    .map((operation) => `${operation.method} ${operation.path}`)
    .join(', ');
}
