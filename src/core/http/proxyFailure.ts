/**
 * How a failure reads when a proxy stood between us and the server: the hop to the proxy (unreachable,
 * its own certificate, its answer to CONNECT), and a TLS-inspecting proxy that breaks mTLS. Names the
 * proxy by its origin and the setting it came from, never its credentials.
 */
import type { FailureContext, Wording } from './httpError';
import type { ProxyHopError } from './proxyHopError';

/** The settings that take a host off the proxy (see src/core/proxy/resolveProxy.ts). */
const DIRECT_SETTINGS = 'NO_PROXY, http.noProxy in VS Code, or "proxy": false on the environment in thredd.json';

/** The hop to the proxy failed (codes THREDD_PROXY_*, made in proxyHopError.ts). */
export function proxyHopWording(error: ProxyHopError, context: FailureContext): Wording {
  const proxy = `the proxy ${error.proxy} (from ${error.source})`;
  switch (error.code) {
    case 'THREDD_PROXY_AUTH':
      return {
        kind: 'proxy-auth',
        message: error.sentCredentials
          ? `${capitalised(proxy)} refused the credentials sent to it (407 Proxy Authentication Required).`
          : `${capitalised(proxy)} asks for credentials and none were configured (407 Proxy Authentication Required).`,
        explanation: `Check ${credentialsIn(error.source)}: the proxy user and password your IT team gave you.`,
      };
    case 'THREDD_PROXY_REFUSED':
      return {
        kind: 'proxy-refused',
        message: `${capitalised(proxy)} refused to open a tunnel to ${error.target} (status ${error.status}).`,
        explanation: [502, 503, 504].includes(error.status ?? 0)
          ? `The proxy could not reach ${error.target}: check the host and port of the URL, and ask for it on the proxy's allow list.`
          : `Ask for ${error.target} on the proxy's allow list (CONNECT to that port), or send it direct if this network ` +
            `reaches it: ${DIRECT_SETTINGS}.`,
      };
    case 'THREDD_PROXY_TLS':
      return proxyTlsWording(error, proxy);
    case 'THREDD_PROXY_UNREACHABLE':
      return {
        kind: 'proxy-unreachable',
        message: `${capitalised(proxy)} could not be reached: ${unreachableReason(error.causeCode, context)}.`,
        explanation: `Check the proxy's host and port in ${error.source}, and that this machine can reach it (network, VPN).`,
      };
  }
}

/** The origin's answer through a proxy, when it is what TLS inspection causes; undefined otherwise. */
export function inspectionWording(kind: Wording['kind'], context: FailureContext): Wording | undefined {
  const route = context.route;
  if (route?.kind !== 'proxy') return undefined;
  const via = `the proxy ${route.proxy} (from ${route.source})`;
  const bypass =
    `mTLS cannot work through TLS inspection. Ask for ${context.host} on the proxy's TLS-inspection bypass list ` +
    `(CONNECT passthrough), or send it direct if this network reaches it: ${DIRECT_SETTINGS}.`;
  if (kind === 'tls-unknown-ca') {
    const issuer = context.serverChain?.[0]?.issuer;
    return {
      kind: 'tls-inspected',
      message:
        `${context.host}'s certificate chain ends in an unknown CA${issuer ? ` (issuer: ${issuer})` : ''}, probably a corporate ` +
        `one: ${via} is most likely inspecting TLS and re-signing the server's certificate.`,
      explanation: `${bypass} (If the server really uses a private CA, add it with "ca" in thredd.json.)`,
    };
  }
  if (kind === 'tls-certificate-required' && context.sentClientCertificate) {
    return {
      kind: 'tls-inspected',
      message:
        `${context.host} says no client certificate arrived, though one was sent through ${via}: ` +
        'a TLS-inspecting proxy ends our TLS connection, and the certificate with it.',
      explanation: bypass,
    };
  }
  return undefined;
}

function proxyTlsWording(error: ProxyHopError, proxy: string): Wording {
  const issuer = error.serverChain?.[0]?.issuer;
  if (/^(UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|CERT_UNTRUSTED)/.test(error.causeCode)) {
    return {
      kind: 'proxy-tls',
      message: `The certificate of ${proxy} is not issued by a trusted CA${issuer ? ` (issuer: ${issuer})` : ''} (${error.causeCode}).`,
      explanation: 'Point "proxyCa" of the environment in thredd.json (or NODE_EXTRA_CA_CERTS) at the CA that issued it.',
    };
  }
  return {
    kind: 'proxy-tls',
    message: `The TLS handshake with ${proxy} failed (${error.causeCode || 'no code'}).`,
    explanation: 'Check the proxy URL: most proxies are http:// even for https sites; an https:// proxy must speak TLS on its port.',
  };
}

function unreachableReason(code: string, context: FailureContext): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'nothing is listening there (connection refused)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its host name could not be resolved';
    case 'THREDD_CONNECT_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `no tunnel was open within ${context.timeouts.connectMs} ms`;
    default:
      return code || 'the connection failed';
  }
}

/**
 * Where the proxy's credentials are: the userinfo of the proxy URL in `source`, and, for VS Code's proxy and the
 * environment's, http.proxyAuthorization, which VS Code sends instead when set (thredd.json and --proxy carry their own).
 */
function credentialsIn(source: string): string {
  const inUrl = `the user and password in ${source} (http://user:password@host:port)`;
  return /thredd\.json|--proxy/.test(source) ? inUrl : `${inUrl}, or http.proxyAuthorization in VS Code, which wins over them`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
