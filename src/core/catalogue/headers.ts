import { REGIONS } from './regions';

export interface RequestHeader {
  name: string;
  /** Empty for the common HTTP headers, which need no explaining. */
  description: string;
}

/** The headers Thredd's API Hub uses (Connecting to Thredd guide, "Headers"), then common HTTP ones. */
export const REQUEST_HEADERS: readonly RequestHeader[] = [
  { name: 'X-Region', description: `Thredd region: ${REGIONS.map((region) => `${region.code} ${region.name}`).join(', ')} (mandatory on API Hub)` },
  { name: 'Authorization', description: 'Bearer token; added from the environment when absent' },
  { name: 'Content-Type', description: 'application/json for API Hub bodies' },
  { name: 'Accept', description: 'What the response should be' },
  { name: 'Idempotency-Key', description: 'Repeat-safe POSTs' },
  { name: 'User-Agent', description: '' },
  { name: 'If-Match', description: '' },
  { name: 'Cache-Control', description: '' },
];
