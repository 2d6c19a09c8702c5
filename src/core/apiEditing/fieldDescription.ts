import type { ASTNode, JSONSchema, MatchingSchema, PropertyASTNode } from 'vscode-json-languageservice';
import { codeSpan, escapeMarkdown } from './markdown';

export interface FieldDescription {
  /** The field's path in the body, in bold: `**cardHolder.dateOfBirth**`. */
  heading: string;
  /** Markdown paragraphs: type and whether it is required, then allowed values, length, range, pattern. */
  constraints: string[];
}

/**
 * What the schemas the language service matched to a body field say of it: its type, whether its object requires
 * it, and the limits of its value. The service has done the matching (getMatchingSchemas, `if`/`then` included);
 * this only reads the keywords of the schemas it matched. Undefined when the node is not a field or value.
 */
export function describeField(node: ASTNode | undefined, matching: readonly MatchingSchema[]): FieldDescription | undefined {
  const property = node?.type === 'property' ? node : node?.parent?.type === 'property' ? node.parent : undefined;
  const value = property ? property.valueNode : node;
  if (!value || value.type === 'property') return undefined;
  const objects = matching.filter((match) => property && match.node === property.parent).map((match) => match.schema);
  // The service also matches an `if`'s condition; what it tests is not a rule of the field ("Must be Physical").
  const conditions = new Set(
    objects.flatMap((schema) => (isSchema(schema.if) ? [schema.if, ...Object.values(schema.if.properties ?? {})] : [])),
  );
  const schemas = matching.filter((match) => match.node === value && !conditions.has(match.schema)).map((match) => match.schema);
  if (schemas.length === 0) return undefined;
  const name = property?.keyNode.value;
  const required = name !== undefined && objects.some((schema) => !conditions.has(schema) && schema.required?.includes(name));
  const types = [...new Set(schemas.flatMap((schema) => (schema.type === undefined ? [] : [schema.type].flat())))];
  const first = [
    types.length ? types.map(codeSpan).join(' or ') : 'any JSON value',
    ...(property ? [required ? 'required' : 'optional'] : []),
  ];
  return {
    heading: `**${escapeMarkdown(pathOf(value) || '(the body)')}**`,
    constraints: [first.join(' · '), ...schemas.flatMap(limitsOf)],
  };
}

function limitsOf(schema: JSONSchema): string[] {
  const limits: string[] = [];
  const values = schema.enum?.filter((value) => value !== null);
  if (values?.length) limits.push(`One of ${values.map((value) => codeSpan(JSON.stringify(value))).join(', ')}`);
  if (schema.const !== undefined) limits.push(`Must be ${codeSpan(JSON.stringify(schema.const))}`);
  const length = range(schema.minLength, schema.maxLength, 'character');
  if (length) limits.push(length);
  const size = range(schema.minimum, schema.maximum);
  if (size) limits.push(size);
  if (schema.pattern) limits.push(`Matches ${codeSpan(schema.pattern)}`);
  if (schema.format) limits.push(`Format: ${schema.format}`);
  if (Array.isArray(schema.examples) && schema.examples.length)
    limits.push(`For example ${schema.examples.map((value) => codeSpan(String(value))).join(', ')}`);
  return limits;
}

/** `Up to 30 characters`, `1 to 50 characters`, `Exactly 3 characters`, `From 1 to 5`. A minimum of 0 says nothing. */
function range(minimum: number | undefined, maximum: number | undefined, unit?: string): string | undefined {
  const low = minimum !== undefined && (minimum > 0 || !unit) ? minimum : undefined;
  const of = (count: number) => (unit ? ` ${unit}${count === 1 ? '' : 's'}` : '');
  if (low !== undefined && maximum !== undefined)
    return low === maximum ? `Exactly ${low}${of(low)}` : `${unit ? '' : 'From '}${low} to ${maximum}${of(maximum)}`;
  if (maximum !== undefined) return `Up to ${maximum}${of(maximum)}`;
  return low === undefined ? undefined : `At least ${low}${of(low)}`;
}

/** `cardHolder.dateOfBirth`, `items[0].id`: the way Thredd's validation errors name a field. */
function pathOf(node: ASTNode): string {
  let path = '';
  for (let child: ASTNode = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'property' && parent.valueNode === child)
      path = `${(parent as PropertyASTNode).keyNode.value}${path && !path.startsWith('[') ? '.' : ''}${path}`;
    else if (parent.type === 'array') path = `[${parent.items.indexOf(child)}]${path && !path.startsWith('[') ? '.' : ''}${path}`;
  }
  return path;
}

function isSchema(schema: JSONSchema | boolean | undefined): schema is JSONSchema {
  return typeof schema === 'object';
}
