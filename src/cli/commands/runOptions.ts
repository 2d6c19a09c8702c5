import { FAIR_USAGE_CONNECTION_LIMIT } from '../../core/catalogue/fairUsage';
import { VARIABLE_NAME } from '../../core/requestFile/references';
import { CliError, type CliIo, type CliOptions, type CliValues } from '../command';
import { text } from './authSupport';
import { wholeNumber } from './pkiCliSupport';

/** The newman-style options of `thredd run`. */
export const NEWMAN_OPTIONS: CliOptions = {
  data: { type: 'string' },
  iterations: { type: 'string' },
  folder: { type: 'string', multiple: true },
  var: { type: 'string', multiple: true },
  delay: { type: 'string' },
  parallel: { type: 'string' },
  'parallel-cap': { type: 'string' },
};

export const NEWMAN_USAGE =
  '[--data rows.csv|rows.json] [--iterations N] [--folder NAME]... [--request NAME]... [--var NAME=VALUE]... ' +
  '[--delay MS] [--parallel N [--parallel-cap N]]';

/** `--var NAME=VALUE`, repeatable; the value may hold `=`; a later one of the same name wins. */
export function runVariables(values: CliValues): Record<string, string> {
  const given = (values.var as string[] | undefined) ?? [];
  const variables: Record<string, string> = {};
  for (const item of given) {
    const equals = item.indexOf('=');
    const name = equals < 0 ? item : item.slice(0, equals);
    if (equals < 0 || !VARIABLE_NAME.test(name)) {
      const why = equals < 0 ? 'it has no "="' : `"${name}" is not a variable name (a letter or _, then letters, digits, _, . or -)`;
      throw new CliError(`--var ${item}: ${why}. Write --var NAME=VALUE, e.g. --var cardName=Jane (quote values with spaces).`);
    }
    variables[name] = item.slice(equals + 1);
  }
  return variables;
}

/**
 * Requests in flight at once: `--parallel N`, held to Thredd's fair usage limit of 20 concurrent connections
 * per client IP (Using the API: past it the answer is HTTP 403, sub-status 501) unless `--parallel-cap` sets
 * another cap, e.g. for a local server. Above the cap it runs at the cap and says so on stderr.
 */
export function parallelism(values: CliValues, io: CliIo): number {
  const asked = wholeNumber(values, 'parallel', 1) ?? 1;
  const cap = wholeNumber(values, 'parallel-cap', 1);
  if (cap !== undefined && text(values, 'parallel') === undefined) throw new CliError('--parallel-cap only applies with --parallel N.');
  const limit = cap ?? FAIR_USAGE_CONNECTION_LIMIT;
  if (asked <= limit) return asked;
  io.err(
    cap === undefined
      ? `warning: --parallel ${asked} runs ${limit} requests at once: Thredd's fair usage policy allows ${limit} concurrent ` +
          `connections per client IP (more are refused with HTTP 403). Pass --parallel-cap ${asked} to go above it ` +
          '(e.g. for a local server).\n'
      : `warning: --parallel ${asked} runs ${limit} requests at once (--parallel-cap ${limit}).\n`,
  );
  return limit;
}
