import type { CliCommand } from './command';
import { configCheckCommand } from './commands/configCheck';
import { certInspectCommand } from './commands/certInspect';
import { certPfxCommand } from './commands/certPfx';
import { csrCommand } from './commands/csr';
import { assertionCommand } from './commands/assertion';
import { dcrDeleteCommand, dcrGetCommand, dcrRegisterCommand, dcrUpdateCommand } from './commands/dcr';
import { introspectCommand } from './commands/introspect';
import { tokenCommand } from './commands/token';
import { sandboxServeCommand } from './commands/sandboxServe';
import { sandboxInitCommand } from './commands/sandboxInit';
import { sandboxIssueCommand } from './commands/sandboxIssue';
import { runCommand } from './commands/run';

/** Every CLI subcommand; later features add theirs here. */
export const CLI_COMMANDS: readonly CliCommand[] = [configCheckCommand, csrCommand, certInspectCommand, certPfxCommand,
  assertionCommand, tokenCommand, introspectCommand, dcrRegisterCommand, dcrGetCommand, dcrUpdateCommand, dcrDeleteCommand,
  runCommand,
  sandboxServeCommand, sandboxInitCommand, sandboxIssueCommand];
