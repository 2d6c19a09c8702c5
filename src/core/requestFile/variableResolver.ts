import { suggestionText } from '../text/suggest';
import { chainedValue } from './chained';
import type { Lookup } from './dotenv';
import { lineRange } from './lines';
import { classifyExpression, findReferenceSpans } from './references';
import type { ResolveContext, SecretUse, Unresolved } from './resolveTypes';
import { isSecretName } from './secrets';
import { evaluateSystemVariable } from './systemVariables';
import { systemVariableSpec } from './systemVariableSpecs';
import type { FileVariable, ParsedRequest, ParsedRequestFile, TextPosition, TextRange } from './types';

/** A reference's value and whether it must be masked, or why it has none. */
export type Outcome =
  | { value: string; secret: boolean; source: VariableSource }
  | { problem: string; source?: VariableSource }
  | { needs: string; source: 'request' };

export type VariableSource = 'file' | 'environment' | 'prompt' | 'system' | 'request' | 'run';

/** Where the references of a text sit in the document: a start position, or one range per reference in order. */
export type Placement = TextPosition | readonly TextRange[] | undefined;

/**
 * Substitutes `{{...}}` for one resolution: file variables are resolved once (so `@id = {{$guid}}`
 * gives the same id everywhere in the request), cycles are reported instead of looping, and each
 * problem is recorded once with the range of the reference that caused it.
 */
export class VariableResolver {
  readonly unresolved: Unresolved[] = [];
  readonly needs = new Set<string>();
  private readonly secrets = new Map<string, SecretUse>();
  private readonly fileVariables = new Map<string, FileVariable>();
  private readonly memo = new Map<string, Outcome>();
  private readonly reported = new Set<string>();
  private readonly stack: string[] = [];
  private readonly requestNames: Set<string>;
  private readonly dotenvCache = new Map<string, Record<string, string | undefined> | null>();

  constructor(
    readonly file: ParsedRequestFile,
    readonly context: ResolveContext,
    readonly request?: ParsedRequest,
  ) {
    for (const variable of file.fileVariables) this.fileVariables.set(variable.name, variable);
    this.requestNames = new Set(file.requests.flatMap((item) => (item.name ? [item.name] : [])));
  }

  get secretsUsed(): SecretUse[] {
    return [...this.secrets.values()];
  }

  /** Replaces every reference of `text` it can; the others stay as written and are recorded. */
  substitute(text: string, placement?: Placement): { value: string; secret: boolean } {
    let value = '';
    let secret = false;
    let lineStart = 0;
    let line = 0;
    let count = 0;
    while (lineStart <= text.length) {
      let lineEnd = lineStart;
      while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
      let cursor = lineStart;
      for (const span of findReferenceSpans(text, lineStart, lineEnd)) {
        const expression = text.slice(span.expressionStart, span.expressionEnd);
        const range = rangeOf(placement, count++, line, span.start - lineStart, span.end - lineStart);
        const outcome = this.evaluate(expression);
        value += text.slice(cursor, span.start);
        cursor = span.end;
        if ('value' in outcome) {
          value += outcome.value;
          if (outcome.secret) {
            secret = true;
            this.secrets.set(`${expression}\u0000${outcome.value}`, { name: expression, value: outcome.value });
          }
        } else {
          value += text.slice(span.start, span.end);
          if ('needs' in outcome) this.needs.add(outcome.needs);
          else this.report(expression, range, outcome.problem);
        }
      }
      value += text.slice(cursor, lineEnd);
      if (lineEnd >= text.length) break;
      const breakLength = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1;
      value += text.slice(lineEnd, lineEnd + breakLength);
      lineStart = lineEnd + breakLength;
      line++;
    }
    return { value, secret };
  }

  /** The value of one reference's expression (the text between the braces). */
  evaluate(expression: string): Outcome {
    const classified = classifyExpression(expression);
    if (classified.kind === 'system') {
      const spec = systemVariableSpec(classified.name);
      return this.fromLookup(
        evaluateSystemVariable(classified.name, classified.args, this.systemEvaluation()),
        Boolean(spec?.readsEnvironment),
        'system',
      );
    }
    if (classified.kind === 'chained' && classified.chain) {
      if (classified.problem) return { problem: classified.problem.message, source: 'request' };
      const target = classified.chain.request;
      if (!this.requestNames.has(target))
        return { problem: `No request in this file is named "${target}": add "# @name ${target}" above it.`, source: 'request' };
      if (this.request?.name === target)
        return {
          problem: `The request "${target}" refers to its own ${classified.chain.source}: use another request's values.`,
          source: 'request',
        };
      const exchange = this.context.responseOf?.(target);
      if (!exchange) return { needs: target, source: 'request' };
      return this.fromLookup(chainedValue(classified.chain, exchange), isSecretName(expression), 'request');
    }
    return this.lookup(expression);
  }

  /** A plain name: prompt value, then a value given for the run (--var, a data row), then file variable, then the active environment. */
  lookup(name: string): Outcome {
    const prompt = this.request?.metadata.prompts.find((item) => item.name === name);
    if (prompt) {
      const typed = this.context.promptValues?.[name];
      if (typed !== undefined) return { value: typed, secret: isSecretName(name), source: 'prompt' };
      return {
        problem: `{{${name}}} is a # @prompt variable: it gets its value when you are asked for it before sending.`,
        source: 'prompt',
      };
    }
    const given = this.context.runVariables;
    if (given && Object.prototype.hasOwnProperty.call(given, name))
      return { value: given[name], secret: isSecretName(name), source: 'run' };
    const variable = this.fileVariables.get(name);
    if (variable) return this.fileVariableValue(variable);
    const environmentValue = this.environmentValue(name);
    if (environmentValue !== undefined) return { value: environmentValue, secret: isSecretName(name), source: 'environment' };
    return { problem: this.undefinedMessage(name) };
  }

  environmentValue(name: string): string | undefined {
    const environment = this.context.environment;
    if (!environment) return undefined;
    const own =
      environment.variables && Object.prototype.hasOwnProperty.call(environment.variables, name) ? environment.variables[name] : undefined;
    if (own !== undefined) return own;
    if (name === 'baseUrl' || name === 'region' || name === 'clientId') return environment[name];
    return undefined;
  }

  /** The value of a file variable (the last declaration of its name wins). */
  fileVariableValue(variable: FileVariable): Outcome {
    const known = this.memo.get(variable.name);
    if (known) return known;
    const loopStart = this.stack.indexOf(variable.name);
    if (loopStart >= 0) {
      const cycle = [...this.stack.slice(loopStart), variable.name].map((name) => '@' + name).join(' → ');
      return { problem: `File variables refer to each other in a cycle (${cycle}): make one of them a plain value.`, source: 'file' };
    }
    this.stack.push(variable.name);
    const inner = this.substitute(variable.value, variable.valueRange.start);
    this.stack.pop();
    const outcome: Outcome = { value: inner.value, secret: inner.secret || isSecretName(variable.name), source: 'file' };
    this.memo.set(variable.name, outcome);
    return outcome;
  }

  private fromLookup(lookup: Lookup, secret: boolean, source: VariableSource): Outcome {
    return 'value' in lookup ? { value: lookup.value, secret, source } : { problem: lookup.problem, source };
  }

  private systemEvaluation() {
    return { context: this.context, dotenvCache: this.dotenvCache, environmentValue: (name: string) => this.environmentValue(name) };
  }

  private undefinedMessage(name: string): string {
    const environment = this.context.environment;
    const known = [...this.fileVariables.keys(), ...Object.keys(environment?.variables ?? {}), 'baseUrl', 'region', 'clientId'];
    const where = environment
      ? `the "variables" of environment "${environment.name ?? 'active'}" in thredd.json`
      : 'an environment in thredd.json (none is active)';
    const close = suggestionText(name, known);
    return (
      `{{${name}}} is not defined: declare "@${name} = value" in this file or add it to ${where}` +
      `${close.startsWith('did you mean') ? `; ${close}` : '.'}`
    );
  }

  private report(name: string, range: TextRange | undefined, reason: string): void {
    const key = `${name}\u0000${reason}\u0000${range ? `${range.start.line}:${range.start.column}` : ''}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.unresolved.push(range ? { name, range, reason } : { name, reason });
  }
}

function rangeOf(placement: Placement, index: number, line: number, start: number, end: number): TextRange | undefined {
  if (!placement) return undefined;
  if (Array.isArray(placement)) return placement[index];
  const origin = placement as TextPosition;
  const column = line === 0 ? origin.column : 0;
  return lineRange(origin.line + line, column + start, column + end);
}
