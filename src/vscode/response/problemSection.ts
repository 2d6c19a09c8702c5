import { BUSINESS_RULE_KEY } from '../../core/catalogue/problemKeys';
import { problemDetailsOf, type FieldProblem } from '../../core/runner/problemDetails';
import type { ReceivedResponse } from '../../core/runner/types';
import { escapeHtml } from '../../core/text/html';

/**
 * A problem-details answer summed up above the tabs: title and status, detail, the fields at fault with their
 * messages, and the traceId with a Copy button (the extension copies it from the result, not from the page).
 * Empty for any other answer.
 */
export function problemSection(response: ReceivedResponse | undefined): string {
  const problem = problemDetailsOf(response);
  if (!response || !problem) return '';
  const status = problem.status ?? response.status;
  const title = problem.title ?? response.statusText;
  const detail = problem.detail ? `<p class="problem-detail">${escapeHtml(problem.detail)}</p>` : '';
  const instance = problem.instance ? `<p class="muted">Instance <span class="mono">${escapeHtml(problem.instance)}</span></p>` : '';
  const more = problem.moreFields ? `<p class="muted">…and ${problem.moreFields} more fields: see the body.</p>` : '';
  const rows = problem.errors.map(fieldRow).join('');
  const errors = rows ? `<dl class="problem-errors" aria-label="Field errors">${rows}</dl>${more}` : '';
  const trace = problem.traceId
    ? `<p class="problem-trace">traceId <code id="problem-trace-id">${escapeHtml(problem.traceId)}</code>` +
      '<button type="button" data-action="copyTraceId" aria-label="Copy the traceId">Copy</button>' +
      ' <span class="muted">Quote it to Thredd support.</span></p>'
    : '';
  return `<section class="problem" aria-labelledby="problem-title">
<h2 id="problem-title"><span class="status status-${Math.floor(status / 100)}xx">${status}</span> ${escapeHtml(title)}</h2>
${detail}${errors}${trace}${instance}
</section>`;
}

function fieldRow({ field, messages }: FieldProblem): string {
  const name = field === '' ? '<span class="muted">(the body)</span>' : `<code>${escapeHtml(field)}</code>`;
  const label = field === BUSINESS_RULE_KEY ? `${name} <span class="muted">(business rules)</span>` : name;
  return `<dt>${label}</dt><dd><ul>${messages.map((message) => `<li>${escapeHtml(message)}</li>`).join('')}</ul></dd>`;
}
