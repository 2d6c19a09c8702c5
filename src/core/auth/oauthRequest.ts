import type { HttpClient } from '../http/httpClient';
import { HttpError } from '../http/httpError';
import { formatBytes } from '../http/responseBody';
import type { HttpRequest, HttpResponse } from '../http/types';
import type { OAuthEndpoint } from './oauthErrors';

/**
 * OAuth answers (tokens, introspection, registrations) are a few KB. A larger body means a wrong URL
 * or a broken server: stop reading at 1 MiB, in memory, instead of spilling up to the general 1 GiB.
 */
export const OAUTH_MAX_RESPONSE_BYTES = 1024 * 1024;

const SETTING: Record<OAuthEndpoint, string> = {
  token: '"tokenUrl"',
  introspection: 'the introspection URL ("introspectionUrl")',
  registration: 'the registration URL',
};

/** Sends a request to an OAuth endpoint under the OAuth size limit; an oversized answer says which setting to check. */
export async function sendOAuthRequest(http: HttpClient, request: HttpRequest, endpoint: OAuthEndpoint): Promise<HttpResponse> {
  try {
    return await http.send({ ...request, bodyPolicy: { maxInMemoryBytes: OAUTH_MAX_RESPONSE_BYTES, maxBytes: OAUTH_MAX_RESPONSE_BYTES } });
  } catch (error) {
    if (!(error instanceof HttpError) || error.kind !== 'too-large') throw error;
    throw new HttpError(
      'too-large',
      `The ${endpoint} endpoint ${error.url} sent more than ${formatBytes(OAUTH_MAX_RESPONSE_BYTES)}, ` +
        'far more than any OAuth answer; it was discarded.',
      `Check that ${SETTING[endpoint]} points at the OAuth ${endpoint} endpoint, not at a web page or a download.`,
      error.url,
      error.detail,
    );
  }
}
