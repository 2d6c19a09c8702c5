import type { CliCommand } from './command';
import { configCheckCommand } from './commands/configCheck';

/** Every CLI subcommand; later features add theirs here. */
export const CLI_COMMANDS: readonly CliCommand[] = [configCheckCommand];
