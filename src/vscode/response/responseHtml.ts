import type { RunResult } from '../../core/runner/types';
import { escapeHtml } from '../../core/text/html';
import { problemSection } from './problemSection';
import {
  bodySection,
  expectationsHtml,
  formatBytes,
  headersSection,
  requestSection,
  timingSection,
  tlsSection,
  tokenSection,
} from './responseSections';

export const TABS = ['Body', 'Headers', 'Request', 'Timing', 'TLS', 'Token'] as const;

/** The response view's body: status line, error explanation, problem details, expectations, tabs and action buttons. */
export function responseBodyHtml(result: RunResult, imageDataUri?: string): string {
  const response = result.response;
  const title =
    result.name ??
    result.title ??
    (result.request ? `${result.request.method} ${result.request.url}` : `Request ${result.requestIndex + 1}`);
  const status = response
    ? `<span class="status status-${Math.floor(response.status / 100)}xx">${response.status} ${escapeHtml(response.statusText)}</span>`
    : '<span class="status status-error">No response</span>';
  const facts = [
    result.timings ? `${result.timings.total.toFixed(0)} ms` : undefined,
    response ? formatBytes(response.size) : undefined,
    result.environment,
  ]
    .filter(Boolean)
    .join(' · ');
  const error = result.error
    ? `<div class="notice error" role="alert"><strong>${escapeHtml(result.error.message)}</strong><br>` +
      `${escapeHtml(result.error.explanation)}` +
      `${result.error.detail ? ` <span class="muted">(${escapeHtml(result.error.detail)})</span>` : ''}</div>`
    : '';
  const warnings = result.warnings.map((warning) => `<div class="notice">${escapeHtml(warning)}</div>`).join('');
  const panels: Record<(typeof TABS)[number], string> = {
    Body: bodySection(response, imageDataUri),
    Headers: response ? headersSection(response.headers) : '<p class="muted">No response.</p>',
    Request: requestSection(result.request),
    Timing: timingSection(result.timings, result.route),
    TLS: tlsSection(result.tls, result.route),
    Token: tokenSection(result.token),
  };
  const tabs = TABS.map(
    (tab, index) =>
      `<button type="button" role="tab" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected="` +
      `${index === 0}" tabindex="${index === 0 ? 0 : -1}">${tab}</button>`,
  ).join('');
  const sections = TABS.map(
    (tab, index) =>
      `<section role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}"${index === 0 ? '' : ' hidden'}>${panels[tab]}</section>`,
  ).join('');
  const actions = [
    ['copyBody', 'Copy Body'],
    ['saveBody', 'Save Body…'],
    ['openInEditor', 'Open in Editor'],
    ['copyCurl', 'Copy as cURL'],
    ['copyCurlWithToken', 'Copy as cURL with Token'],
    ['resend', 'Re-send'],
  ]
    .map(([action, label]) => `<button type="button" data-action="${action}">${label}</button>`)
    .join('');
  // The page keeps the result id in its state so a reload can find the result again.
  return `<div id="response" data-result-id="${escapeHtml(result.id)}"></div>
<header class="response-header">
<h1>${escapeHtml(title)}</h1>
<p>${status} <span class="muted">${escapeHtml(facts)}</span></p>
<div class="actions" role="toolbar" aria-label="Response actions">${actions}</div>
</header>
${error}${warnings}${problemSection(response)}${expectationsHtml(result)}
<nav role="tablist" aria-label="Response details">${tabs}</nav>
${sections}`;
}
