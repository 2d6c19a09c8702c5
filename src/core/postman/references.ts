/**
 * `{{…}}` references in Postman text, rewritten for `.thredd`: Postman's dynamic variables become Thredd system
 * variables, unsafe names their safe form, and captured values chained references.
 */
import { SYSTEM_VARIABLES } from '../requestFile/systemVariableSpecs';

const REFERENCE = /\{\{([^{}]*)\}\}/g;
const SYSTEM = new Set(SYSTEM_VARIABLES.map((spec) => spec.name));

/** Postman's `{{$randomInt}}` is 0 to 1000 included; ours takes MIN and MAX (excluded). */
const DYNAMIC_ALIASES: Readonly<Record<string, string>> = { $randomInt: '$randomInt 0 1001', $randomUUID: '$guid' };

/** The `.thredd` expression for a Postman dynamic variable, or undefined when Thredd has none. */
export function dynamicVariable(name: string): string | undefined {
  if (DYNAMIC_ALIASES[name]) return DYNAMIC_ALIASES[name];
  return SYSTEM.has(name) && name !== '$processEnv' && name !== '$dotenv' && name !== '$datetime' && name !== '$localDatetime'
    ? name
    : undefined;
}

/** True when `text` is exactly one `{{…}}`, whatever is inside (blank too) and nothing around it: it holds no literal value. */
export function isOnlyReference(text: string): boolean {
  return /^\{\{[^{}]*\}\}$/.test(text);
}

/** The name when `text` is exactly one `{{name}}` (spaces allowed around it and inside the braces), else undefined. */
export function bareReference(text: string): string | undefined {
  const trimmed = text.trim();
  return isOnlyReference(trimmed) ? /^\s*([^{}]+?)\s*$/.exec(trimmed.slice(2, -2))?.[1] : undefined;
}

/** Every referenced name in `text`, trimmed. */
export function referencedNames(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((match) => match[1].trim());
}

/** Replaces each `{{name}}` whose name `replace` maps to an expression; other references stay as written. */
export function rewriteReferences(text: string, replace: (name: string) => string | undefined): string {
  if (!text.includes('{{')) return text;
  return text.replace(REFERENCE, (whole, inner: string) => {
    const expression = replace(inner.trim());
    return expression === undefined ? whole : `{{${expression}}}`;
  });
}

/** Substitutes values for references (for what thredd.json needs as plain text: a token URL, a client id). */
export function substitute(text: string, values: ReadonlyMap<string, string>, depth = 0): string {
  const result = text.replace(REFERENCE, (whole, inner: string) => values.get(inner.trim()) ?? whole);
  return result !== text && result.includes('{{') && depth < 5 ? substitute(result, values, depth + 1) : result;
}
