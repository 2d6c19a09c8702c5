import { API_ROOTS, OPERATIONS, SANDBOX_API_ROOT, type CatalogueExample, type CatalogueOperation } from '../../core/catalogue';
import { successExample } from '../../core/catalogue/exampleRequest';
import { suggestionText } from '../../core/text/suggest';
import { CliError, type CliCommand, type CliValues } from '../command';
import { operationFile, operationListing, operationTable } from './apiFormat';

const SHOW_USAGE = `thredd api show OPERATION [--example ID] [--root ${API_ROOTS.join('|')}] [--json]`;
const OPERATION_IDS = OPERATIONS.map((operation) => operation.id);

export const apiListCommand: CliCommand = {
  path: ['api', 'list'],
  summary: "List the operations of Thredd's Cards API the extension knows: method, path, scope, idempotency",
  usage: 'thredd api list [--json]',
  options: { json: { type: 'boolean' } },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new CliError(`thredd api list takes no arguments; to see one operation: ${SHOW_USAGE}`);
    io.out(values.json ? JSON.stringify(OPERATIONS.map(operationListing), null, 2) + '\n' : operationTable(OPERATIONS));
    return 0;
  },
};

export const apiShowCommand: CliCommand = {
  path: ['api', 'show'],
  summary: 'Show one operation: paths, scope, parameters, answers, and an example as a .thredd request',
  usage: SHOW_USAGE,
  options: { example: { type: 'string' }, root: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new CliError(`Name one operation (thredd api list shows them). Usage: ${SHOW_USAGE}`);
    const operation = findOperation(positionals[0]);
    const example = findExample(operation, stringValue(values, 'example'));
    const apiRoot = stringValue(values, 'root') ?? SANDBOX_API_ROOT;
    if (!API_ROOTS.includes(apiRoot)) {
      throw new CliError(`--root ${apiRoot} is not an API root of Thredd's: ${suggestionText(apiRoot, API_ROOTS)}`);
    }
    const thredd = operationFile(operation, example, apiRoot);
    io.out(values.json ? JSON.stringify({ operation, example: example.id, apiRoot, thredd }, null, 2) + '\n' : thredd);
    return 0;
  },
};

function stringValue(values: CliValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** By id; `cards.status` names both of its operations rather than guessing one. */
function findOperation(id: string): CatalogueOperation {
  const operation = OPERATIONS.find((candidate) => candidate.id === id);
  if (operation) return operation;
  const under = OPERATION_IDS.filter((candidate) => candidate.startsWith(`${id}.`));
  const hint = under.length > 1 ? `it heads ${under.join(', ')}.` : suggestionText(id, OPERATION_IDS);
  throw new CliError(`There is no operation "${id}" in the catalogue: ${hint} Run "thredd api list" to see them all.`);
}

/** The example asked for, else the first success (what exampleRequest shows by default). */
function findExample(operation: CatalogueOperation, id: string | undefined): CatalogueExample {
  if (id === undefined) return successExample(operation);
  const example = operation.examples.find((candidate) => candidate.id === id);
  if (example) return example;
  const known = operation.examples.map((candidate) => `${candidate.id} (${candidate.response.status})`).join(', ');
  throw new CliError(`${operation.id} has no example "${id}"; its examples are ${known}.`);
}
