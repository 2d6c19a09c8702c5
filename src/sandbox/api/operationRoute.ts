import { IDEMPOTENCY_KEY_HEADER, type CatalogueOperation } from '../../core/catalogue';
import { authorizeCall, requireRegion, type Caller, type VerifyAccessToken } from '../apiAuth';
import type { Clock } from '../clock';
import type { RequestContext, RouteHandler, RouteResult } from '../requestContext';
import type { IdempotencyStore } from './idempotency';
import type { OperationHandler } from './operationCall';
import { ApiProblem, invalidRequest, problemResult } from './problems';
import { parseJsonBody, readRequestBytes } from './requestBody';

export interface OperationRouteDependencies {
  verifyAccessToken: VerifyAccessToken;
  idempotency: IdempotencyStore;
  clock: Clock;
}

let validation: Promise<typeof import('../../core/catalogue/validation')> | undefined;

/** ajv is loaded, and each schema compiled, on the first call that needs it: starting the sandbox pays for neither. */
function loadValidation() {
  return (validation ??= import('../../core/catalogue/validation'));
}

/**
 * A catalogue operation as the sandbox serves it, in the order a gateway and then ASP.NET check a call: the token
 * and its scope (401, 403), X-Region (400), the idempotency key (replay, or 400 for a key used elsewhere), then the
 * parameters and body against the catalogue's schemas (400), then the handler (its answer, or 404 and 422).
 */
export function operationRoute(
  operation: CatalogueOperation,
  handler: OperationHandler,
  dependencies: OperationRouteDependencies,
): RouteHandler {
  return async (context) => {
    const { request, url } = context;
    const { verifyAccessToken } = dependencies;
    const caller = await authorizeCall(request.headers.authorization, operation.scope, verifyAccessToken, context.clientX5tS256);
    const region = requireRegion(request.headers['x-region']);
    const bytes = operation.requestBody ? await readRequestBytes(request) : Buffer.alloc(0);
    const answer = () => answerCall(operation, handler, { context, caller, region, bytes, now: dependencies.clock() });
    const key = operation.idempotencyKey ? headerValue(request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]) : undefined;
    if (!key) return answer();
    const call = { clientId: caller.clientId, key, method: operation.method, target: url.pathname + url.search, body: bytes };
    return dependencies.idempotency.answer(call, answer);
  };
}

interface CallInput {
  context: RequestContext;
  caller: Caller;
  region: string;
  bytes: Buffer;
  now: Date;
}

/** The operation's answer, problems included (idempotency replays those too). */
async function answerCall(operation: CatalogueOperation, handler: OperationHandler, input: CallInput): Promise<RouteResult> {
  const { context } = input;
  try {
    const { validateParameters, validateRequestBody } = await loadValidation();
    const query = Object.fromEntries(context.url.searchParams);
    const body = operation.requestBody ? parseJsonBody(context.request.headers['content-type'], input.bytes) : undefined;
    const errors = {
      ...validateParameters(operation, 'path', context.params),
      ...validateParameters(operation, 'query', query),
      ...validateRequestBody(operation, body),
    };
    if (Object.keys(errors).length > 0) throw invalidRequest(errors);
    return await handler({ caller: input.caller, region: input.region, params: context.params, query, body, now: input.now });
  } catch (error) {
    if (error instanceof ApiProblem) return problemResult(error, context.traceId);
    throw error;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}
