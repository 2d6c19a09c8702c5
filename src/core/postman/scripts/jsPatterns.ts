/**
 * Recognisers for the few Postman script statements Thredd can express, over an acorn syntax tree. Working on the
 * tree (not on text) is what makes `pm.environment.set('x', jsonData["a"].b)` and its reformatted, re-quoted or
 * multi-line variants the same statement, and keeps a look-alike inside a string or a condition from matching.
 */
import type { Node } from 'acorn';

/** The acorn node shapes read here (acorn's own types are one loose Node). */
export type AnyNode = Node & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `a.b.c` as ['a', 'b', 'c'] when the expression is a plain dotted name, else undefined. */
export function dottedName(node: AnyNode | null | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return [node.name];
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const object = dottedName(node.object);
    return object && [...object, node.property.name];
  }
  return undefined;
}

export function isDotted(node: AnyNode | null | undefined, name: string): boolean {
  return dottedName(node)?.join('.') === name;
}

/** A string literal or a template without substitutions. */
export function stringValue(node: AnyNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

function integerValue(node: AnyNode | undefined): number | undefined {
  return node?.type === 'Literal' && Number.isInteger(node.value) ? (node.value as number) : undefined;
}

/** `pm.response.json()` or legacy `JSON.parse(responseBody)`: the response body as JSON. */
export function isJsonSource(node: AnyNode | undefined, bindings: ReadonlySet<string>): boolean {
  if (!node) return false;
  if (node.type === 'Identifier') return bindings.has(node.name);
  if (node.type !== 'CallExpression') return false;
  if (isDotted(node.callee, 'pm.response.json') && node.arguments.length === 0) return true;
  return isDotted(node.callee, 'JSON.parse') && node.arguments.length === 1 && isDotted(node.arguments[0], 'responseBody');
}

/** A member chain over the JSON body as a JSONPath (`jsonData.data[0]["card-id"]` → `$.data[0]['card-id']`). */
export function jsonPathOf(node: AnyNode | undefined, bindings: ReadonlySet<string>): string | undefined {
  const segments: string[] = [];
  let current = node;
  while (current?.type === 'MemberExpression') {
    const property = current.property as AnyNode;
    if (!current.computed && property.type === 'Identifier') segments.unshift(segment(property.name));
    else if (current.computed && property.type === 'Literal' && typeof property.value === 'number') segments.unshift(`[${property.value}]`);
    else if (current.computed && stringValue(property) !== undefined) segments.unshift(segment(stringValue(property)!));
    else return undefined;
    current = current.object as AnyNode;
  }
  if (!isJsonSource(current, bindings)) return undefined;
  return '$' + segments.join('');
}

function segment(key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return `.${key}`;
  // `}` would end the {{…}} reference and a quote the bracket: such keys cannot be written, and are refused below.
  return /^[^'}\]]*$/.test(key) ? `['${key}']` : '[INVALID]';
}

const RESPONSE_CODE = ['pm.response.code', 'responseCode.code'];

/** `pm.response.to.have.status(200)`, `pm.expect(pm.response.code).to.eql(200)` (equal, to.be.eql, …). */
export function expectedStatus(expression: AnyNode): number | undefined {
  if (expression.type !== 'CallExpression' || expression.arguments.length !== 1) return undefined;
  const code = integerValue(expression.arguments[0] as AnyNode);
  if (code === undefined) return undefined;
  const callee = dottedName(expression.callee);
  if (callee && ['pm.response.to.have.status', 'pm.response.to.be.status', 'pm.response.status'].includes(callee.join('.'))) return code;
  // pm.expect(X).to[.be|.have…].eql|equal|equals(N)
  let chain = expression.callee as AnyNode;
  const words: string[] = [];
  while (chain.type === 'MemberExpression' && !chain.computed) {
    words.unshift(chain.property.name);
    chain = chain.object;
  }
  const last = words[words.length - 1];
  const fillers = new Set(['to', 'be', 'been', 'is', 'that', 'and', 'has', 'have', 'deep']);
  if (!['eql', 'equal', 'equals'].includes(last) || !words.slice(0, -1).every((word) => fillers.has(word))) return undefined;
  if (chain.type !== 'CallExpression' || !isDotted(chain.callee, 'pm.expect') || chain.arguments.length !== 1) return undefined;
  return RESPONSE_CODE.some((name) => isDotted(chain.arguments[0], name)) ? code : undefined;
}

/** Legacy `tests["…"] = responseCode.code === 200` (either side, == or ===). */
export function legacyStatusTest(expression: AnyNode): number | undefined {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return undefined;
  if (expression.left.type !== 'MemberExpression' || !isDotted(expression.left.object, 'tests')) return undefined;
  const test = expression.right as AnyNode;
  if (test.type !== 'BinaryExpression' || (test.operator !== '===' && test.operator !== '==')) return undefined;
  const [code, other] = integerValue(test.right) !== undefined ? [test.right, test.left] : [test.left, test.right];
  return RESPONSE_CODE.some((name) => isDotted(other, name)) ? integerValue(code) : undefined;
}

const SETTERS = [
  'pm.environment.set',
  'pm.collectionVariables.set',
  'pm.globals.set',
  'pm.variables.set',
  'postman.setEnvironmentVariable',
  'postman.setGlobalVariable',
];

/** `pm.environment.set("x", pm.response.json().a.b)` and the other scopes, legacy setters included. */
export function capture(expression: AnyNode, bindings: ReadonlySet<string>): { variable: string; path: string } | undefined {
  if (expression.type !== 'CallExpression' || expression.arguments.length !== 2) return undefined;
  const callee = dottedName(expression.callee)?.join('.');
  if (!callee || !SETTERS.includes(callee)) return undefined;
  const variable = stringValue(expression.arguments[0] as AnyNode);
  const path = jsonPathOf(expression.arguments[1] as AnyNode, bindings);
  if (!variable || !path || path.includes('[INVALID]')) return undefined;
  return { variable, path };
}
