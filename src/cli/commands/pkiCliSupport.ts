import * as path from 'node:path';
import { CliError, type CliIo, type CliValues } from '../command';

/**
 * Secrets come from an environment variable named on the command line, never from argv itself
 * (argv shows up in `ps` and shell history).
 */
export function passphraseFromEnv(values: CliValues, option: string, io: CliIo): string | undefined {
  const variable = values[option];
  if (typeof variable !== 'string') return undefined;
  const value = io.env[variable];
  if (value === undefined) throw new CliError(`--${option} names ${variable}, but that environment variable is not set.`);
  if (value === '') throw new CliError(`--${option} names ${variable}, which is empty: set it to the passphrase.`);
  return value;
}

export function stringOption(values: CliValues, option: string): string | undefined {
  const value = values[option];
  return typeof value === 'string' ? value : undefined;
}

/** A whole-number option from `min` (to `max`, when given), or undefined when not given. */
export function wholeNumber(values: CliValues, option: string, min: number, max?: number): number | undefined {
  const given = stringOption(values, option);
  if (given === undefined) return undefined;
  const number = Number(given);
  if (!/^\d+$/.test(given.trim()) || !Number.isSafeInteger(number) || number < min || (max !== undefined && number > max)) {
    const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new CliError(`--${option} must be a whole number ${range}, not "${given}".`);
  }
  return number;
}

export function filePath(io: CliIo, file: string): string {
  return path.resolve(io.cwd, file);
}
