// Thredd's facts in one place: regions, headers, API roots and the operations with their scopes. The
// editor, the CLI and the sandbox read them from here, so they never disagree.
export { REGIONS, REGION_CODES, REGION_NAMES, isRegionCode, type RegionCode } from './regions';
export { REQUEST_HEADERS, type RequestHeader } from './headers';
export { API_HUB_ROOT, API_ROOTS, CARDS_API_ROOT, SANDBOX_API_ROOT } from './apiRoots';
export { OPERATIONS, operationById, type OperationId } from './operations';
export { OPERATION_SCOPES, scopesOf } from './scopes';
export { matchOperation, type OperationMatch } from './matchOperation';
export { pathSegments, RouteTable, type PathParams, type RouteMatch } from './routeTable';
export type * from './types';
