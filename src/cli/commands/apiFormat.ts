import { API_HUB_ROOT, CARDS_API_ROOT, type CatalogueExample, type CatalogueOperation } from '../../core/catalogue';
import { exampleRequest } from '../../core/catalogue/exampleRequest';
import { printRequestFile } from '../../core/requestFile/printRequestFile';

/** Where each API root is served (apiRoots.ts), for the two request lines `thredd api show` prints. */
const ROOT_HOSTS: Readonly<Record<string, string>> = {
  [API_HUB_ROOT]: 'API Hub: uat-api, uat-mtls, api and mtls.thredd.com, and the sandbox',
  [CARDS_API_ROOT]: 'Cards API: api.uat.threddpay.com',
};

/** `thredd api list --json`: an operation's facts without its schemas and example bodies. */
export function operationListing(operation: CatalogueOperation) {
  return {
    id: operation.id,
    method: operation.method,
    path: operation.path,
    summary: operation.summary,
    scope: operation.scope,
    idempotencyKey: operation.idempotencyKey,
    requestBody: operation.requestBody !== undefined,
    responses: Object.keys(operation.responses).map(Number),
    examples: operation.examples.map((example) => example.id),
  };
}

/** `thredd api list`: one aligned row per operation, headed, then where the paths start. */
export function operationTable(operations: readonly CatalogueOperation[]): string {
  const rows = [
    ['ID', 'METHOD', 'PATH', 'SCOPE', 'IDEMPOTENCY', 'SUMMARY'],
    ...operations.map((operation) => [
      operation.id,
      operation.method,
      operation.path,
      operation.scope,
      operation.idempotencyKey ? 'yes' : 'no',
      operation.summary,
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  '));
  const roots = `Paths are relative to ${API_HUB_ROOT} (API Hub, the sandbox) or ${CARDS_API_ROOT} (Cards API).`;
  return [...lines, '', roots, 'thredd api show ID prints one, with an example request to save in a .thredd file.', ''].join('\n');
}

/**
 * `thredd api show`: the operation described in comment lines, then its example as a request, so that the
 * whole output saved as a .thredd file runs. Path parameters become file variables holding the example's
 * values (illustrative: put your own card's token there).
 */
export function operationFile(operation: CatalogueOperation, example: CatalogueExample, apiRoot: string): string {
  const draft = exampleRequest(operation, { exampleId: example.id, apiRoot });
  const variables = Object.entries(example.request.pathParams ?? {}).map(([name, value]) => ({ name, value }));
  return printRequestFile({ comments: describeOperation(operation, example), variables, directives: [], requests: [draft] });
}

function describeOperation(operation: CatalogueOperation, shown: CatalogueExample): string[] {
  const pathWidth = Math.max(...Object.keys(ROOT_HOSTS).map((root) => root.length)) + operation.path.length;
  const paths = Object.entries(ROOT_HOSTS).map(([root, hosts]) => {
    const fullPath = `${root}${operation.path}`;
    return `  ${operation.method} ${fullPath.padEnd(pathWidth)}  (${hosts})`;
  });
  const idempotency = operation.idempotencyKey
    ? 'send a GUID as idempotencyKey; a repeat with the same key within an hour is answered as the first, not done twice'
    : 'none (Thredd ignores an idempotencyKey here)';
  const parameters = (operation.parameters ?? []).map((parameter) => {
    const kind = `${parameter.in}, ${parameter.required ? 'required' : 'optional'}`;
    return [parameter.name, `${kind}: ${parameter.description}`] as const;
  });
  const responses = Object.entries(operation.responses).map(([status, response]) => [status, response.description] as const);
  const examples = operation.examples.map((example) => `${example.id} (${example.response.status}${example === shown ? ', below' : ''})`);
  return [
    `${operation.id}: ${operation.summary}`,
    '',
    ...paths,
    '',
    `Scope: ${operation.scope}`,
    `Idempotency: ${idempotency}`,
    ...(parameters.length ? ['', 'Parameters:', ...aligned(parameters)] : []),
    '',
    'Responses:',
    ...aligned(responses),
    '',
    `Examples: ${examples.join(', ')}`,
    `Another one: thredd api show ${operation.id} --example ID`,
    ...(shown.request.pathParams ? ["The example's path parameters follow: put your own values there."] : []),
  ];
}

function aligned(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`);
}
