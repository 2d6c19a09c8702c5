import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';
import { OPERATIONS, RESPONSE_CACHE_CONTROL, SANDBOX_API_ROOT } from '../core/catalogue';
import { ApiProblem, methodNotAllowed, notFound, problemResult, serverError, unavailable } from './api/problems';
import type { AuthorizationServer } from './authorizationServer';
import type { CertificateRegistry } from './certificateRegistry';
import { requireClientCertificate } from './clientCertificateGate';
import type { FairUsage } from './fairUsage';
import { ApiError, sendEmpty, sendJson, sendText } from './httpJson';
import type { ListenerName, RequestContext, RouteHandler, RouteResult } from './requestContext';
import type { RouteMatch, Router } from './router';
import { traceIdFor } from './traceContext';

/** The API's top-level resources, as a 404 lists them: "products, cards". */
const API_RESOURCES = [...new Set(OPERATIONS.map((operation) => operation.path.split('/')[1]))].join(', ');

export interface HandlerDependencies {
  /** Undefined while the sandbox starts (the issuer URL needs the listening port first). */
  authorization(): AuthorizationServer | undefined;
  /** Thredd's API: answers problem details, with Thredd's Cache-Control. */
  api: Router<RouteHandler>;
  /** The sandbox's own routes (portal, directory, JWKS): answer `{ code, message }` errors. */
  portal: Router<RouteHandler>;
  certificates: CertificateRegistry;
  fairUsage: FairUsage;
  /** Milliseconds each API answer waits, as if Thredd were across a network (0: none). */
  apiLatencyMs?: number;
  log?: (line: string) => void;
  onError(error: Error): void;
}

type PortalMatch = Exclude<RouteMatch<RouteHandler>, { kind: 'none' }>;

/** Which of the sandbox's two kinds of route a request is for: their errors and headers differ. */
type Surface = 'api' | 'portal';

/**
 * One listener's request handling: OAuth paths go to the authorization server (it judges the client certificate
 * itself); the portal's routes and the API pass the mTLS gate on the mTLS listener; the API also passes the fair
 * usage check first. Every other answer is written here, once.
 */
export function createRequestHandler(listener: ListenerName, dependencies: HandlerDependencies) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const started = performance.now();
    const url = new URL(request.url ?? '/', 'https://sandbox.invalid');
    if (dependencies.log) {
      const log = dependencies.log;
      response.once('finish', () =>
        log(
          `${listener.padEnd(4)} ${request.method} ${url.pathname} ${response.statusCode} ${(performance.now() - started).toFixed(1)} ms`,
        ),
      );
    }
    const traceId = traceIdFor(request.headers.traceparent);
    const portal = dependencies.portal.match(request.method ?? 'GET', url.pathname);
    const surface: Surface = portal.kind === 'none' ? 'api' : 'portal';
    const authorization = dependencies.authorization();
    if (!authorization) {
      writeResult(response, surface, problemResult(unavailable('The sandbox is starting; try again in a moment.'), traceId));
      return;
    }
    if (authorization.handles(url.pathname)) {
      authorization.handler(request, response);
      return;
    }
    const context = { request, url, params: {}, listener, traceId };
    const answer = portal.kind === 'none' ? answerApi(context, dependencies) : answerPortal(context, portal, dependencies);
    answer.then(
      (result) => writeResult(response, surface, result),
      (error: Error) => {
        if (response.headersSent) response.destroy(error);
        else writeResult(response, surface, errorResult(error, surface, context, dependencies));
      },
    );
  };
}

async function answerApi(context: RequestContext, dependencies: HandlerDependencies): Promise<RouteResult> {
  const { request, url } = context;
  const refusal = dependencies.fairUsage.refusal(request.socket);
  if (refusal) throw refusal;
  if (dependencies.apiLatencyMs) await new Promise((resolve) => setTimeout(resolve, dependencies.apiLatencyMs));
  const clientX5tS256 = await presentedCertificate(context, dependencies);
  const method = request.method ?? 'GET';
  const match = dependencies.api.match(method, url.pathname);
  if (match.kind === 'none') {
    throw notFound(`The sandbox has no ${url.pathname}: its API is under ${SANDBOX_API_ROOT} (${API_RESOURCES}), tokens at /oauth2/token.`);
  }
  if (match.kind === 'wrong-method') {
    throw methodNotAllowed(`${method} is not allowed on ${url.pathname}; use ${match.allowed.join(' or ')}.`, match.allowed);
  }
  return match.handler({ ...context, params: match.params, clientX5tS256 });
}

async function answerPortal(context: RequestContext, match: PortalMatch, dependencies: HandlerDependencies): Promise<RouteResult> {
  const clientX5tS256 = await presentedCertificate(context, dependencies);
  if (match.kind === 'wrong-method') {
    const { method } = context.request;
    const allow = match.allowed.join(', ');
    throw new ApiError(405, 'method_not_allowed', `${method} is not allowed on ${context.url.pathname}; use ${allow}.`, { allow });
  }
  return match.handler({ ...context, params: match.params, clientX5tS256 });
}

/** The mTLS listener's client certificate (its x5t#S256), or a 400 that says what is wrong with it. */
function presentedCertificate(context: RequestContext, dependencies: HandlerDependencies): Promise<string | undefined> {
  if (context.listener !== 'mtls') return Promise.resolve(undefined);
  return requireClientCertificate(context.request.socket as TLSSocket, dependencies.certificates);
}

/** A thrown problem or portal error as its answer; anything else is the sandbox's own failure, a 500. */
function errorResult(error: Error, surface: Surface, context: RequestContext, dependencies: HandlerDependencies): RouteResult {
  if (error instanceof ApiProblem) return problemResult(error, context.traceId);
  if (error instanceof ApiError) {
    return { status: error.status, headers: error.headers, body: { code: error.code, message: error.message } };
  }
  dependencies.onError(error);
  const message = `The sandbox failed on ${context.request.method} ${context.url.pathname}: ${error.message}`;
  if (surface === 'portal') return { status: 500, body: { code: 'server_error', message } };
  return problemResult(serverError(message), context.traceId);
}

/** The one place an answer is written. Every answer of the API carries Thredd's Cache-Control, errors too. */
function writeResult(response: ServerResponse, surface: Surface, result: RouteResult): void {
  const headers = surface === 'api' ? { ...result.headers, 'cache-control': RESPONSE_CACHE_CONTROL } : result.headers;
  if ('text' in result) sendText(response, result.status, result.contentType, result.text, headers);
  else if (result.body === undefined) sendEmpty(response, result.status, headers);
  else sendJson(response, result.status, result.body, headers);
}
