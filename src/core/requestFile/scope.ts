import { suggestionText } from '../text/suggest';
import type { EnvironmentValues, ResolveContext } from './resolveTypes';
import { MASK } from './secrets';
import { SYSTEM_VARIABLES, systemVariableSpec } from './systemVariableSpecs';
import { VariableResolver } from './variableResolver';
import type { Outcome, VariableSource } from './variableResolver';
import type {
  FileVariable,
  ParsedRequest,
  ParsedRequestFile,
  RequestFileDiagnostic,
  TextPosition,
  TextRange,
  VariableReference,
} from './types';

/** A variable usable at a position, for completion and hover. Secret values are never included, only masked. */
export interface ScopeVariable {
  name: string;
  source: VariableSource;
  /** The value to show: masked (••••••) for secrets, a description for system variables and named requests. */
  display: string;
  secret: boolean;
  /** Why the value could not be computed, if it could not. */
  problem?: string;
  /** The `@name = value`, `# @prompt` or `# @name` line. */
  declaration?: TextRange;
}

/** File variables, the environment's variables, the request's prompts, system variables and named requests. */
export function variablesInScope(file: ParsedRequestFile, position: TextPosition, context: ResolveContext): ScopeVariable[] {
  const request = requestAt(file, position.line);
  const resolver = new VariableResolver(file, context, request);
  const result: ScopeVariable[] = [];
  const latest = new Map<string, FileVariable>();
  for (const variable of file.fileVariables) latest.set(variable.name, variable);
  for (const variable of latest.values()) {
    const outcome = resolver.fileVariableValue(variable);
    const problems = resolver.unresolved.splice(0).map((item) => item.reason);
    result.push({
      ...show(variable.name, outcome, 'file'),
      ...(problems.length ? { problem: problems.join(' ') } : {}),
      declaration: variable.range,
    });
  }
  for (const name of environmentVariableNames(context.environment)) {
    if (latest.has(name)) continue;
    result.push(show(name, resolver.lookup(name), 'environment'));
  }
  for (const prompt of request?.metadata.prompts ?? []) {
    result.push({ ...show(prompt.name, resolver.lookup(prompt.name), 'prompt'), declaration: prompt.range });
  }
  for (const spec of SYSTEM_VARIABLES) {
    result.push({ name: spec.name, source: 'system', display: `${spec.syntax}: ${spec.description}`, secret: spec.readsEnvironment });
  }
  for (const named of file.requests) {
    if (!named.name || named === request) continue;
    result.push({
      name: named.name,
      source: 'request',
      display: `Values of ${named.method} ${named.url}: {{${named.name}.response.body.$.path}} or {{${named.name}.response.headers.Name}}`,
      secret: false,
      declaration: named.metadata.nameRange,
    });
  }
  return result;
}

/** What a hover on `reference` shows: its value (masked when secret) or why it has none. */
export function describeReference(file: ParsedRequestFile, reference: VariableReference, context: ResolveContext): ScopeVariable {
  const request = requestAt(file, reference.range.start.line);
  const resolver = new VariableResolver(file, context, request);
  const outcome = resolver.evaluate(reference.expression);
  const described = show(reference.expression, outcome, outcome.source ?? 'environment');
  const problems = resolver.unresolved.map((item) => item.reason);
  if (problems.length && !described.problem) described.problem = problems.join(' ');
  const spec = reference.kind === 'system' ? systemVariableSpec(reference.name) : undefined;
  if (spec && 'value' in outcome && !outcome.secret) described.display = `${outcome.value} (${spec.description})`;
  if (reference.kind === 'variable') {
    const declared = file.fileVariables.filter((variable) => variable.name === reference.name).pop();
    if (declared && outcome.source === 'file') described.declaration = declared.range;
  }
  return described;
}

function show(name: string, outcome: Outcome, source: VariableSource): ScopeVariable {
  if ('value' in outcome) return { name, source: outcome.source, display: outcome.secret ? MASK : outcome.value, secret: outcome.secret };
  if ('needs' in outcome) {
    return {
      name,
      source: 'request',
      display: '',
      secret: false,
      problem: `"${outcome.needs}" has not been sent yet: it is sent first, then its response is read.`,
    };
  }
  return { name, source: outcome.source ?? source, display: '', secret: false, problem: outcome.problem };
}

export function environmentVariableNames(environment: EnvironmentValues | undefined): string[] {
  if (!environment) return [];
  const names = (['baseUrl', 'region', 'clientId'] as const).filter((name) => environment[name] !== undefined);
  return [...new Set([...names, ...Object.keys(environment.variables ?? {})])];
}

/** The request whose block holds `line`, by binary search over the ordered request ranges. */
export function requestAt(file: ParsedRequestFile, line: number): ParsedRequest | undefined {
  let low = 0;
  let high = file.requests.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const { range } = file.requests[middle];
    if (line < range.start.line) high = middle - 1;
    else if (line > range.end.line) low = middle + 1;
    else return file.requests[middle];
  }
  return undefined;
}

export interface ReferenceAt {
  reference: VariableReference;
  request?: ParsedRequest;
  fileVariable?: FileVariable;
}

/** The `{{...}}` under the cursor (inclusive of both ends, as editors place the caret). */
export function findReferenceAt(file: ParsedRequestFile, position: TextPosition): ReferenceAt | undefined {
  const contains = (reference: VariableReference) =>
    reference.range.start.line === position.line &&
    reference.range.start.column <= position.column &&
    position.column <= reference.range.end.column;
  const request = requestAt(file, position.line);
  const inRequest = request?.variables.find(contains);
  if (inRequest) return { reference: inRequest, request };
  for (const fileVariable of file.fileVariables) {
    if (fileVariable.range.start.line !== position.line) continue;
    const reference = fileVariable.references.find(contains);
    if (reference) return { reference, fileVariable };
  }
  const inFileMetadata = file.metadataVariables.find(contains);
  return inFileMetadata && { reference: inFileMetadata };
}

/**
 * "Unknown variable" diagnostics: plain `{{name}}` that is neither a file variable, a prompt of its
 * request nor one of `knownNames` (the active environment's names; see environmentVariableNames).
 */
export function checkVariables(file: ParsedRequestFile, knownNames: Iterable<string>): RequestFileDiagnostic[] {
  const fileNames = file.fileVariables.map((variable) => variable.name);
  const known = new Set([...fileNames, ...knownNames]);
  const candidates = [...known];
  const diagnostics: RequestFileDiagnostic[] = [];
  const check = (reference: VariableReference, prompts: readonly string[]) => {
    if (reference.kind !== 'variable' || known.has(reference.name) || prompts.includes(reference.name)) return;
    diagnostics.push({
      range: reference.nameRange,
      severity: 'warning',
      code: 'unknown-variable',
      message:
        `Unknown variable "${reference.name}": ${suggestionText(reference.name, candidates)} Declare "@` +
        `${reference.name} = value" in this file or add it to the environment's "variables" in ` +
        `thredd.json.`,
    });
  };
  for (const variable of file.fileVariables) variable.references.forEach((reference) => check(reference, []));
  const filePrompts = file.metadata.prompts.map((prompt) => prompt.name);
  file.metadataVariables.forEach((reference) => check(reference, filePrompts));
  for (const request of file.requests) {
    const prompts = request.metadata.prompts.map((prompt) => prompt.name);
    request.variables.forEach((reference) => check(reference, prompts));
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
}
