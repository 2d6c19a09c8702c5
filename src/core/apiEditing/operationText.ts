import { IDEMPOTENCY_KEY_HEADER, type CatalogueOperation } from '../catalogue';
import { escapeMarkdown } from './markdown';

/**
 * An operation as the editor shows it on hover and in completion: method and path, id, what it does, the scope
 * its token needs, whether an idempotency key applies, its parameters and the statuses it answers. Markdown.
 */
export function describeOperation(operation: CatalogueOperation): string {
  const lines = [
    `**${operation.method} ${escapeMarkdown(operation.path)}** · \`${operation.id}\``,
    escapeMarkdown(operation.summary),
    `Scope \`${operation.scope}\` · ${
      operation.idempotencyKey
        ? `idempotent with an \`${IDEMPOTENCY_KEY_HEADER}\` header (a GUID): a retry within an hour is not done twice`
        : `not idempotent: Thredd ignores an \`${IDEMPOTENCY_KEY_HEADER}\` here`
    }`,
  ];
  for (const parameter of operation.parameters ?? []) {
    lines.push(
      `\`${parameter.name}\` (${parameter.in}${parameter.required ? ', required' : ''}): ${escapeMarkdown(parameter.description)}`,
    );
  }
  lines.push(`Answers ${Object.keys(operation.responses).join(', ')}`);
  return lines.join('\n\n');
}
