import { EhiCheckError } from './ehiCheckError';
import type { HandshakeFailure } from './handshake';
import type { EndpointTarget } from './target';

/**
 * A failure before TLS began (nothing listening, unknown host, no answer in time): there is no endpoint to
 * report on, so it is an error with a next step rather than a list of findings.
 */
export function unreachableError(target: EndpointTarget, failure: HandshakeFailure): EhiCheckError {
  const where = `${target.host}:${target.port}`;
  if (failure.timedOut) {
    return new EhiCheckError(
      failure.stage === 'tcp'
        ? `${where} did not accept a TCP connection within the timeout (${failure.message}).`
        : `${where} accepted the connection but did not complete a TLS handshake (${failure.message}).`,
      'Check the host and port, your network or VPN and any firewall, or raise --timeout.',
    );
  }
  switch (failure.code) {
    case 'ECONNREFUSED':
      return new EhiCheckError(
        `Nothing is listening at ${where} (connection refused).`,
        'Check the host and port, and that the endpoint is running.',
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return new EhiCheckError(
        `The host name ${target.host} could not be resolved.`,
        'Check the spelling of the host, your DNS and your VPN.',
      );
    default:
      return new EhiCheckError(
        `${where} cannot be reached: ${failure.message}.`,
        'Check the host and port, your network or VPN and any firewall.',
      );
  }
}
