/**
 * The few routes of the sandbox: `METHOD /path/:param` patterns matched segment by segment. A path
 * that exists with another method is told apart from one that does not exist (405 vs 404).
 */
export type Params = Record<string, string>;

interface Route<H> {
  method: string;
  segments: string[];
  handler: H;
}

export type RouteMatch<H> = { kind: 'found'; handler: H; params: Params } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'none' };

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  match(method: string, pathname: string): RouteMatch<H> {
    let segments: string[];
    try {
      segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return { kind: 'none' };
    }
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }
}

function matchSegments(pattern: string[], actual: string[]): Params | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Params = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const part = pattern[index];
    if (part.startsWith(':')) params[part.slice(1)] = actual[index];
    else if (part !== actual[index]) return undefined;
  }
  return params;
}
