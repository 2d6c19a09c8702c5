import type { CertificateInfo, CsrInfo, InspectResult } from '../../core/pki';
import { escapeHtml } from '../webview/webviewHtml';

/** The body of the certificate view: one section per certificate (leaf first) or the CSR. */
export function certificateBodyHtml(fileName: string, result: InspectResult): string {
  if (result.kind === 'csr') return csrHtml(fileName, result.csr);
  const sections = result.certificates.map((certificate, index) => certificateSection(certificate, index, result.certificates.length));
  const key = result.privateKey ? `<p class="muted">Private key: ${escapeHtml(describeKeyText(result.privateKey))}</p>` : '';
  return `<h1>${escapeHtml(fileName)}</h1>${key}${sections.join('\n')}`;
}

function certificateSection(certificate: CertificateInfo, index: number, count: number): string {
  const role = count === 1 ? '' : index === 0 ? 'Leaf certificate' : certificate.selfSigned ? 'Root CA' : 'Intermediate CA';
  const rows: [string, string][] = [
    ['Subject', escapeHtml(certificate.subject)],
    ['Issuer', escapeHtml(certificate.issuer)],
    ['Status', statusHtml(certificate)],
    ['Valid from', escapeHtml(certificate.notBefore)],
    ['Valid until', `<strong class="status-${certificate.status}">${escapeHtml(certificate.notAfter)}</strong>`],
    ['Serial number', `<span class="mono">${escapeHtml(certificate.serialNumber)}</span>`],
    ['Public key', escapeHtml(describeKeyText(certificate.publicKey))],
    ['Signature', escapeHtml(certificate.signatureAlgorithm)],
  ];
  if (certificate.subjectAltNames.length) rows.push(['Alternative names', escapeHtml(certificate.subjectAltNames.join(', '))]);
  if (certificate.keyUsage.length) rows.push(['Key usage', escapeHtml(certificate.keyUsage.join(', '))]);
  if (certificate.extendedKeyUsage.length) rows.push(['Extended key usage', escapeHtml(certificate.extendedKeyUsage.join(', '))]);
  rows.push(
    ['SHA-256 fingerprint', copyable(certificate.sha256Fingerprint, 'SHA-256 fingerprint')],
    ['SHA-1 fingerprint', copyable(certificate.sha1Fingerprint, 'SHA-1 fingerprint')],
    ['x5t#S256', copyable(certificate.x5tS256, 'x5t#S256') + ' <span class="muted">(cnf of certificate-bound tokens, RFC 8705)</span>'],
    ['KID (JWK thumbprint)', copyable(certificate.publicKey.jwkThumbprint, 'KID') + ' <span class="muted">(RFC 7638)</span>'],
  );
  if (certificate.keyMatches !== undefined) {
    rows.push([
      'Private key',
      certificate.keyMatches
        ? '<span class="status-valid">matches this certificate</span>'
        : '<span class="status-error">does NOT match this certificate</span>',
    ]);
  }
  if (certificate.chainVerified !== undefined) {
    const chain = certificate.chainVerified
      ? '<span class="status-valid">verifies</span>'
      : `<span class="status-error">does not verify: ${escapeHtml(certificate.chainProblem ?? 'unknown reason')}</span>`;
    rows.push(['Chain', chain]);
  }
  return `<h2>${escapeHtml(role || certificate.subjectFields.CN || 'Certificate')}</h2>${table(rows)}`;
}

function statusHtml(certificate: CertificateInfo): string {
  const days = certificate.daysRemaining;
  const text = {
    valid: `valid, ${days} days left`,
    expiring: `expiring in ${days} days: request a new certificate in Thredd Portal`,
    expired: `expired ${-days} days ago`,
    'not-yet-valid': 'not valid yet',
  }[certificate.status];
  return `<span class="badge status-${certificate.status}">${escapeHtml(text)}</span>`;
}

function csrHtml(fileName: string, csr: CsrInfo): string {
  const rows: [string, string][] = [
    ['Subject', escapeHtml(csr.subject)],
    ['Public key', escapeHtml(describeKeyText(csr.publicKey))],
    [
      'Signature',
      csr.signatureValid
        ? '<span class="status-valid">valid</span>'
        : '<span class="status-error">invalid: this CSR was altered or is damaged</span>',
    ],
    ['KID (JWK thumbprint)', copyable(csr.publicKey.jwkThumbprint, 'KID')],
  ];
  if (csr.keyMatches !== undefined)
    rows.push(['Private key', csr.keyMatches ? 'matches' : '<span class="status-error">does NOT match</span>']);
  const next =
    '<p class="notice">This is a certificate signing request. Upload it in Thredd Portal → ' +
    'Applications → Certificates → New Certificate, then download the issued certificate.</p>';
  return `<h1>${escapeHtml(fileName)}</h1>${next}${table(rows)}`;
}

function table(rows: [string, string][]): string {
  return `<table>${rows.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${value}</td></tr>`).join('')}</table>`;
}

function copyable(value: string, label: string): string {
  return (
    `<span class="mono">${escapeHtml(value)}</span><button type="button" data-copy="` +
    `${escapeHtml(value)}" data-label="${escapeHtml(label)}" aria-label="Copy ${escapeHtml(label)}">Copy</button>`
  );
}

function describeKeyText(key: { type: string; bits?: number; curve?: string }): string {
  return [key.type, key.bits ? `${key.bits} bits` : undefined, key.curve].filter(Boolean).join(', ');
}
