/**
 * Thredd's fair usage policy (Using the API; the SOAP Web Services Guide 55896911850 says the same): at most 20
 * concurrent web service connections per client IP address; past that the answer is "HTTP 403, sub-status 501".
 * How the sub-status reaches a client is not published: it is an IIS notion (403.501).
 */
export const FAIR_USAGE_CONNECTION_LIMIT = 20;

export const FAIR_USAGE_SUB_STATUS = 501;
