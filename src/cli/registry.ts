import * as path from 'node:path';
import type { CliCommand, RegisteredCliCommand } from './command';
import commands from './commands.json';

/**
 * Every CLI command, by path and summary: plain data that esbuild.js also reads, to bundle each
 * command module on its own. A command's code (and its dependencies: PKI, undici, oidc-provider)
 * loads only when that command runs.
 */
export const CLI_COMMANDS: readonly RegisteredCliCommand[] = commands;

/**
 * Loads a command's module: src/cli/commands/<module>.ts from the sources, dist/commands/<module>.js
 * (beside dist/cli.js) in the build; esbuild leaves a computed path alone. `require`, not `import()`:
 * Node sends a dynamically imported file through its ESM loader, which first lexes the whole bundle
 * for CommonJS exports (~30 ms of every `thredd run`).
 */
export function loadCommand(entry: RegisteredCliCommand): CliCommand {
  const exports = require(path.join(__dirname, 'commands', entry.module)) as Record<string, CliCommand | undefined>;
  const command = exports[entry.export];
  if (!command) throw new Error(`src/cli/commands/${entry.module} exports no "${entry.export}" (listed in src/cli/commands.json).`);
  return command;
}
