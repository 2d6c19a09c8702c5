import { exampleRequest, OPERATIONS, type CatalogueOperation } from '../catalogue';
import { printRequestFile } from '../requestFile/printRequestFile';

/** A quick pick entry for "New Request from API…". */
export interface OperationPick {
  operationId: string;
  /** `POST /cards` */
  label: string;
  /** The operation's id. */
  description: string;
  /** What it does. */
  detail: string;
}

export interface OperationGroup {
  /** `Cards`: from the first part of the operations' ids. */
  resource: string;
  picks: OperationPick[];
}

/** The catalogue's operations grouped by resource, in catalogue order, for a quick pick. */
export function operationGroups(operations: readonly CatalogueOperation[] = OPERATIONS): OperationGroup[] {
  const groups = new Map<string, OperationPick[]>();
  for (const operation of operations) {
    const resource = operation.id.split('.')[0];
    const pick = {
      operationId: operation.id,
      label: `${operation.method} ${operation.path}`,
      description: operation.id,
      detail: operation.summary,
    };
    groups.set(resource, [...(groups.get(resource) ?? []), pick]);
  }
  return [...groups].map(([resource, picks]) => ({ resource: resource[0].toUpperCase() + resource.slice(1), picks }));
}

/**
 * The text to append to a request file for an operation's example (its first success unless `exampleId` says
 * which): a blank line after what is there, then the request printed, from `### title` to its body.
 */
export function newRequestText(
  existing: string,
  operation: CatalogueOperation,
  options: { exampleId?: string; apiRoot?: string } = {},
): string {
  const printed = printRequestFile({ comments: [], variables: [], directives: [], requests: [exampleRequest(operation, options)] });
  if (existing.trim() === '') return printed;
  return `${existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n'}${printed}`;
}
