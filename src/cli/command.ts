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

  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** Option values as node:util parseArgs returns them. */
export type CliValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CliCommand {
  /** Words that select the command, e.g. ["config", "check"]. */
  path: string[];
  summary: string;
  usage: string;
  options: CliOptions;
  run(values: CliValues, positionals: string[], io: CliIo): Promise<number>;
}

/**
 * A command listed by path and summary whose code loads when it runs: `thredd run` must not pay for
 * the sandbox's oidc-provider, nor `thredd --version` for anything.
 */
export interface LazyCliCommand {
  path: string[];
  summary: string;
  load(): Promise<CliCommand>;
}

export type CliCommandEntry = CliCommand | LazyCliCommand;
