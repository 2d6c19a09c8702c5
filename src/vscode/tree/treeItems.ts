import * as vscode from 'vscode';
import type { CertificateNode, Severity, TreeNode } from '../../core/tree';
import { toVscodeRange } from '../ranges';

const SEVERITY_COLOUR: Record<Severity, string | undefined> = {
  ok: 'testing.iconPassed',
  warning: 'list.warningForeground',
  error: 'list.errorForeground',
};
const CERTIFICATE_ICON: Record<Severity, string> = { ok: 'verified-filled', warning: 'warning', error: 'error' };

/** One TreeItem per model node: label, description, a theme icon coloured by severity, Markdown tooltip. */
export function treeItemFor(node: TreeNode): vscode.TreeItem {
  const hasChildren = 'children' in node && node.children.length > 0;
  const item = new vscode.TreeItem(
    node.label,
    hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.description = node.description;
  switch (node.kind) {
    case 'group':
      item.iconPath = themeIcon(
        node.group === 'environments' ? 'server-environment' : 'files',
        node.severity === 'ok' ? undefined : node.severity,
      );
      item.contextValue = `thredd.group.${node.group}`;
      break;
    case 'environment':
      item.iconPath = themeIcon(node.active ? 'star-full' : 'server-environment', node.severity === 'ok' ? undefined : node.severity);
      item.contextValue = node.active ? 'thredd.environment.active' : 'thredd.environment';
      item.tooltip = markdown(
        `**${node.name}**${node.active ? ' (active)' : ''}\n\n${node.baseUrl}\n\n${node.connection} · X-Region ` +
          `${node.region} (${node.regionName})` +
          `${node.tokenUrl ? `\n\nToken endpoint: ${node.tokenUrl}` : ''}` +
          `${node.insecure ? '\n\n$(warning) TLS verification is off for this environment' : ''}`,
      );
      item.collapsibleState = node.children.length
        ? node.active
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
      break;
    case 'application':
      item.iconPath = new vscode.ThemeIcon('key');
      item.contextValue = 'thredd.application';
      item.tooltip = markdown(
        `**${node.name}**\n\nClient ID: \`${node.clientId}\`` +
          `${node.appId ? `\n\nApp ID: \`${node.appId}\`` : ''}\n\nAuthentication: ${node.authMethod}` +
          `${node.kid ? `\n\nKID: \`${node.kid}\`` : ''}\n\nScopes: ${node.scopes.join(', ') || '(none)'}`,
      );
      break;
    case 'certificate':
      item.iconPath = themeIcon(
        node.status === 'not-configured' || node.status === 'locked' ? 'circle-outline' : CERTIFICATE_ICON[node.severity],
        node.severity,
      );
      item.contextValue = `thredd.certificate.${node.certificateType}`;
      item.tooltip = certificateTooltip(node);
      item.resourceUri = vscode.Uri.file(node.file);
      item.command = { title: 'Inspect Certificate', command: 'thredd.tree.inspect', arguments: [node] };
      break;
    case 'configError':
      item.iconPath = themeIcon('error', 'error');
      item.contextValue = 'thredd.configError';
      item.tooltip = markdown(
        `${node.message}\n\n**Fix:** ${node.fix}${node.moreErrors ? `\n\n${node.moreErrors} more problem(s) in the Problems panel.` : ''}`,
      );
      item.command = {
        title: 'Open thredd.json',
        command: 'vscode.open',
        arguments: [vscode.Uri.file(node.file), { selection: toVscodeRange(node.range) }],
      };
      break;
  }
  return item;
}

function certificateTooltip(node: CertificateNode): vscode.MarkdownString {
  const lines = [`**${node.label}** · ${node.description ?? ''}`];
  if (node.error) lines.push(`$(error) ${node.error}`);
  const leaf = node.tooltip.certificates[0];
  if (leaf) {
    lines.push(
      `Subject: ${leaf.subject}`,
      `Issuer: ${leaf.issuer}`,
      `Valid: ${leaf.notBefore.slice(0, 10)} → ${leaf.notAfter.slice(0, 10)}`,
      `SHA-256: \`${leaf.sha256Fingerprint}\``,
      `x5t#S256: \`${leaf.x5tS256}\``,
    );
  }
  const kid = node.tooltip.kid;
  if (kid?.configured) lines.push(`KID (thredd.json): \`${kid.configured}\``);
  if (kid?.jwkThumbprint) lines.push(`JWK thumbprint: \`${kid.jwkThumbprint}\``);
  if (node.tooltip.keyMatches !== undefined)
    lines.push(node.tooltip.keyMatches ? 'Private key: matches' : '$(error) Private key: does NOT match');
  if (node.usedBy.length) lines.push(`Used by: ${node.usedBy.join(', ')}`);
  lines.push(`\`${node.file}\``);
  return markdown(lines.join('\n\n'));
}

function themeIcon(id: string, severity: Severity | undefined): vscode.ThemeIcon {
  const colour = severity && SEVERITY_COLOUR[severity];
  return new vscode.ThemeIcon(id, colour ? new vscode.ThemeColor(colour) : undefined);
}

function markdown(text: string): vscode.MarkdownString {
  const value = new vscode.MarkdownString(text);
  value.supportThemeIcons = true;
  return value;
}
