import type { JsonSchema } from '../types';
import { integer, nullable, object, text } from './build';

/**
 * A W3C traceparent (Trace Context §3.2): version 00, trace id, parent id, flags. Both published examples end in
 * -00; the flags are any two hex digits here, as ASP.NET sets them from sampling.
 */
export const TRACE_ID_PATTERN = '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

/**
 * Thredd's errors are RFC 7807 problem details (Errors page 56089822997; the OpenAPI's ProblemDetails and
 * ValidationProblemDetails): every member may be null and extra members are allowed, which is how `traceId`
 * arrives. A 400 or 422 adds `errors`, field name to messages; business rules go under the key `Messages`
 * (the 422 example in the release notes of 14 June 2024, 55942593559).
 */
const problemMembers = {
  type: nullable(text('A URI naming the kind of problem.')),
  title: nullable(text('A short summary of the kind of problem, the same for every occurrence.')),
  status: nullable(integer('The HTTP status code of the answer, repeated in the body.')),
  detail: nullable(text('What went wrong this time.')),
  instance: nullable(text('A URI naming this occurrence of the problem.')),
  // Not in the OpenAPI's schema; the Errors page describes it and every published example carries one.
  traceId: text('The W3C trace id of the call (00-<32 hex>-<16 hex>-00): quote it to Thredd support.', { pattern: TRACE_ID_PATTERN }),
};

export const PROBLEM_DETAILS: JsonSchema = object('An error: what went wrong, as RFC 7807 problem details.', problemMembers);

export const VALIDATION_PROBLEM_DETAILS: JsonSchema = object('A refused request: the fields at fault, each with what is wrong with it.', {
  ...problemMembers,
  errors: nullable({
    type: 'object',
    description: 'By field (cardHolder.dateOfBirth), or Messages for a business rule: the messages about it.',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  }),
});

/**
 * The `type` and `title` ASP.NET Core gives each status, which Thredd's published problems use. Thredd's 401 and 403
 * have no body; a server that explains them (the sandbox) uses these.
 */
const PROBLEM_KINDS: Readonly<Record<number, { type: string; title: string }>> = {
  400: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1', title: 'One or more validation errors occurred.' },
  401: { type: 'https://tools.ietf.org/html/rfc7235#section-3.1', title: 'Unauthorized' },
  403: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.3', title: 'Forbidden' },
  404: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4', title: 'Not Found' },
  405: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.5', title: 'Method Not Allowed' },
  409: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.8', title: 'Conflict' },
  422: { type: 'https://tools.ietf.org/html/rfc4918#section-11.2', title: 'One or more validation errors occurred.' },
  500: { type: 'https://tools.ietf.org/html/rfc7231#section-6.6.1', title: 'An error occurred while processing your request.' },
  503: { type: 'https://tools.ietf.org/html/rfc7231#section-6.6.4', title: 'Service Unavailable' },
};

/** The trace id our examples show; a server makes a new one for each call. */
const EXAMPLE_TRACE_ID = '00-5d1c9e0a7b3f4e2d8c6a1b0f9e8d7c6b-3a2b1c0d9e8f7a6b-00';

export type FieldErrors = Record<string, string[]>;

/** A 400 or 422 body, as the examples show it and a server answers. */
export function validationProblem(status: 400 | 422, errors: FieldErrors, traceId = EXAMPLE_TRACE_ID): Record<string, unknown> {
  return { ...PROBLEM_KINDS[status], status, traceId, errors };
}

/** The body of any other problem: what went wrong, as `detail`. */
export function problem(
  status: 401 | 403 | 404 | 405 | 409 | 500 | 503,
  detail: string,
  traceId = EXAMPLE_TRACE_ID,
): Record<string, unknown> {
  return { ...PROBLEM_KINDS[status], status, detail, traceId };
}

export { BUSINESS_RULE_KEY } from '../problemKeys';
