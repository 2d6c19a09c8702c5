import { createHttpClient, discardBody, HttpError, type ClientCertificateMaterial, type HttpResponse } from '../../http';
import { fail, pass, warn, type EhiFinding } from '../findings';

type Answer = { response: HttpResponse } | { error: HttpError };

/** HTTP codes that refuse a client without (an acceptable) certificate: the guide's 400/403, 401, nginx's 495/496. */
const REFUSALS = new Set([400, 401, 403, 495, 496]);

/** Failures that mean the server ended the handshake or the connection: a refusal at the TLS layer. */
const TLS_REFUSALS = new Set(['tls-certificate-required', 'tls-bad-certificate', 'tls-handshake', 'reset']);

async function get(url: string, ca: string | undefined, timeoutMs: number, clientCertificate?: ClientCertificateMaterial): Promise<Answer> {
  // Direct, like the handshake probes: the check looks at the endpoint as Thredd reaches it, not through a proxy.
  const http = createHttpClient({ timeouts: { connectMs: timeoutMs, headersMs: timeoutMs, bodyMs: timeoutMs } });
  try {
    const response = await http.send({ method: 'GET', url, tls: { ca, caSource: ca ? 'the --ca file' : undefined, clientCertificate } });
    await discardBody(response.body);
    return { response };
  } catch (error) {
    if (error instanceof HttpError) return { error };
    throw error;
  } finally {
    await http.close();
  }
}

/** The guide: a request without a certificate gets 400 ("No required SSL certificate was sent") or 403. */
export async function withoutCertificateFinding(url: string, ca: string | undefined, timeoutMs: number): Promise<EhiFinding> {
  const id = 'mtls.without-certificate';
  const answer = await get(url, ca, timeoutMs);
  if ('response' in answer) {
    const { status, statusText } = answer.response;
    if (REFUSALS.has(status))
      return pass(id, `Without a client certificate the endpoint answers HTTP ${status} ${statusText}`.trim() + '.');
    return fail(
      id,
      `Without a client certificate the endpoint answers HTTP ${status}: anyone can reach it.`,
      'Require a client certificate on the endpoint (e.g. nginx ssl_verify_client on) and refuse requests without one.',
    );
  }
  if (TLS_REFUSALS.has(answer.error.kind)) {
    return pass(id, `Without a client certificate the endpoint refuses the TLS handshake (${answer.error.message}).`);
  }
  return warn(
    id,
    `A request without a client certificate could not be made: ${answer.error.message}`,
    answer.error.fix || 'Fix the server chain findings first.',
  );
}

/** The guide: with Thredd's client certificate the endpoint answers (200 in its example). */
export async function withCertificateFinding(
  url: string,
  ca: string | undefined,
  timeoutMs: number,
  clientCertificate: ClientCertificateMaterial,
): Promise<EhiFinding> {
  const id = 'mtls.with-certificate';
  const answer = await get(url, ca, timeoutMs, clientCertificate);
  const trustFix = "Trust the CA that issued the client certificate (Thredd's EHI trust chain) for client certificates on the endpoint.";
  if ('response' in answer) {
    const { status } = answer.response;
    if (REFUSALS.has(status))
      return fail(id, `With the client certificate (${clientCertificate.source}) the endpoint still answers HTTP ${status}.`, trustFix);
    return pass(id, `With the client certificate the endpoint answers HTTP ${status}.`);
  }
  if (TLS_REFUSALS.has(answer.error.kind)) {
    return fail(
      id,
      `With the client certificate (${clientCertificate.source}) the endpoint refuses the handshake: ${answer.error.message}`,
      trustFix,
    );
  }
  return fail(id, `A request with the client certificate failed: ${answer.error.message}`, answer.error.fix || trustFix);
}
