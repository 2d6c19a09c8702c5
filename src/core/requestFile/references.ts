import { suggestionText } from '../text/suggest';
import { CompactRange, DiagnosticSink, lineRange } from './lines';
import { intern } from './intern';
import { ParsedReference } from './parsedItems';
import { SYSTEM_VARIABLE_NAMES, systemVariableSpec } from './systemVariableSpecs';
import type { ChainedPath, DiagnosticSeverity, ReferenceLocation, RequestFileDiagnosticCode, VariableReference } from './types';

/** Offsets of one `{{...}}` inside a line. */
export interface ReferenceSpan {
  start: number;
  end: number;
  expressionStart: number;
  expressionEnd: number;
}

/**
 * Finds `{{...}}` spans between `from` and `to` of a single line. Linear: each character is visited a
 * bounded number of times, so a 1 MB line of braces cannot stall the editor. `{{a{{b}}` takes the
 * innermost opener, as template engines do.
 */
export function findReferenceSpans(text: string, from = 0, to = text.length): ReferenceSpan[] {
  const spans: ReferenceSpan[] = [];
  let cursor = from;
  while (cursor < to) {
    const open = text.indexOf('{{', cursor);
    if (open < 0 || open + 2 > to) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0 || close + 2 > to) break;
    spans.push(referenceSpan(text, open, close, { start: 0, end: 0, expressionStart: 0, expressionEnd: 0 }));
    cursor = close + 2;
  }
  return spans;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

export interface ClassifiedExpression {
  kind: VariableReference['kind'];
  name: string;
  args: string[];
  chain?: ChainedPath;
  /** Where the name sits inside the expression. */
  nameOffset: number;
  nameLength: number;
  problem?: { severity: DiagnosticSeverity; code: RequestFileDiagnosticCode; message: string };
}

/** Shared by every reference without arguments; never mutated. */
const NO_ARGUMENTS: string[] = Object.freeze([]) as unknown as string[];

export const VARIABLE_NAME = /^[A-Za-z_][\w.-]*$/;
export const REQUEST_NAME = /^[\w-]+$/;

/** Sorts a reference's text into plain variable, system variable or chained request value. */
export function classifyExpression(expression: string): ClassifiedExpression {
  if (expression.startsWith('$')) return classifySystem(expression);
  const firstDot = expression.indexOf('.');
  if (firstDot > 0) {
    const secondDot = expression.indexOf('.', firstDot + 1);
    const source = expression.slice(firstDot + 1, secondDot < 0 ? undefined : secondDot);
    if (source === 'response' || source === 'request') return classifyChained(expression, firstDot, secondDot, source);
  }
  const result: ClassifiedExpression = {
    kind: 'variable',
    name: expression,
    args: NO_ARGUMENTS,
    nameOffset: 0,
    nameLength: expression.length,
  };
  if (expression === '') {
    result.problem = {
      severity: 'warning',
      code: 'malformed-variable',
      message: 'Empty {{}}: write a variable name inside, as in {{baseUrl}}.',
    };
  } else if (!VARIABLE_NAME.test(expression)) {
    result.problem = {
      severity: 'warning',
      code: 'malformed-variable',
      message:
        `"${truncate(expression)}" is not a variable name: use letters, digits, _, - and ., or $ for a ` +
        `system variable (${SYSTEM_VARIABLE_NAMES.join(', ')}).`,
    };
  }
  return result;
}

function classifySystem(expression: string): ClassifiedExpression {
  const hasArguments = expression.includes(' ') || expression.includes('\t');
  const parts = hasArguments ? expression.split(/[ \t]+/) : undefined;
  const name = parts ? parts[0] : expression;
  const args = parts ? parts.slice(1) : NO_ARGUMENTS;
  const result: ClassifiedExpression = { kind: 'system', name, args, nameOffset: 0, nameLength: name.length };
  const spec = systemVariableSpec(name);
  if (!spec) {
    result.problem = {
      severity: 'warning',
      code: 'unknown-system-variable',
      message: `Unknown system variable "${truncate(name)}": ${suggestionText(name, SYSTEM_VARIABLE_NAMES)}`,
    };
  } else {
    const problem = spec.checkArgs(args);
    if (problem) result.problem = { severity: 'error', code: 'bad-system-variable-arguments', message: problem };
  }
  return result;
}

function classifyChained(expression: string, firstDot: number, secondDot: number, source: 'response' | 'request'): ClassifiedExpression {
  const name = expression.slice(0, firstDot);
  const thirdDot = secondDot < 0 ? -1 : expression.indexOf('.', secondDot + 1);
  const section = secondDot < 0 ? '' : expression.slice(secondDot + 1, thirdDot < 0 ? undefined : thirdDot);
  const path = thirdDot < 0 ? '' : expression.slice(thirdDot + 1);
  const result: ClassifiedExpression = { kind: 'chained', name, args: NO_ARGUMENTS, nameOffset: 0, nameLength: name.length };
  const example = () => `{{${name}.${source}.body.$.id}} or {{${name}.${source}.headers.Content-Type}}`;
  if (!REQUEST_NAME.test(name)) {
    result.problem = {
      severity: 'warning',
      code: 'malformed-chained-reference',
      message: `"${truncate(name)}" is not a request name: names use letters, digits, _ and -.`,
    };
  } else if (section !== 'body' && section !== 'headers') {
    result.problem = {
      severity: 'error',
      code: 'malformed-chained-reference',
      message: `After "${name}.${source}" write .body or .headers, as in ${example()}.`,
    };
  } else if (path === '') {
    const hint = section === 'body' ? `.* for the whole body or a JSONPath such as .$.id` : 'a header name such as .Content-Type';
    result.problem = { severity: 'error', code: 'malformed-chained-reference', message: `"${name}.${source}.${section}" needs ${hint}.` };
  } else if (section === 'body' && path !== '*' && !path.startsWith('$')) {
    result.problem = {
      severity: 'warning',
      code: 'malformed-chained-reference',
      message: `"${truncate(path)}" is not a JSONPath: start it with $ (e.g. $.id), or use * for the whole body. XPath is not supported.`,
    };
  }
  result.chain = { request: name, source, section: section === 'headers' ? 'headers' : 'body', path };
  return result;
}

/** scanReferences' span, reused: every line of a large file is scanned, and each reference read at once. */
const SCAN_SPAN: ReferenceSpan = { start: 0, end: 0, expressionStart: 0, expressionEnd: 0 };

/**
 * Records every reference of one line segment (columns `from`..`to` of line `line`) into `out`. The same
 * scan as findReferenceSpans, without intermediate objects: this runs on every line of large files.
 */
export function scanReferences(
  text: string,
  line: number,
  from: number,
  to: number,
  location: ReferenceLocation,
  out: VariableReference[],
  sink: DiagnosticSink,
): void {
  let open = text.indexOf('{{', from);
  while (open >= 0 && open + 2 <= to) {
    const close = text.indexOf('}}', open + 2);
    if (close < 0 || close + 2 > to) {
      sink.add(
        lineRange(line, open, open + 2),
        'warning',
        'unclosed-variable',
        'This {{ has no closing }} on the same line; variables are written {{name}}.',
      );
      return;
    }
    const span = referenceSpan(text, open, close, SCAN_SPAN);
    out.push(makeReference(text, line, span.start, span.end, span.expressionStart, span.expressionEnd, location, sink));
    open = text.indexOf('{{', close + 2);
  }
}

function makeReference(
  text: string,
  line: number,
  start: number,
  end: number,
  expressionStart: number,
  expressionEnd: number,
  location: ReferenceLocation,
  sink: DiagnosticSink,
): VariableReference {
  if (isPlainName(text, expressionStart, expressionEnd)) {
    // The common case, {{name}}: no classification objects, and one string per name however often it is used.
    const name = intern(text.slice(expressionStart, expressionEnd));
    return new ParsedReference('variable', name, name, NO_ARGUMENTS, location, line, start, end, expressionStart, undefined);
  }
  const expression = text.slice(expressionStart, expressionEnd);
  const classified = classifyExpression(expression);
  const reference = new ParsedReference(
    classified.kind,
    expression,
    classified.name,
    classified.args,
    location,
    line,
    start,
    end,
    expressionStart + classified.nameOffset,
    classified.chain,
  );
  if (classified.problem)
    sink.add(new CompactRange(line, start, line, end), classified.problem.severity, classified.problem.code, classified.problem.message);
  return reference;
}

/** `[A-Za-z_][\w-]*` (no dots: dotted names may be chained references). */
function isPlainName(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
    if (!letter && !(index > from && ((code >= 48 && code <= 57) || code === 45))) return false;
  }
  return true;
}

export function truncate(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
}

/**
 * The `{{...}}` ending at `close`, written into `into`: it starts at the last `{{` before it (so `{{ {{a}}` is
 * `{{a}}`), and its expression is the text between the braces without surrounding blanks.
 */
function referenceSpan(text: string, open: number, close: number, into: ReferenceSpan): ReferenceSpan {
  const innerOpen = text.lastIndexOf('{{', close - 2);
  const start = innerOpen > open ? innerOpen : open;
  let expressionStart = start + 2;
  let expressionEnd = close;
  while (expressionStart < expressionEnd && isBlank(text.charCodeAt(expressionStart))) expressionStart++;
  while (expressionEnd > expressionStart && isBlank(text.charCodeAt(expressionEnd - 1))) expressionEnd--;
  into.start = start;
  into.end = close + 2;
  into.expressionStart = expressionStart;
  into.expressionEnd = expressionEnd;
  return into;
}
