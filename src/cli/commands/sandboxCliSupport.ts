import * as path from 'node:path';
import { sandboxStateDir } from '../../core/sandboxStatus/stateDir';
import { CliError, type CliIo, type CliValues } from '../command';
import { stringOption } from './pkiCliSupport';

/** --state, relative to the working folder; default <workspace or cwd>/.thredd/sandbox. */
export function stateDirOf(values: CliValues, io: CliIo, workspace = io.cwd): string {
  const option = stringOption(values, 'state');
  return option ? path.resolve(io.cwd, option) : sandboxStateDir(workspace);
}

export function portOption(values: CliValues, name: string, fallback: number): number {
  const text = stringOption(values, name);
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new CliError(`--${name} must be a port number from 0 to 65535 (0 picks a free one); got "${text}".`);
  return port;
}

export function daysOption(values: CliValues): number | undefined {
  const text = stringOption(values, 'days');
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text))
    throw new CliError(`--days must be a whole number of days (negative issues an expired certificate: --days=-1); got "${text}".`);
  return Number(text);
}
