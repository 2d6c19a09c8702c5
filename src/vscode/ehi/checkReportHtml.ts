import type { CheckReport } from '../../core/ehi/check';
import { countByStatus, type FindingStatus } from '../../core/ehi/findings';
import { escapeHtml } from '../webview/webviewHtml';

const ICONS: Record<FindingStatus, { symbol: string; label: string }> = {
  pass: { symbol: '✔', label: 'Pass' },
  warn: { symbol: '⚠', label: 'Warning' },
  fail: { symbol: '✖', label: 'Fail' },
};

/** The report as trusted HTML: every value escaped; colours come from media/ehiCheck.css (theme variables only). */
export function checkReportBodyHtml(url: string, report: CheckReport): string {
  const count = countByStatus(report.findings);
  const rows = report.findings
    .map((finding) => {
      const icon = ICONS[finding.status];
      const fix = finding.status !== 'pass' && finding.fix ? `<div class="fix">Fix: ${escapeHtml(finding.fix)}</div>` : '';
      return (
        `<li class="finding status-${finding.status}" data-id="${escapeHtml(finding.id)}">` +
        `<span class="icon" title="${icon.label}" aria-label="${icon.label}">${icon.symbol}</span>` +
        `<div><code class="id">${escapeHtml(finding.id)}</code> ${escapeHtml(finding.message)}${fix}</div></li>`
      );
    })
    .join('\n');
  const verdict = report.ok ? 'Ready for Thredd: no check failed.' : 'Not ready: fix the failures below.';
  const counts = `${count.pass} passed, ${count.warn} warnings, ${count.fail} failed.`;
  return `<h1>EHI endpoint check</h1>
<p class="muted mono">${escapeHtml(url)}</p>
<p class="summary ${report.ok ? 'status-pass' : 'status-fail'}">${verdict} <span class="muted">${counts}</span></p>
<ul class="findings">
${rows}
</ul>
<p class="muted">The checks follow section 5 of the Connecting to Thredd guide and approximate SSL Labs' A-grade rules \
(see the README).</p>`;
}
