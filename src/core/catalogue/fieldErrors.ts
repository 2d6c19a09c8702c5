import type { ErrorObject } from 'ajv';
import type { FieldErrors } from './schemas/problemDetails';

/**
 * ajv's errors (collected with allErrors and verbose) as ASP.NET Core's model validation reports them, which is
 * what Thredd answers in a 400: keyed by the field's path (cardHolder.dateOfBirth, items[0].id; '' for the body
 * itself), each with sentences a person reads. Messages follow ASP.NET's default wording where it has one.
 */
export function fieldErrors(errors: readonly ErrorObject[]): FieldErrors {
  const result: FieldErrors = {};
  const alternatives = errors.filter((error) => error.keyword === 'anyOf').map((error) => `${error.schemaPath}/`);
  for (const error of errors) {
    // An `if` fails because its `then` did, which has its own error; an anyOf's branches are summed up by it.
    if (error.keyword === 'if' || alternatives.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const { key, message } = describe(error, errors);
    const messages = (result[key] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return result;
}

function describe(error: ErrorObject, all: readonly ErrorObject[]): { key: string; message: string } {
  const path = pointerSegments(error.instancePath);
  const at = (...more: string[]) => ({ key: fieldKey([...path, ...more]), name: more.at(-1) ?? fieldName(path) });
  const field = at();
  // ASP.NET words some rules "The X field ..." and others "The field X ..."; both become "The body" at the root.
  const subject = field.name ? `The ${field.name} field` : 'The body';
  const limited = field.name ? `The field ${field.name}` : 'The body';
  const parent = error.parentSchema ?? {};
  switch (error.keyword) {
    case 'required': {
      const missing = at(String(error.params.missingProperty));
      return { key: missing.key, message: `The ${missing.name} field is required.` };
    }
    case 'additionalProperties': {
      const extra = at(String(error.params.additionalProperty));
      return { key: extra.key, message: `The ${extra.name} field is not known here.` };
    }
    case 'anyOf':
      return describeAlternatives(error, all, at) ?? { key: field.key, message: `${subject} does not have any of the forms allowed.` };
    case 'type':
      return { key: field.key, message: `${subject} must be ${typeNames(error.params.type)}.` };
    case 'enum':
      return {
        key: field.key,
        message: `${subject} must be one of ${(error.params.allowedValues as unknown[]).filter((value) => value !== null).join(', ')}.`,
      };
    case 'const':
      return { key: field.key, message: `${subject} must be ${JSON.stringify(error.params.allowedValue)}.` };
    case 'minLength':
    case 'maxLength':
      return {
        key: field.key,
        message: `${limited} must be a string with ${lengthLimits(parent.minLength, parent.maxLength)}.`,
      };
    case 'pattern':
      return { key: field.key, message: `${limited} must match the regular expression '${String(error.params.pattern)}'.` };
    case 'minimum':
    case 'maximum':
      return { key: field.key, message: `${limited} must be ${rangeLimits(parent.minimum, parent.maximum)}.` };
    case 'format':
      return { key: field.key, message: `${subject} is not a valid ${FORMAT_NAMES[String(error.params.format)] ?? error.params.format}.` };
    default:
      return { key: field.key, message: `${subject} ${error.message ?? 'is not valid'}.` };
  }
}

/** An anyOf whose branches each require one member (send this or that) names the first: "required when ... is not sent". */
function describeAlternatives(error: ErrorObject, all: readonly ErrorObject[], at: (name: string) => { key: string; name: string }) {
  const branches = all.filter((other) => other.instancePath === error.instancePath && other.schemaPath.startsWith(`${error.schemaPath}/`));
  if (branches.length === 0 || branches.some((branch) => branch.keyword !== 'required')) return undefined;
  const [first, ...others] = branches.map((branch) => String(branch.params.missingProperty));
  const named = at(first);
  return { key: named.key, message: `The ${named.name} field is required when ${others.join(' or ')} is not sent.` };
}

/** A JSON pointer's segments, unescaped: '/cardHolder/firstName' → ['cardHolder', 'firstName']. */
function pointerSegments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ASP.NET's key for a path: members joined by dots, array indexes in brackets ('groups[0].id'). */
function fieldKey(segments: readonly string[]): string {
  return segments.reduce((key, segment) => (/^\d+$/.test(segment) ? `${key}[${segment}]` : key ? `${key}.${segment}` : segment), '');
}

/** The field a sentence names: the last member, with the index when the value is an array's item. */
function fieldName(segments: readonly string[]): string {
  let lastMember = segments.length - 1;
  while (lastMember >= 0 && /^\d+$/.test(segments[lastMember])) lastMember -= 1;
  return lastMember < 0 ? '' : fieldKey(segments.slice(lastMember));
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function typeNames(types: unknown): string {
  return String(types)
    .split(',')
    .map((type) => TYPE_NAMES[type] ?? type)
    .join(' or ');
}

const FORMAT_NAMES: Readonly<Record<string, string>> = { uri: 'absolute URI', 'date-time': 'date and time (RFC 3339)' };

function lengthLimits(minimum: unknown, maximum: unknown): string {
  const min = typeof minimum === 'number' && minimum > 0 ? minimum : undefined;
  const max = typeof maximum === 'number' ? maximum : undefined;
  if (min !== undefined && max !== undefined) return `a minimum length of ${min} and a maximum length of ${max}`;
  return max !== undefined ? `a maximum length of ${max}` : `a minimum length of ${min ?? 0}`;
}

function rangeLimits(minimum: unknown, maximum: unknown): string {
  if (typeof minimum === 'number' && typeof maximum === 'number') return `between ${minimum} and ${maximum}`;
  return typeof minimum === 'number' ? `at least ${minimum}` : `at most ${String(maximum)}`;
}
