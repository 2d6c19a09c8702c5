import { OPERATIONS, type CatalogueOperation } from '../catalogue';
import { HTTP_METHODS } from '../requestFile/types';

/** Where on a request line the catalogue's paths can be completed, and what the completion replaces. */
export interface PathSite {
  method: string;
  /** The column the inserted text starts at: after the method and space, or after `{{baseUrl}}`. */
  from: number;
  /** Whether `{{baseUrl}}` is written already; when not, the completion writes it. */
  afterBaseUrl: boolean;
}

/** A path as a snippet: text, and each `{name}` parameter as a placeholder holding `{{name}}`. */
export type PathPart = { text: string } | { parameter: string };

export interface PathCompletion {
  operation: CatalogueOperation;
  /** The path as inserted, parameters as `{{name}}`: for filtering and display. */
  text: string;
  parts: PathPart[];
}

const REQUEST_LINE = /^(\s*)([A-Za-z]+)(\s+)(\{\{\s*baseUrl\s*\}\})?(\S*)$/;

/**
 * The completion site of a request line's text before the cursor: `GET ` (the whole URL is offered) or
 * `POST {{baseUrl}}` with a path begun or not. Undefined elsewhere, and for a word that is not a method.
 */
export function pathSiteOf(before: string): PathSite | undefined {
  const match = REQUEST_LINE.exec(before);
  if (!match) return undefined;
  const [, indent, method, space, baseUrl, path] = match;
  if (!(HTTP_METHODS as readonly string[]).includes(method.toUpperCase())) return undefined;
  if (!baseUrl && path) return undefined;
  const from = indent.length + method.length + space.length + (baseUrl?.length ?? 0);
  return { method: method.toUpperCase(), from, afterBaseUrl: baseUrl !== undefined };
}

/** The catalogue's operations of the site's method, as paths under `apiRoot` (and `{{baseUrl}}` when not written). */
export function pathCompletions(site: PathSite, apiRoot: string, operations: readonly CatalogueOperation[] = OPERATIONS): PathCompletion[] {
  const prefix = `${site.afterBaseUrl ? '' : '{{baseUrl}}'}${apiRoot}`;
  return operations
    .filter((operation) => operation.method === site.method)
    .map((operation) => {
      const parts: PathPart[] = [{ text: prefix }];
      for (const piece of operation.path.split(/(\{\w+\})/)) {
        const parameter = /^\{(\w+)\}$/.exec(piece)?.[1];
        if (parameter) parts.push({ parameter });
        else if (piece) parts.push({ text: piece });
      }
      const text = parts.map((part) => ('text' in part ? part.text : `{{${part.parameter}}}`)).join('');
      return { operation, text, parts };
    });
}
