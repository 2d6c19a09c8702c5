import type { FileVariable, ParsedRequest, ParsedRequestFile } from '../requestFile/types';

/**
 * Sorts a file's requests into lanes: requests that read another's response (`{{NAME.response…}}`,
 * written in the request or in a file variable it uses) share a lane with it, and so with every other
 * request that reads it. A run session sends one request of a lane at a time, in file order, so a
 * request never overtakes the one it reads from, readers of one response see the same exchange, and
 * a named request is never sent twice at once because two readers each found it missing.
 *
 * A `<@ file` body may hold chained values too, but its text is only read when the request is sent:
 * such a request shares the lane of every named request.
 *
 * Returns a lane number per request index.
 */
export function chainLanes(file: ParsedRequestFile): number[] {
  const lanes = new Lanes(file.requests.length);
  const indexesByName = new Map<string, number[]>();
  for (const request of file.requests) {
    if (request.name === undefined) continue;
    const indexes = indexesByName.get(request.name);
    if (indexes) indexes.push(request.index);
    else indexesByName.set(request.name, [request.index]);
  }
  if (indexesByName.size === 0) return lanes.numbers();
  const readsOf = fileVariableReads(file.fileVariables);
  for (const request of file.requests) {
    const names = hasTemplatedBodyFile(request) ? indexesByName.keys() : readNames(request, readsOf);
    for (const name of names) for (const index of indexesByName.get(name) ?? []) lanes.join(request.index, index);
  }
  return lanes.numbers();
}

/** The request names a request reads from, directly or through file variables. */
function readNames(request: ParsedRequest, readsOf: (variable: string) => ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const reference of request.variables) {
    if (reference.kind === 'chained') names.add(reference.name);
    else if (reference.kind === 'variable') readsOf(reference.name).forEach((name) => names.add(name));
  }
  return names;
}

const NONE: ReadonlySet<string> = new Set();

/** For each file variable, the request names its value reads from, following other file variables (cycles end the walk). */
function fileVariableReads(variables: readonly FileVariable[]): (name: string) => ReadonlySet<string> {
  const declarations = new Map<string, FileVariable[]>();
  for (const variable of variables) declarations.set(variable.name, [...(declarations.get(variable.name) ?? []), variable]);
  const known = new Map<string, ReadonlySet<string>>();
  const readsOf = (name: string, walking: Set<string>): ReadonlySet<string> => {
    const cached = known.get(name);
    if (cached) return cached;
    if (!declarations.has(name) || walking.has(name)) return NONE;
    walking.add(name);
    const names = new Set<string>();
    for (const reference of declarations.get(name)!.flatMap((variable) => variable.references)) {
      if (reference.kind === 'chained') names.add(reference.name);
      else if (reference.kind === 'variable') readsOf(reference.name, walking).forEach((read) => names.add(read));
    }
    walking.delete(name);
    known.set(name, names);
    return names;
  };
  return (name) => readsOf(name, new Set());
}

function hasTemplatedBodyFile(request: ParsedRequest): boolean {
  const body = request.body;
  if (body?.kind === 'file') return body.processVariables;
  return body?.kind === 'mixed' && body.parts.some((part) => part.kind === 'file' && part.processVariables);
}

/** Disjoint sets of request indexes (union–find with path halving). */
class Lanes {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }

  join(a: number, b: number): void {
    const rootA = this.root(a);
    const rootB = this.root(b);
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }

  numbers(): number[] {
    return this.parent.map((_, index) => this.root(index));
  }

  private root(index: number): number {
    let current = index;
    while (this.parent[current] !== current) {
      this.parent[current] = this.parent[this.parent[current]];
      current = this.parent[current];
    }
    return current;
  }
}
