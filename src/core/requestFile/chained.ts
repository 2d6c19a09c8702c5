import { queryJsonPath } from './jsonPath';
import type { Lookup } from './dotenv';
import type { HeaderValues, StoredExchange } from './resolveTypes';
import type { ChainedPath } from './types';

/** Reads `{{NAME.response.body.$.path}}`, `{{NAME.response.headers.Name}}` or `.request.` from a stored exchange. */
export function chainedValue(chain: ChainedPath, exchange: StoredExchange): Lookup {
  const label = `${chain.request}.${chain.source}`;
  const side = chain.source === 'response' ? exchange : exchange.request;
  if (!side)
    return { problem: `The request "${chain.request}" was stored without its request side, so ${label} cannot be read: send it again.` };
  if (chain.section === 'headers') return headerValue(side.headers, chain.path, label);
  const bodyText = side.bodyText ?? '';
  if (chain.path === '*') return { value: bodyText };
  return queryJson(bodyText, chain.path, label);
}

function headerValue(headers: HeaderValues, name: string, label: string): Lookup {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return { value: typeof value === 'string' ? value : value.join(', ') };
  }
  const present = Object.keys(headers);
  return { problem: `The ${label} has no header "${name}"${present.length ? ` (it has ${present.join(', ')})` : ''}.` };
}

/** JSONPath through jsonpath-plus with its safe evaluator: filter expressions never reach `eval`. */
export function queryJson(bodyText: string, path: string, label: string): Lookup {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return {
      problem: `The ${label} body is not JSON, so the JSONPath ${path} cannot be applied (it starts with "${bodyText.slice(0, 30)}").`,
    };
  }
  let matches: unknown[];
  try {
    matches = queryJsonPath(path, json);
  } catch (error) {
    return { problem: `The JSONPath ${path} is not valid: ${(error as Error).message}` };
  }
  if (!Array.isArray(matches) || matches.length === 0) return { problem: `The JSONPath ${path} matches nothing in the ${label} body.` };
  return { value: matches.length === 1 ? textOf(matches[0]) : JSON.stringify(matches) };
}

/** Strings as they are (no quotes), everything else as JSON. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}
