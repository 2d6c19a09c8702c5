import { dnFieldsOf } from './subjectFields';
import type { AttentionItem, CertificateNode, Severity } from './types';

const RANK: Record<Severity, number> = { ok: 0, warning: 1, error: 2 };

/**
 * Certificate files needing attention (warning or error), each file once with its most severe
 * node: the same Transport certificate under three environments is one thing to renew.
 */
export function certificatesNeedingAttention(nodes: readonly CertificateNode[]): AttentionItem[] {
  const worstByFile = new Map<string, CertificateNode>();
  for (const node of nodes) {
    if (node.severity === 'ok') continue;
    const seen = worstByFile.get(node.file);
    if (!seen || RANK[node.severity] > RANK[seen.severity]) worstByFile.set(node.file, node);
  }
  return Array.from(worstByFile.values(), (node) => {
    const leaf = node.tooltip.certificates[0];
    return {
      file: node.file,
      nodeId: node.id,
      label: node.environment ? `${node.label} (${node.environment})` : node.label,
      severity: node.severity as Exclude<Severity, 'ok'>,
      status: node.status,
      summary: node.description ?? '',
      daysRemaining: node.expiry?.daysRemaining,
      notAfter: node.expiry?.notAfter,
      subject: leaf ? dnFieldsOf(leaf.subjectFields) : undefined,
      type: node.certificateType,
    };
  });
}
