// Thredd's facts in one place: regions, headers, API roots and the operations with their scopes, schemas and
// examples. The editor, the CLI and the sandbox read them from here, so they never disagree. Validation against
// the schemas is in ./validation, imported by path: it loads ajv, which this index must not pull in.
export { REGIONS, REGION_CODES, REGION_NAMES, isRegionCode, type RegionCode } from './regions';
export { REQUEST_HEADERS, RESPONSE_CACHE_CONTROL, type RequestHeader } from './headers';
export { FAIR_USAGE_CONNECTION_LIMIT, FAIR_USAGE_SUB_STATUS } from './fairUsage';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_LIFETIME_MS } from './idempotency';
export { API_HUB_ROOT, API_ROOTS, CARDS_API_ROOT, SANDBOX_API_ROOT } from './apiRoots';
export { OPERATIONS, operationById, type OperationId } from './operations';
export { OPERATION_SCOPES, scopesOf } from './scopes';
export { matchOperation, type OperationMatch } from './matchOperation';
export { exampleRequest, requestNameOf, successExample, type ExampleRequestOptions } from './exampleRequest';
export { pathSegments, RouteTable, type PathParams, type RouteMatch } from './routeTable';
export {
  ACTIVE_CARD_STATUS,
  CARD_STATUS_CODES,
  cardStatusByCode,
  cardStatusDescription,
  CLIENT_SETTABLE_CARD_STATUS_CODES,
  INACTIVE_CARD_STATUS,
  PERMANENT_CARD_STATUS_CODES,
  TEMPORARY_BLOCK_CARD_STATUS_CODES,
  type CardStatusCode,
} from './cardStatusCodes';
export { CARD_TYPES, type CardType } from './schemas/cardFields';
export { CONTROL_GROUP_TYPES } from './schemas/groups';
export {
  BUSINESS_RULE_KEY,
  PROBLEM_DETAILS,
  problem,
  TRACE_ID_PATTERN,
  VALIDATION_PROBLEM_DETAILS,
  validationProblem,
  type FieldErrors,
} from './schemas/problemDetails';
export { SCHEMA_DIALECT } from './types';
export type * from './types';
