import { CliError } from '../command';

/** Thredd's own `.thredd` files and REST Client's `.http` and `.rest`. */
const REQUEST_FILE = /\.(thredd|http|rest)$/i;

/**
 * Refuses a FILE argument that is not a request file, before anything reads it. `named` is the file as the user
 * wrote it (for the message), `takes` what the command takes, and `tested` the path whose extension counts.
 */
export function requireRequestFile(named: string, takes: string, tested = named): void {
  if (!REQUEST_FILE.test(tested)) throw new CliError(`${named} is not a request file: ${takes}.`);
}
