import type * as JsonPathPlus from 'jsonpath-plus';

/**
 * Every match of a JSONPath in a parsed JSON value, through jsonpath-plus with its safe evaluator
 * (filter expressions never reach `eval`). Loaded with the first query: the extension build ships
 * jsonpath-plus as dist/lazy/jsonpath-plus.js, so opening a request file does not compile it.
 */
export function queryJsonPath(path: string, json: unknown): unknown[] {
  const { JSONPath } = require('jsonpath-plus') as typeof JsonPathPlus;
  return JSONPath({ path, json: json as object, wrap: true, eval: 'safe' }) as unknown[];
}
