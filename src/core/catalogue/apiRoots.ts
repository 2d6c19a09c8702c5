/**
 * Where the operations' paths start on Thredd's hosts: API Hub (uat-api, uat-mtls, api and mtls.thredd.com)
 * serves them under /core/api/v1, as in the guide's example GET /core/api/v1/products; the Cards API hosts
 * (api.uat.threddpay.com/api/v1) under /api/v1.
 */
export const API_HUB_ROOT = '/core/api/v1';
export const CARDS_API_ROOT = '/api/v1';

export const API_ROOTS: readonly string[] = [API_HUB_ROOT, CARDS_API_ROOT];

/** The sandbox stands in for API Hub, so it serves the operations under API Hub's root. */
export const SANDBOX_API_ROOT = API_HUB_ROOT;
