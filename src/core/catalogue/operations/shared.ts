import { FAIR_USAGE_CONNECTION_LIMIT } from '../fairUsage';
import { problem, PROBLEM_DETAILS, VALIDATION_PROBLEM_DETAILS } from '../schemas/problemDetails';
import type { CatalogueBody, CatalogueExample, CatalogueOperation, CatalogueParameter, CatalogueResponse, JsonSchema } from '../types';

/** An operation whose id keeps its literal type, so OperationId lists every id. */
export function defineOperation<const Id extends string>(operation: CatalogueOperation & { id: Id }): CatalogueOperation & { id: Id } {
  return operation;
}

export function json(schema: JsonSchema): CatalogueBody {
  return { contentType: 'application/json', schema };
}

export const PUBLIC_TOKEN_PARAMETER: CatalogueParameter = {
  name: 'publicToken',
  in: 'path',
  description: "The card's public token (9 or 10 digits), as Create Card answered it.",
  required: true,
  // As the OpenAPI has it: any text. A token no card has is a 404, whatever its form.
  schema: { type: 'string' },
};

/** The error answers an operation documents beyond 401, 403 and 500, each with what causes it here. */
interface ErrorCauses {
  400?: string;
  404?: string;
  422?: string;
}

/**
 * An operation's answers: its success, the errors it documents, and those every call may get. The OpenAPI
 * lists 401 and 403 without a body. A missing scope is a 403 (Connecting guide v1.1, "Understanding Scopes"),
 * and so is passing the fair-usage limit of concurrent connections per IP address ("403, sub-status 501", fairUsage.ts).
 */
export function answers(success: Record<string, CatalogueResponse>, causes: ErrorCauses): Record<string, CatalogueResponse> {
  return {
    ...success,
    ...(causes[400] ? { 400: { description: causes[400], body: json(VALIDATION_PROBLEM_DETAILS) } } : {}),
    401: { description: 'The access token is missing, expired or not valid.' },
    403: {
      description:
        "The token lacks the operation's scope, " +
        `or more than ${FAIR_USAGE_CONNECTION_LIMIT} connections from your IP address are open.`,
    },
    ...(causes[404] ? { 404: { description: causes[404], body: json(PROBLEM_DETAILS) } } : {}),
    ...(causes[422] ? { 422: { description: causes[422], body: json(VALIDATION_PROBLEM_DETAILS) } } : {}),
    500: { description: 'Thredd failed to handle the request.', body: json(PROBLEM_DETAILS) },
  };
}

export const UNKNOWN_CARD = 'No card of your program has this public token.';
export const MALFORMED_REQUEST = 'The request is malformed: `errors` names each field at fault.';

/** The answers of a read of one card: the success, or a 400 or 404 besides those of every call. */
export function cardReadAnswers(description: string, schema: JsonSchema): Record<string, CatalogueResponse> {
  return answers({ 200: { description, body: json(schema) } }, { 400: MALFORMED_REQUEST, 404: UNKNOWN_CARD });
}

/** A public token no card has, for the examples of a 404. */
const UNKNOWN_PUBLIC_TOKEN = '999999999';

/** The example of a call about a card no one has, with the body the operation takes if any. */
export function unknownCardExample(body?: unknown): CatalogueExample {
  return {
    id: 'unknown-card',
    summary: 'A public token no card of yours has.',
    request: { pathParams: { publicToken: UNKNOWN_PUBLIC_TOKEN }, literalPathParams: true, ...(body === undefined ? {} : { body }) },
    response: { status: 404, body: problem(404, `No card with public token ${UNKNOWN_PUBLIC_TOKEN} was found.`) },
  };
}

/** Thredd's 422 rule for Create and Update Card (release notes of 15 Sep 2023, 56089262592), in our words. */
export const VIRTUAL_CARD_FULFILMENT = 'A Virtual card is not delivered: leave fulfilment out.';

/** A copy of an example's object without one member, for the examples of what is missing. */
export function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}
