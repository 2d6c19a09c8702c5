import { RANDOM_VALUES } from './randomValues';

/** The `{{$...}}` system variables: their syntax, meaning and argument checks (REST Client's set, minus Azure tokens). */

export interface SystemVariableSpec {
  name: string;
  /** How it is written, for completion and messages. */
  syntax: string;
  description: string;
  /** Reads the environment or a `.env` file: secret, and refused in untrusted workspaces. */
  readsEnvironment: boolean;
  /** A problem with the arguments, or undefined when they are fine. */
  checkArgs(args: readonly string[]): string | undefined;
}

/** `$timestamp -1 d`: REST Client's offset units. */
export const OFFSET_UNITS: Readonly<Record<string, number>> = {
  y: 365 * 24 * 3600 * 1000,
  M: 30 * 24 * 3600 * 1000,
  w: 7 * 24 * 3600 * 1000,
  d: 24 * 3600 * 1000,
  h: 3600 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
};

const INTEGER = /^[+-]?\d{1,15}$/;

export function isInteger(text: string | undefined): text is string {
  return text !== undefined && INTEGER.test(text);
}

function checkOffset(args: readonly string[], name: string): string | undefined {
  if (args.length === 0) return undefined;
  if (args.length === 2 && isInteger(args[0]) && args[1] in OFFSET_UNITS) return undefined;
  return `${name} takes an optional offset like "${name} -1 d" (units: ${Object.keys(OFFSET_UNITS).join(', ')}), not "${args.join(' ')}".`;
}

function checkOneName(name: string) {
  return (args: readonly string[]) =>
    args.length === 1 ? undefined : `${name} takes exactly one variable name, as in {{${name} API_TOKEN}}.`;
}

function checkDatetime(name: string) {
  return (args: readonly string[]) => {
    const [format, ...offset] = args;
    if (format !== 'rfc1123' && format !== 'iso8601') {
      return `${name} needs the format rfc1123 or iso8601 (custom formats are not supported), as in {{${name} iso8601}}.`;
    }
    return checkOffset(offset, name);
  };
}

export const SYSTEM_VARIABLES: readonly SystemVariableSpec[] = [
  {
    name: '$guid',
    syntax: '$guid',
    description: 'A new random UUID (v4) each time the request is sent.',
    readsEnvironment: false,
    checkArgs: (args) => (args.length ? '$guid takes no arguments.' : undefined),
  },
  {
    name: '$timestamp',
    syntax: '$timestamp [offset unit]',
    description: 'The current time in Unix seconds, optionally offset (e.g. -1 d).',
    readsEnvironment: false,
    checkArgs: (args) => checkOffset(args, '$timestamp'),
  },
  {
    name: '$isoTimestamp',
    syntax: '$isoTimestamp [offset unit]',
    description: 'The current UTC time in ISO 8601 (2026-05-01T12:00:00.000Z).',
    readsEnvironment: false,
    checkArgs: (args) => checkOffset(args, '$isoTimestamp'),
  },
  {
    name: '$datetime',
    syntax: '$datetime rfc1123|iso8601 [offset unit]',
    description: 'The current UTC date and time in RFC 1123 or ISO 8601.',
    readsEnvironment: false,
    checkArgs: checkDatetime('$datetime'),
  },
  {
    name: '$localDatetime',
    syntax: '$localDatetime rfc1123|iso8601 [offset unit]',
    description: 'The current local date and time in RFC 1123 or ISO 8601.',
    readsEnvironment: false,
    checkArgs: checkDatetime('$localDatetime'),
  },
  {
    name: '$randomInt',
    syntax: '$randomInt MIN MAX',
    description: 'A random integer from MIN (included) to MAX (excluded).',
    readsEnvironment: false,
    checkArgs: (args) => {
      if (args.length !== 2 || !isInteger(args[0]) || !isInteger(args[1]))
        return '$randomInt needs two integers, as in {{$randomInt 1 100}}.';
      return Number(args[0]) < Number(args[1]) ? undefined : `$randomInt needs MIN below MAX, not ${args[0]} and ${args[1]}.`;
    },
  },
  {
    name: '$processEnv',
    syntax: '$processEnv NAME',
    description: 'The value of an environment variable of the VS Code or CLI process.',
    readsEnvironment: true,
    checkArgs: checkOneName('$processEnv'),
  },
  {
    name: '$dotenv',
    syntax: '$dotenv NAME',
    description: "A value from the nearest .env file (the request file's folder, then its parents up to the workspace).",
    readsEnvironment: true,
    checkArgs: checkOneName('$dotenv'),
  },
  // Postman's dynamic variables, so that imported collections keep sending a value of the same kind.
  ...Object.entries(RANDOM_VALUES).map(([name, { description }]) => ({
    name,
    syntax: name,
    description: `${description} (Postman's ${name}.)`,
    readsEnvironment: false,
    checkArgs: (args: readonly string[]) => (args.length ? `${name} takes no arguments.` : undefined),
  })),
];

export const SYSTEM_VARIABLE_NAMES: readonly string[] = SYSTEM_VARIABLES.map((spec) => spec.name);

const BY_NAME = new Map(SYSTEM_VARIABLES.map((spec) => [spec.name, spec]));

export function systemVariableSpec(name: string): SystemVariableSpec | undefined {
  return BY_NAME.get(name);
}
