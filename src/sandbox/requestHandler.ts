import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';
import { OPERATIONS, SANDBOX_API_ROOT } from '../core/catalogue';
import type { AuthorizationServer } from './authorizationServer';
import type { CertificateRegistry } from './certificateRegistry';
import { requireClientCertificate } from './clientCertificateGate';
import { ApiError, sendError, sendJson, sendText } from './httpJson';
import type { ListenerName, RouteHandler, RouteResult } from './requestContext';
import type { Router } from './router';

/** The API's top-level resources, as a 404 lists them: "products, cards". */
const API_RESOURCES = [...new Set(OPERATIONS.map((operation) => operation.path.split('/')[1]))].join(', ');

export interface HandlerDependencies {
  /** Undefined while the sandbox starts (the issuer URL needs the listening port first). */
  authorization(): AuthorizationServer | undefined;
  router: Router<RouteHandler>;
  certificates: CertificateRegistry;
  log?: (line: string) => void;
  onError(error: Error): void;
}

/**
 * One listener's request handling: OAuth paths go to the authorization server (it judges the client
 * certificate itself); everything else passes the mTLS gate on the mTLS listener, then the router.
 */
export function createRequestHandler(listener: ListenerName, dependencies: HandlerDependencies) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const started = performance.now();
    const url = new URL(request.url ?? '/', 'https://sandbox.invalid');
    if (dependencies.log) {
      const log = dependencies.log;
      response.once('finish', () => log(`${listener.padEnd(4)} ${request.method} ${url.pathname} ${response.statusCode} ${(performance.now() - started).toFixed(1)} ms`));
    }
    const authorization = dependencies.authorization();
    if (!authorization) {
      sendError(response, new ApiError(503, 'starting', 'The sandbox is starting; try again in a moment.'));
      return;
    }
    if (authorization.handles(url.pathname)) {
      authorization.handler(request, response);
      return;
    }
    route(listener, request, response, url, dependencies).catch((error: Error) => {
      if (response.headersSent) {
        response.destroy(error);
        return;
      }
      if (error instanceof ApiError) {
        sendError(response, error);
        return;
      }
      dependencies.onError(error);
      sendError(response, new ApiError(500, 'server_error', `The sandbox failed on ${request.method} ${url.pathname}: ${error.message}`));
    });
  };
}

async function route(listener: ListenerName, request: IncomingMessage, response: ServerResponse, url: URL, dependencies: HandlerDependencies): Promise<void> {
  const clientX5tS256 = listener === 'mtls' ? await requireClientCertificate(request.socket as TLSSocket, dependencies.certificates) : undefined;
  const method = request.method ?? 'GET';
  const match = dependencies.router.match(method, url.pathname);
  if (match.kind === 'none') throw new ApiError(404, 'not_found', `The sandbox has no ${url.pathname}: its API is under ${SANDBOX_API_ROOT} (${API_RESOURCES}), tokens at /oauth2/token.`);
  if (match.kind === 'wrong-method') {
    throw new ApiError(405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}; use ${match.allowed.join(' or ')}.`, { allow: match.allowed.join(', ') });
  }
  writeResult(response, await match.handler({ request, url, params: match.params, listener, clientX5tS256 }));
}

/** The one place a route's answer is written; errors are thrown ApiErrors, written by the caller. */
function writeResult(response: ServerResponse, result: RouteResult): void {
  if ('text' in result) sendText(response, result.status, result.contentType, result.text, result.headers);
  else sendJson(response, result.status, result.body, result.headers);
}
