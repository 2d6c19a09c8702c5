import { parse } from 'acorn';
import type { PostmanScript } from '../model';
import { capture, expectedStatus, isDotted, isJsonSource, legacyStatusTest, type AnyNode } from './jsPatterns';

export interface ScriptCapture {
  /** The Postman variable the script sets. */
  variable: string;
  /** JSONPath into the response body. */
  path: string;
}

/** What a script becomes: directives for what was recognised, and every other line to keep as a comment. */
export interface ScriptTranslation {
  listen: PostmanScript['listen'];
  statuses: number[];
  captures: ScriptCapture[];
  /** Source lines that are not run, in order (blank lines dropped). */
  keptLines: string[];
  /** Statements turned into directives. */
  translated: number;
  /** Statements (or, for a script that does not parse, the whole script) kept as comments. */
  kept: number;
}

interface Walk {
  /** False for folder and collection scripts: a capture there has no one request to name. */
  allowCaptures: boolean;
  statuses: number[];
  captures: ScriptCapture[];
  bindings: Set<string>;
  /** Binding name → lines of its declaration, kept if a kept statement still uses the name. */
  declarations: Map<string, [number, number]>;
}

function lines(node: AnyNode): [number, number] {
  return [node.loc!.start.line, node.loc!.end.line];
}

/** True when the statement is wholly expressed by directives (recorded in `walk`). */
function recognise(statement: AnyNode, walk: Walk): boolean {
  if (statement.type === 'EmptyStatement') return true;
  if (statement.type === 'VariableDeclaration') {
    // var jsonData = pm.response.json(); — only a name for the body, which later captures read.
    if (!statement.declarations.every((item: AnyNode) => item.id.type === 'Identifier' && isJsonSource(item.init, walk.bindings)))
      return false;
    for (const item of statement.declarations) {
      walk.bindings.add(item.id.name);
      walk.declarations.set(item.id.name, lines(statement));
    }
    return true;
  }
  if (statement.type !== 'ExpressionStatement') return false;
  const expression = statement.expression as AnyNode;
  const status = expectedStatus(expression) ?? legacyStatusTest(expression);
  if (status !== undefined) {
    walk.statuses.push(status);
    return true;
  }
  const captured = walk.allowCaptures ? capture(expression, walk.bindings) : undefined;
  if (captured) {
    walk.captures.push(captured);
    return true;
  }
  return recogniseTest(expression, walk);
}

/**
 * `pm.test("name", function () { … })`: recognised when every statement in it is. Its recognised statements are
 * translated even when others are not (the test then also stays as a comment): it runs unconditionally.
 */
function recogniseTest(expression: AnyNode, walk: Walk): boolean {
  if (expression.type !== 'CallExpression' || !isDotted(expression.callee, 'pm.test') || expression.arguments.length !== 2) return false;
  const callback = expression.arguments[1] as AnyNode;
  if (callback.type !== 'FunctionExpression' && callback.type !== 'ArrowFunctionExpression') return false;
  if (callback.body.type !== 'BlockStatement')
    return recognise({ ...callback.body, type: 'ExpressionStatement', expression: callback.body }, walk);
  return callback.body.body.map((inner: AnyNode) => recognise(inner, walk)).every(Boolean);
}

/**
 * Translates a test script's recognised statements (status checks, captures of response values) and keeps every
 * other line, so nothing is lost. A pre-request script runs before any response exists: all of it is kept.
 */
export function translateScript(script: PostmanScript, options: { allowCaptures?: boolean } = {}): ScriptTranslation {
  const source = script.lines.join('\n');
  const nonBlank = (from: number, to: number) => script.lines.slice(from - 1, to).filter((line) => line.trim()).length > 0;
  const result: ScriptTranslation = { listen: script.listen, statuses: [], captures: [], keptLines: [], translated: 0, kept: 0 };
  let program: AnyNode;
  try {
    program = parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      locations: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
    }) as AnyNode;
  } catch {
    result.keptLines = script.lines.filter((line) => line.trim());
    result.kept = 1;
    return result;
  }
  const walk: Walk = {
    allowCaptures: options.allowCaptures ?? true,
    statuses: [],
    captures: [],
    bindings: new Set(),
    declarations: new Map(),
  };
  const consumed = new Set<number>();
  const keptRanges: [number, number][] = [];
  for (const statement of program.body as AnyNode[]) {
    const [from, to] = lines(statement);
    const recognised = script.listen === 'test' && recognise(statement, walk);
    if (recognised) {
      for (let line = from; line <= to; line++) consumed.add(line);
      if (statement.type !== 'VariableDeclaration' && statement.type !== 'EmptyStatement') result.translated++;
    } else if (nonBlank(from, to)) {
      keptRanges.push([from, to]);
      result.kept++;
    }
  }
  // A kept statement that still reads `jsonData` needs its declaration beside it to make sense.
  const keptText = keptRanges.map(([from, to]) => script.lines.slice(from - 1, to).join('\n')).join('\n');
  for (const [name, [from, to]] of walk.declarations) {
    if (new RegExp(`\\b${name}\\b`).test(keptText)) keptRanges.push([from, to]);
  }
  for (const [from, to] of keptRanges) for (let line = from; line <= to; line++) consumed.delete(line);
  result.keptLines = script.lines.filter((line, index) => line.trim() && !consumed.has(index + 1));
  result.statuses = walk.statuses;
  result.captures = walk.captures;
  return result;
}
