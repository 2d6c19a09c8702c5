import { closestMatch, suggestionText } from '../text/suggest';
import { EXPECTATION_OPERATORS } from './types';
import type { ExpectationOperator, ExpectationSubject } from './types';

/** `# @expect SUBJECT [OPERATOR] [VALUE]` without its range: what the parser needs to build an Expectation. */
export type ParsedExpectation =
  { ok: true; subject: ExpectationSubject; operator: ExpectationOperator; value?: string } | { ok: false; message: string };

const SUBJECTS = ['status', 'header', 'body', 'duration'];
/** Shared by every expectation with that subject (parse results are read-only). */
const STATUS: ExpectationSubject = Object.freeze({ kind: 'status' });
const DURATION: ExpectationSubject = Object.freeze({ kind: 'duration' });
const WHOLE_BODY: ExpectationSubject = Object.freeze({ kind: 'body' });
const WORD_OPERATORS = ['contains', 'matches', 'exists'];
const ORDERING: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);
const EXAMPLES =
  'for example "@expect status 200", "@expect header content-type contains json", "@expect body ' +
  '$.items.length > 0" or "@expect duration < 500"';

/** Parses the text after `@expect`. One left-to-right scan; JSONPath filters may hold spaces inside brackets. */
export function parseExpectationText(text: string): ParsedExpectation {
  const input = text.trim();
  const [subjectWord, afterSubject] = nextWord(input, 0);
  const subjectKey = subjectWord.toLowerCase();
  if (!SUBJECTS.includes(subjectKey)) {
    const what = subjectWord
      ? `"${subjectWord}" is not something @expect can check: ${suggestionText(subjectWord, SUBJECTS)}`
      : '@expect needs a subject';
    return { ok: false, message: `${what} (${EXAMPLES}).` };
  }
  let subject: ExpectationSubject;
  let cursor = afterSubject;
  if (subjectKey === 'header') {
    const [name, after] = nextWord(input, cursor);
    if (!name || isOperator(name))
      return { ok: false, message: `@expect header needs a header name, as in "@expect header content-type contains json".` };
    subject = { kind: 'header', name };
    cursor = after;
  } else if (subjectKey === 'body') {
    const start = skip(input, cursor);
    if (input.charCodeAt(start) === 36 /* $ */) {
      const end = jsonPathEnd(input, start);
      subject = { kind: 'body', path: input.slice(start, end) };
      cursor = end;
    } else {
      subject = WHOLE_BODY;
    }
  } else {
    subject = subjectKey === 'status' ? STATUS : DURATION;
  }
  return parseOperatorAndValue(subject, input, cursor);
}

function parseOperatorAndValue(subject: ExpectationSubject, input: string, cursor: number): ParsedExpectation {
  const [word, afterWord] = nextWord(input, cursor);
  let operator: ExpectationOperator = '==';
  let valueText = input.slice(skip(input, cursor));
  if (isOperator(word)) {
    operator = word as ExpectationOperator;
    valueText = input.slice(skip(input, afterWord));
  } else if (/^[=!<>~]+$/.test(word)) {
    return { ok: false, message: `"${word}" is not an @expect operator: ${suggestionText(word, EXPECTATION_OPERATORS)}` };
  } else if (word && afterWord < input.length && closestMatch(word, WORD_OPERATORS) && !/^\d/.test(word)) {
    return { ok: false, message: `"${word}" is not an @expect operator: ${suggestionText(word, WORD_OPERATORS)}` };
  }
  const value = unquote(valueText.trim());
  const label = describeSubject(subject);
  if (operator === 'exists') {
    if (subject.kind === 'status' || subject.kind === 'duration')
      return { ok: false, message: `${label} always exists; compare it instead, as in "@expect ${label} == 200".` };
    if (value) return { ok: false, message: `"exists" takes no value; remove "${value}".` };
    return { ok: true, subject, operator };
  }
  if (!value) return { ok: false, message: `@expect ${label} ${operator} needs a value to compare with.` };
  if (subject.kind === 'duration') {
    const milliseconds = value.replace(/\s*ms$/, '');
    if (operator === 'contains' || operator === 'matches')
      return { ok: false, message: `duration is a number of milliseconds: use <, <=, >, >=, == or !=, as in "@expect duration < 500".` };
    if (!isNumber(milliseconds)) return { ok: false, message: `duration is compared with a number of milliseconds, not "${value}".` };
    return { ok: true, subject, operator, value: milliseconds };
  }
  if (subject.kind === 'status' && operator !== 'contains' && operator !== 'matches' && !/^\d{3}$/.test(value)) {
    return { ok: false, message: `status is compared with a three-digit HTTP status such as 200, not "${value}".` };
  }
  if (ORDERING.has(operator) && !isNumber(value) && !value.includes('{{')) {
    return { ok: false, message: `"${operator}" compares numbers, but "${value}" is not a number.` };
  }
  if (operator === 'matches') {
    const problem = regExpProblem(value);
    if (problem) return { ok: false, message: `"${value}" is not a valid regular expression: ${problem}` };
  }
  return { ok: true, subject, operator, value };
}

/** `/pattern/flags` or a bare pattern, for `matches`. */
export function expectationRegExp(value: string): RegExp {
  const lastSlash = value.lastIndexOf('/');
  if (value.startsWith('/') && lastSlash > 0 && /^[dgimsuyv]*$/.test(value.slice(lastSlash + 1))) {
    return new RegExp(value.slice(1, lastSlash), value.slice(lastSlash + 1));
  }
  return new RegExp(value);
}

function regExpProblem(value: string): string | undefined {
  if (value.includes('{{')) return undefined;
  try {
    expectationRegExp(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export function describeSubject(subject: ExpectationSubject): string {
  switch (subject.kind) {
    case 'header':
      return `header ${subject.name}`;
    case 'body':
      return subject.path ? `body ${subject.path}` : 'body';
    default:
      return subject.kind;
  }
}

function isOperator(word: string): boolean {
  return (EXPECTATION_OPERATORS as readonly string[]).includes(word);
}

export function isNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

function unquote(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) return text.slice(1, -1);
  return text;
}

function skip(text: string, from: number): number {
  let index = from;
  while (index < text.length && (text[index] === ' ' || text[index] === '\t')) index++;
  return index;
}

/** The next whitespace-delimited word and the offset after it. */
function nextWord(text: string, from: number): [string, number] {
  const start = skip(text, from);
  let end = start;
  while (end < text.length && text[end] !== ' ' && text[end] !== '\t') end++;
  return [text.slice(start, end), end];
}

/** End of a JSONPath: the first blank outside brackets, parentheses and quotes. */
function jsonPathEnd(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth++;
    else if ((char === ']' || char === ')') && depth > 0) depth--;
    else if ((char === ' ' || char === '\t') && depth === 0) return index;
  }
  return text.length;
}
