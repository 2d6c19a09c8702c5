import { headerEntries } from '../../core/http/headers';
import { routeText } from '../../core/http/routeText';
import type { HttpHeaders, HttpTimings, RouteFacts, TlsFacts } from '../../core/http/types';
import type { ReceivedResponse, RunResult, SentRequest, TokenInfo } from '../../core/runner/types';
import { escapeHtml } from '../../core/text/html';
import { highlightJson } from './jsonHighlight';

/** Shown inline; larger bodies are opened in an editor instead (a webview chokes on megabytes of DOM). */
export const MAX_INLINE_BODY_CHARS = 1024 * 1024;

export function bodySection(response: ReceivedResponse | undefined, imageDataUri: string | undefined): string {
  if (!response) return '<p class="muted">No response.</p>';
  if (imageDataUri)
    return `<img class="body-image" src="${escapeHtml(imageDataUri)}" alt="Response image (${escapeHtml(response.contentType ?? '')})">`;
  if (response.text === undefined)
    return (
      `<p class="muted">${response.size} bytes of ${escapeHtml(response.contentType ?? 'binary data')}. ` +
      'Use Save Body to keep them.</p>'
    );
  if (response.text === '') return '<p class="muted">Empty body.</p>';
  const text = response.text.length > MAX_INLINE_BODY_CHARS ? response.text.slice(0, MAX_INLINE_BODY_CHARS) : response.text;
  const cut = response.truncated || text.length < response.text.length;
  const notice = cut
    ? `<p class="notice">Showing the first ${formatBytes(text.length)} of ${formatBytes(response.size)}. ` +
      '<button type="button" data-action="openInEditor">Open the whole body</button></p>'
    : '';
  const json = response.contentType?.includes('json') || /^\s*[[{]/.test(text) ? (cut ? undefined : highlightJson(text)) : undefined;
  return `${notice}<pre class="body" tabindex="0">${json ?? escapeHtml(text)}</pre>`;
}

export function headersSection(headers: HttpHeaders | { name: string; value: string }[]): string {
  const rows = Array.isArray(headers) ? headers.map((header) => [header.name, header.value] as const) : headerEntries(headers);
  if (rows.length === 0) return '<p class="muted">No headers.</p>';
  const cells = rows.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td class="mono">${escapeHtml(value)}</td></tr>`);
  return `<table>${cells.join('')}</table>`;
}

export function requestSection(request: SentRequest | undefined): string {
  if (!request) return '<p class="muted">The request was not sent.</p>';
  const body = request.body
    ? `<h3>Body (${formatBytes(request.body.size)})</h3><pre class="body" tabindex="0">${escapeHtml(request.body.preview)}</pre>`
    : '';
  return `<p class="mono">${escapeHtml(request.method)} ${escapeHtml(request.url)}</p>${headersSection(request.headers)}${body}`;
}

/** Proportional bar: widths are set by the page script from data-width (the CSP forbids inline styles). */
export function timingSection(timings: HttpTimings | undefined, route?: RouteFacts): string {
  if (!timings) return '<p class="muted">No timings.</p>';
  const phases: [string, number][] = [
    ['DNS', timings.dns],
    ['Connect', timings.connect],
    ['TLS', timings.tls],
    ['First byte', timings.firstByte],
    ['Download', timings.download],
  ];
  const total = Math.max(timings.total, 0.001);
  const bar = phases
    .map(
      ([name, ms], index) =>
        `<span class="phase phase-${index}" data-width="${((ms / total) * 100).toFixed(2)}" title="${name}: ${ms.toFixed(1)} ms"></span>`,
    )
    .join('');
  const rows = phases
    .map(
      ([name, ms], index) => `<tr><th scope="row"><span class="swatch phase-${index}"></span>${name}</th><td>${ms.toFixed(1)} ms</td></tr>`,
    )
    .join('');
  const reused = timings.reused ? '<p class="muted">Reused an open connection: no DNS, connect or TLS time.</p>' : '';
  // Through a proxy, DNS and Connect are the proxy's, and Connect includes opening the tunnel.
  const tunnelRow = (ms: number) => `<tr><th scope="row">of which the tunnel (CONNECT)</th><td>${ms.toFixed(1)} ms</td></tr>`;
  const tunnel = timings.tunnel === undefined ? '' : tunnelRow(timings.tunnel);
  return (
    `${routeParagraph(route)}<div class="timing-bar" role="img" aria-label="Timing: total ${timings.total.toFixed(1)} ms">` +
    `${bar}</div>${reused}<table>${rows}${tunnel}<tr><th scope="row">Total</th><td><strong>` +
    `${timings.total.toFixed(1)} ms</strong></td></tr></table>`
  );
}

/** Direct, or through which proxy and why (credentials are never part of a route's facts). */
function routeParagraph(route: RouteFacts | undefined): string {
  return route ? `<p>Route: <span class="mono">${escapeHtml(routeText(route))}</span></p>` : '';
}

export function tlsSection(tls: TlsFacts | undefined, route?: RouteFacts): string {
  if (!tls) return `${routeParagraph(route)}<p class="muted">Plain HTTP: no TLS.</p>`;
  const chain = tls.serverChain
    .map(
      (certificate, index) =>
        `<tr><th scope="row">${index === 0 ? 'Server' : `CA ${index}`}</th><td>` +
        `${escapeHtml(certificate.subject)}<br><span class="muted">issued by ` +
        `${escapeHtml(certificate.issuer)} · expires ${escapeHtml(certificate.notAfter)}</span></td></tr>`,
    )
    .join('');
  const client = tls.clientCertificate
    ? `<tr><th scope="row">Client certificate</th><td>${escapeHtml(tls.clientCertificate.subject)}<br><span class="muted">expires ` +
      `${escapeHtml(tls.clientCertificate.notAfter)} · x5t#S256 <span class="mono">` +
      `${escapeHtml(tls.clientCertificate.x5tS256)}</span></span></td></tr>`
    : '<tr><th scope="row">Client certificate</th><td>none presented</td></tr>';
  const verified = tls.authorized
    ? '<span class="status-valid">verified</span>'
    : `<span class="status-error">NOT verified${tls.authorizationError ? `: ${escapeHtml(tls.authorizationError)}` : ''}</span>`;
  return (
    `<table><tr><th scope="row">Protocol</th><td>${escapeHtml(tls.protocol ?? 'unknown')}</td></tr><tr><th scope="row">Cipher</th><td>` +
    `${escapeHtml(tls.cipher)}</td></tr><tr><th scope="row">Server certificate</th><td>${verified}</td></tr>` +
    `${chain}${client}</table>${routeParagraph(route)}`
  );
}

export function tokenSection(token: TokenInfo | undefined, now = Date.now()): string {
  if (!token)
    return '<p class="muted">No token was sent (the environment has no application, or the request has <code>@no-auth</code>).</p>';
  const left = Math.round((Date.parse(token.expiresAt) - now) / 1000);
  const binding = token.binding
    ? token.binding.matches
      ? `<span class="status-valid">bound to the client certificate presented (cnf.x5t#S256 matches)</span>`
      : `<span class="status-error">bound to ANOTHER certificate: cnf.x5t#S256 ` +
        `${escapeHtml(token.binding.tokenX5tS256)} ≠ ` +
        `${escapeHtml(token.binding.certificateX5tS256 ?? 'none presented')}</span>`
    : 'not certificate-bound';
  const claims = token.claims
    ? `<h3>Header</h3><pre class="body">${highlightJson(JSON.stringify(token.claims.header))}</pre><h3>Claims</h3><pre class="body">` +
      `${highlightJson(JSON.stringify(token.claims.payload))}</pre>`
    : '<p class="muted">Opaque token (not a JWT).</p>';
  const remaining = left > 0 ? `${Math.floor(left / 60)} min ${left % 60} s left` : 'expired';
  const countdown = `<span class="countdown" data-expires="${escapeHtml(token.expiresAt)}">${remaining}</span>`;
  return `<table>
<tr><th scope="row">Application</th><td>${escapeHtml(token.application)} (${escapeHtml(token.environment)})</td></tr>
<tr><th scope="row">Expires</th><td>${escapeHtml(token.expiresAt)} · ${countdown}</td></tr>
<tr><th scope="row">Scope</th><td>${escapeHtml(token.scope ?? '')}</td></tr>
<tr><th scope="row">Binding</th><td>${binding}</td></tr>
<tr><th scope="row">Source</th><td>${token.fromCache ? 'cached' : 'new token'}</td></tr>
</table>${claims}`;
}

export function expectationsHtml(result: RunResult): string {
  if (result.expectations.length === 0) return '';
  const items = result.expectations.map(
    (outcome) =>
      `<li class="${outcome.passed ? 'status-valid' : 'status-error'}">${outcome.passed ? '✓' : '✗'} ${escapeHtml(outcome.message)}</li>`,
  );
  return `<ul class="expectations" aria-label="Expectations">${items.join('')}</ul>`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
