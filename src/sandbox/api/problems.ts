import { BUSINESS_RULE_KEY, problem, validationProblem, type FieldErrors } from '../../core/catalogue';
import type { RouteResult } from '../requestContext';

const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * An answer of the API that is a problem (RFC 7807), shaped as the catalogue's ProblemDetails and
 * ValidationProblemDetails. Thrown by the API's checks and handlers; the request handler gives it the call's traceId
 * and writes it (problemResult).
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.detail ?? body.title));
    this.name = 'ApiProblem';
  }
}

/** A malformed request: the messages by field (ASP.NET's keys: cardHolder.dateOfBirth; '' for the body itself). */
export function invalidRequest(errors: FieldErrors, detail?: string): ApiProblem {
  return new ApiProblem(400, { ...validationProblem(400, errors), ...(detail ? { detail } : {}) });
}

/** A well-formed request that breaks a rule: Thredd lists these under `Messages` (release notes of 14 June 2024). */
export function brokenRule(why: string): ApiProblem {
  return new ApiProblem(422, { ...validationProblem(422, { [BUSINESS_RULE_KEY]: [why] }), detail: why });
}

export function notFound(detail: string): ApiProblem {
  return new ApiProblem(404, problem(404, detail));
}

export function methodNotAllowed(detail: string, allowed: readonly string[]): ApiProblem {
  return new ApiProblem(405, problem(405, detail), { allow: allowed.join(', ') });
}

/** 401 and 403 carry WWW-Authenticate (RFC 6750 §3); Thredd's have no body, the sandbox's say what was wrong. */
export function unauthorized(detail: string, headers: Record<string, string>): ApiProblem {
  return new ApiProblem(401, problem(401, detail), headers);
}

export function forbidden(detail: string, headers: Record<string, string> = {}, extensions: Record<string, unknown> = {}): ApiProblem {
  return new ApiProblem(403, { ...problem(403, detail), ...extensions }, headers);
}

export function serverError(detail: string): ApiProblem {
  return new ApiProblem(500, problem(500, detail));
}

export function unavailable(detail: string): ApiProblem {
  return new ApiProblem(503, problem(503, detail));
}

/** The problem as the answer written, with the call's traceId in place of the catalogue's example one. */
export function problemResult(problemAnswer: ApiProblem, traceId: string): RouteResult {
  return {
    status: problemAnswer.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...problemAnswer.headers },
    body: { ...problemAnswer.body, traceId },
  };
}
