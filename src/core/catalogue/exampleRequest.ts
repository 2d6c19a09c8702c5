import type { RequestDraft } from '../requestFile/draft';
import { SANDBOX_API_ROOT } from './apiRoots';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency';
import type { CatalogueExample, CatalogueOperation } from './types';

export interface ExampleRequestOptions {
  /** Which example; default the operation's first success. */
  exampleId?: string;
  /** The API root after `{{baseUrl}}`; default API Hub's /core/api/v1 (the sandbox serves it too). */
  apiRoot?: string;
}

/** The operation's first 2xx example: what a newcomer should see first. */
export function successExample(operation: CatalogueOperation): CatalogueExample {
  return operation.examples.find((example) => example.response.status < 300) ?? operation.examples[0];
}

/** `cards.status.update` → `cardsStatusUpdate`: a valid `@name` (letters only), unique per operation. */
export function requestNameOf(operation: CatalogueOperation): string {
  return operation.id.replace(/\.(\w)/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * An operation's example as a `.thredd` request: `{{baseUrl}}` plus the API root, path parameters left as
 * `{{name}}` variables for the user to define or chain, the example's query and JSON body, a fresh
 * `{{$guid}}` idempotencyKey where Thredd honours one, and `# @expect status` of the example's answer.
 * "Thredd: New Request from API…" inserts it and `thredd api show` prints it.
 */
export function exampleRequest(operation: CatalogueOperation, options: ExampleRequestOptions = {}): RequestDraft {
  const example = options.exampleId ? operation.examples.find((item) => item.id === options.exampleId) : successExample(operation);
  if (!example) throw new Error(`${operation.id} has no example "${options.exampleId}"`);
  const path = operation.path.replace(/\{(\w+)\}/g, '{{$1}}');
  const query = Object.entries(example.request.query ?? {}).map(([name, value], index) => `${index === 0 ? '?' : '&'}${name}=${value}`);
  const headers = [{ name: 'Accept', value: 'application/json' }];
  if (example.request.body !== undefined)
    headers.unshift({ name: 'Content-Type', value: operation.requestBody?.contentType ?? 'application/json' });
  if (operation.idempotencyKey) headers.push({ name: IDEMPOTENCY_KEY_HEADER, value: '{{$guid}}' });
  return {
    // The summary's first clause names the request; the example says which case it shows.
    title: operation.summary.split(/\s\(|[.:,;]\s/, 1)[0].replace(/\.$/, ''),
    comments: [`${operation.method} ${operation.path}: ${operation.id}, scope ${operation.scope}`, oneLine(example.summary)],
    directives: [
      { key: 'name', value: requestNameOf(operation) },
      { key: 'expect', value: `status ${example.response.status}` },
    ],
    method: operation.method,
    url: `{{baseUrl}}${options.apiRoot ?? SANDBOX_API_ROOT}${path}`,
    query,
    headers,
    body: example.request.body === undefined ? undefined : { kind: 'text', text: JSON.stringify(example.request.body, null, 2) },
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
