import type { CliCommand } from './command';
import { configCheckCommand } from './commands/configCheck';
import { certInspectCommand } from './commands/certInspect';
import { certPfxCommand } from './commands/certPfx';
import { csrCommand } from './commands/csr';

/** Every CLI subcommand; later features add theirs here. */
export const CLI_COMMANDS: readonly CliCommand[] = [configCheckCommand, csrCommand, certInspectCommand, certPfxCommand];
