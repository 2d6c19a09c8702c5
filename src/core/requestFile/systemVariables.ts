import { randomInt, randomUUID } from 'node:crypto';
import { RANDOM_VALUES } from './randomValues';
import { lookupDotenv, readTextFileOrUndefined } from './dotenv';
import type { Lookup } from './dotenv';
import type { ResolveContext } from './resolveTypes';
import { OFFSET_UNITS, systemVariableSpec, SYSTEM_VARIABLE_NAMES } from './systemVariableSpecs';
import { suggestionText } from '../text/suggest';

export interface SystemEvaluation {
  context: ResolveContext;
  /** Parsed `.env` files by path, read once per resolution. */
  dotenvCache: Map<string, Record<string, string | undefined> | null>;
  /** For `%NAME` indirection: the environment's value of NAME. */
  environmentValue(name: string): string | undefined;
}

const UNTRUSTED =
  'is not expanded in an untrusted workspace: environment variables and .env files are read only ' +
  'after you trust the workspace (Workspaces: Manage Workspace Trust).';

/** Evaluates `{{$name args}}`. Secrets are the caller's concern: `$processEnv` and `$dotenv` values always are. */
export function evaluateSystemVariable(name: string, args: readonly string[], evaluation: SystemEvaluation): Lookup {
  const spec = systemVariableSpec(name);
  if (!spec) return { problem: `Unknown system variable "${name}": ${suggestionText(name, SYSTEM_VARIABLE_NAMES)}` };
  const argumentProblem = spec.checkArgs(args);
  if (argumentProblem) return { problem: argumentProblem };
  const { context } = evaluation;
  const now = () => (context.now ? context.now() : new Date());
  switch (name) {
    case '$guid':
      return { value: randomUUID() };
    case '$timestamp':
      return { value: String(Math.floor(offsetTime(now(), args) / 1000)) };
    case '$isoTimestamp':
      return { value: new Date(offsetTime(now(), args)).toISOString() };
    case '$datetime':
    case '$localDatetime': {
      const when = new Date(offsetTime(now(), args.slice(1)));
      const local = name === '$localDatetime';
      return { value: args[0] === 'rfc1123' ? rfc1123(when, local) : iso8601(when, local) };
    }
    case '$randomInt': {
      const [min, max] = [Number(args[0]), Number(args[1])];
      if (max - min > 2 ** 48 - 1) return { problem: `$randomInt supports ranges up to 2^48, not ${args[0]}..${args[1]}.` };
      return { value: String(randomInt(min, max)) };
    }
    case '$processEnv': {
      if (!context.allowEnv) return { problem: `{{$processEnv ${args[0]}}} ${UNTRUSTED}` };
      const variable = indirect(args[0], evaluation);
      if ('problem' in variable) return variable;
      const value = (context.processEnv ?? process.env)[variable.value];
      if (value === undefined)
        return {
          problem:
            `Environment variable ${variable.value} is not set in the process running Thredd (VS Code or the ` +
            `CLI): set it and restart that process.`,
        };
      return { value };
    }
    case '$dotenv': {
      if (!context.allowEnv) return { problem: `{{$dotenv ${args[0]}}} ${UNTRUSTED}` };
      const variable = indirect(args[0], evaluation);
      if ('problem' in variable) return variable;
      return lookupDotenv(
        variable.value,
        context.filePath,
        context.workspaceRoot,
        context.readTextFile ?? readTextFileOrUndefined,
        evaluation.dotenvCache,
      );
    }
    default:
      return { value: RANDOM_VALUES[name].generate() };
  }
}

/** REST Client's `%NAME`: the variable's name is itself the value of environment variable NAME. */
function indirect(argument: string, evaluation: SystemEvaluation): Lookup {
  if (!argument.startsWith('%')) return { value: argument };
  const value = evaluation.environmentValue(argument.slice(1));
  return value === undefined
    ? { problem: `${argument} names environment variable "${argument.slice(1)}", which the active environment does not define.` }
    : { value };
}

function offsetTime(now: Date, args: readonly string[]): number {
  if (args.length < 2) return now.getTime();
  return now.getTime() + Number(args[0]) * OFFSET_UNITS[args[1]];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');

/** RFC 1123 (`Fri, 01 May 2026 12:00:00 GMT`); local time carries its offset (`+0100`) instead of GMT. */
function rfc1123(date: Date, local: boolean): string {
  if (!local) return date.toUTCString();
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return `${DAYS[date.getDay()]}, ${two(date.getDate())} ${MONTHS[date.getMonth()]} ${date.getFullYear()} ${time} ${offsetText(date, '')}`;
}

function iso8601(date: Date, local: boolean): string {
  if (!local) return date.toISOString();
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const time =
    `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.` + `${String(date.getMilliseconds()).padStart(3, '0')}`;
  return `${day}T${time}${offsetText(date, ':')}`;
}

function offsetText(date: Date, separator: string): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const absolute = Math.abs(minutes);
  return `${sign}${two(Math.floor(absolute / 60))}${separator}${two(absolute % 60)}`;
}
