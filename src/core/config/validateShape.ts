import { suggestionText } from '../text/suggest';
import type { JsonPath } from './jsoncDocument';
import type { Rule } from './shape';

/** A problem found at a JSON path; `onKey` points the editor at the property name instead of its value. */
export interface ShapeProblem {
  path: JsonPath;
  onKey?: boolean;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
}

/** Checks a parsed value against a Rule and lists every problem, never stopping at the first. */
export function validateShape(value: unknown, rule: Rule, path: JsonPath = []): ShapeProblem[] {
  const where = describePath(path);
  const typeProblem = (expected: string, fix: string): ShapeProblem[] => [
    { path, severity: 'error', message: `${where} must be ${expected}, not ${describeType(value)}.`, fix },
  ];

  switch (rule.kind) {
    case 'string': {
      // "proxy" is a URL or false (go direct), never true.
      if (rule.orFalse && value === false) return [];
      if (rule.orFalse && typeof value !== 'string') return typeProblem('a string or false', rule.hint ?? 'Write a string or false.');
      if (typeof value !== 'string') return typeProblem('a string', `Put the value in double quotes.${rule.hint ? ' ' + rule.hint : ''}`);
      if (rule.values && !rule.values.includes(value)) {
        return [
          {
            path,
            severity: 'error',
            message: `${where} is "${value}": ${suggestionText(value, rule.values)}`,
            fix: rule.hint ?? `Use one of: ${rule.values.join(', ')}.`,
          },
        ];
      }
      return [];
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : typeProblem('true or false', 'Write true or false without quotes.');
    case 'stringArray':
      if (!Array.isArray(value)) return typeProblem('an array of strings', 'Write it as ["first", "second"].');
      return value.flatMap((item, index) => validateShape(item, { kind: 'string' }, [...path, index]));
    case 'stringMap':
      if (!isPlainObject(value)) return typeProblem('an object of names to strings', 'Write it as { "name": "value" }.');
      return Object.entries(value).flatMap(([key, item]) => validateShape(item, { kind: 'string' }, [...path, key]));
    case 'map':
      if (!isPlainObject(value)) return typeProblem('an object keyed by name', 'Write it as { "name": { ... } }.');
      return Object.entries(value).flatMap(([key, item]) => validateShape(item, rule.of, [...path, key]));
    case 'object':
      return validateObject(value, rule, path, typeProblem);
  }
}

function validateObject(
  value: unknown,
  rule: Extract<Rule, { kind: 'object' }>,
  path: JsonPath,
  typeProblem: (expected: string, fix: string) => ShapeProblem[],
): ShapeProblem[] {
  if (!isPlainObject(value)) return typeProblem('an object', 'Write it as { "key": value }.');
  const known = Object.keys(rule.fields);
  const problems: ShapeProblem[] = [];
  for (const required of rule.required ?? []) {
    if (!(required in value)) {
      problems.push({ path, severity: 'error', message: `${describePath(path)} has no "${required}".`, fix: `Add "${required}".` });
    }
  }
  for (const [key, item] of Object.entries(value)) {
    const fieldRule = rule.fields[key];
    if (!fieldRule) {
      problems.push({
        path: [...path, key],
        onKey: true,
        severity: 'error',
        message: `Unknown key "${key}" in ${describePath(path)}: ${suggestionText(key, known)}`,
        fix: `Rename or remove "${key}"; allowed keys are ${known.filter((name) => name !== '$schema').join(', ')}.`,
      });
      continue;
    }
    problems.push(...validateShape(item, fieldRule, [...path, key]));
  }
  return problems;
}

/** `environments.uat-mtls.mtls.cert` style paths, or "the file" for the root. */
export function describePath(path: JsonPath): string {
  if (path.length === 0) return 'the file';
  return (
    '"' +
    path
      .map((part) => (typeof part === 'number' ? `[${part}]` : part))
      .join('.')
      .replace(/\.\[/g, '[') +
    '"'
  );
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
