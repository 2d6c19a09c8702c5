import { queryJsonPath } from './jsonPath';
import { textOf } from './chained';
import { describeSubject, expectationRegExp, isNumber } from './expect';
import type { HeaderValues } from './resolveTypes';
import type { Expectation } from './types';

export interface ObservedResponse {
  status: number;
  headers: HeaderValues;
  bodyText: string;
  durationMs: number;
}

export interface ExpectationResult {
  expectation: Expectation;
  passed: boolean;
  /** What was found; undefined when the header or JSONPath was absent. */
  actual?: string;
  /** One line for reports: `status == 200` or `expected status == 200, got 404`. */
  message: string;
}

/**
 * Checks one `# @expect` against a response. `value` overrides the written value once the caller has
 * substituted its variables (resolveText). Numbers compare as numbers when both sides are numeric.
 */
export function evaluateExpectation(expectation: Expectation, response: ObservedResponse, value = expectation.value): ExpectationResult {
  const label = `${describeSubject(expectation.subject)} ${expectation.operator}${value === undefined ? '' : ' ' + value}`;
  let actual: string | undefined;
  let passed: boolean;
  try {
    actual = actualValue(expectation, response);
    passed = compare(expectation.operator, actual, value ?? '');
  } catch (error) {
    return { expectation, passed: false, actual, message: `${label}: ${(error as Error).message}` };
  }
  const got = actual === undefined ? missing(expectation) : `got ${abbreviate(actual)}`;
  return { expectation, passed, actual, message: passed ? label : `expected ${label}, ${got}` };
}

function actualValue(expectation: Expectation, response: ObservedResponse): string | undefined {
  const { subject } = expectation;
  switch (subject.kind) {
    case 'status':
      return String(response.status);
    case 'duration':
      return String(Math.round(response.durationMs));
    case 'header': {
      const wanted = subject.name.toLowerCase();
      const entry = Object.entries(response.headers).find(([name, found]) => name.toLowerCase() === wanted && found !== undefined);
      if (!entry) return undefined;
      const found = entry[1] as string | readonly string[];
      return typeof found === 'string' ? found : found.join(', ');
    }
    case 'body': {
      if (!subject.path) return response.bodyText;
      let json: unknown;
      try {
        json = JSON.parse(response.bodyText);
      } catch {
        throw new Error('the body is not JSON, so its JSONPath cannot be read');
      }
      const matches = queryJsonPath(subject.path, json);
      if (!Array.isArray(matches) || matches.length === 0) return undefined;
      return matches.length === 1 ? textOf(matches[0]) : JSON.stringify(matches);
    }
  }
}

function compare(operator: Expectation['operator'], actual: string | undefined, expected: string): boolean {
  if (operator === 'exists') return actual !== undefined;
  if (actual === undefined) return false;
  const numeric = isNumber(actual) && isNumber(expected);
  switch (operator) {
    case '==':
      return numeric ? Number(actual) === Number(expected) : actual === expected;
    case '!=':
      return numeric ? Number(actual) !== Number(expected) : actual !== expected;
    case '<':
      return numeric && Number(actual) < Number(expected);
    case '<=':
      return numeric && Number(actual) <= Number(expected);
    case '>':
      return numeric && Number(actual) > Number(expected);
    case '>=':
      return numeric && Number(actual) >= Number(expected);
    case 'contains':
      return actual.includes(expected);
    case 'matches':
      return expectationRegExp(expected).test(actual);
  }
}

function missing(expectation: Expectation): string {
  return expectation.subject.kind === 'header'
    ? `but the response has no ${expectation.subject.name} header`
    : 'but the JSONPath matched nothing';
}

function abbreviate(text: string): string {
  return JSON.stringify(text.length > 80 ? text.slice(0, 80) + '…' : text);
}
