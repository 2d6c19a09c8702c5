import type { ParseArgsConfig } from 'node:util';
import { UserError } from '../core/errors/userError';

/** Where a CLI command writes; tests pass buffers, the real CLI passes the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** A wrong use of the CLI (a missing option, a bad value): printed as one line on stderr with its exit code. */
export class CliError extends UserError {
  static override readonly kind: string = 'CliError';

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** Option values as node:util parseArgs returns them. */
export type CliValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What help lists for a command. */
export interface CliCommandListing {
  /**
   * Words that select the command, e.g. ["config", "check"]. Commands that share leading words form
   * a group: `thredd config` lists them.
   */
  path: string[];
  summary: string;
}

export interface CliCommand extends CliCommandListing {
  usage: string;
  options: CliOptions;
  run(values: CliValues, positionals: string[], io: CliIo): Promise<number>;
}

/**
 * A command as src/cli/commands.json lists it: its code loads only when it runs, so `thredd run` does
 * not pay for the sandbox's oidc-provider, nor `thredd --version` for anything.
 */
export interface RegisteredCliCommand extends CliCommandListing {
  /** Its file in src/cli/commands (dist/commands/<module>.js in the build). */
  module: string;
  /** The name that file exports the CliCommand under. */
  export: string;
}

export type CliCommandEntry = CliCommand | RegisteredCliCommand;
