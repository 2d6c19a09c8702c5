/**
 * `METHOD /path/{param}` templates matched segment by segment, for the sandbox's routes and the catalogue's
 * operations alike. A path that exists with another method is told apart from one that does not exist
 * (405 vs 404). A parameter segment is written `{name}`, as in OpenAPI, or `:name`.
 */
export type PathParams = Record<string, string>;

export type RouteMatch<H> =
  { kind: 'found'; handler: H; params: PathParams } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'none' };

type Segment = { literal: string } | { param: string };

interface Route<H> {
  method: string;
  template: string;
  segments: Segment[];
  handler: H;
}

export class RouteTable<H> {
  private readonly entries: Route<H>[] = [];

  add(method: string, template: string, handler: H): this {
    this.entries.push({ method, template, segments: templateSegments(template), handler });
    return this;
  }

  match(method: string, pathname: string): RouteMatch<H> {
    const segments = pathSegments(pathname);
    return segments ? this.matchSegments(method, segments) : { kind: 'none' };
  }

  /** Like match, for a path already split and decoded (pathSegments). */
  matchSegments(method: string, segments: readonly string[]): RouteMatch<H> {
    const allowed: string[] = [];
    for (const route of this.entries) {
      const params = fitTemplate(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }

  /** Every route as added, in order. */
  routes(): { method: string; template: string }[] {
    return this.entries.map(({ method, template }) => ({ method, template }));
  }
}

/**
 * A path's segments, percent-decoded; empty segments (a trailing or doubled slash) are dropped. Undefined
 * for a malformed escape, which matches nothing.
 */
export function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

function templateSegments(template: string): Segment[] {
  return template
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part)?.[1] ?? /^:(\w+)$/.exec(part)?.[1];
      return param === undefined ? { literal: part } : { param };
    });
}

function fitTemplate(template: readonly Segment[], actual: readonly string[]): PathParams | undefined {
  if (template.length !== actual.length) return undefined;
  const params: PathParams = {};
  for (let index = 0; index < template.length; index += 1) {
    const segment = template[index];
    if ('param' in segment) params[segment.param] = actual[index];
    else if (segment.literal !== actual[index]) return undefined;
  }
  return params;
}
