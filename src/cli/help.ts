import { version } from '../../package.json';
import type { CliCommand, CliCommandListing } from './command';

/** The commands below `prefix` (a group's, or a command's own subcommands), in registry order. */
export function commandsUnder<T extends CliCommandListing>(prefix: readonly string[], commands: readonly T[]): T[] {
  return commands.filter((command) => command.path.length > prefix.length && prefix.every((word, index) => command.path[index] === word));
}

/** `thredd --help`: every command. */
export function generalHelp(commands: readonly CliCommandListing[]): string {
  return [
    `thredd ${version}: Thredd keys, certificates, tokens and requests from the command line`,
    '',
    'Usage: thredd <command> [options]   (thredd <command> --help for its options)',
    '',
    'Commands:',
    ...commandLines(commands),
    '',
    'Options: --help, --version; most commands take --json for machine-readable output.',
    '',
  ].join('\n');
}

/** `thredd dcr`: the commands of a group. */
export function groupHelp(group: readonly string[], commands: readonly CliCommandListing[]): string {
  const words = group.join(' ');
  const usage = `Usage: thredd ${words} <command> [options]   (thredd ${words} <command> --help for its options)`;
  return [usage, '', 'Commands:', ...commandLines(commands), ''].join('\n');
}

/** `thredd sandbox --help`: a command's usage, then its subcommands when it also heads a group. */
export function commandHelp(command: CliCommand, subcommands: readonly CliCommandListing[]): string {
  const listing = subcommands.length > 0 ? ['', 'Commands:', ...commandLines(subcommands)] : [];
  return [command.summary, '', `Usage: ${command.usage}`, ...listing, ''].join('\n');
}

function commandLines(commands: readonly CliCommandListing[]): string[] {
  const width = Math.max(...commands.map((command) => command.path.join(' ').length));
  return commands.map((command) => `  ${command.path.join(' ').padEnd(width)}  ${command.summary}`);
}
