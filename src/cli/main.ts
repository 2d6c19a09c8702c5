import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { isUserError } from '../core/errors/userError';
import { CliError, type CliCommand, type CliCommandEntry, type CliIo } from './command';
import { commandHelp, commandsUnder, generalHelp, groupHelp } from './help';
import { CLI_COMMANDS, loadCommand } from './registry';

const HELP = ['--help', '-h'];

/**
 * Runs the `thredd` CLI and returns its exit code. Every error the user can fix, from whichever
 * command bundle, becomes one line on stderr here; anything else is a bug and says so.
 */
export async function runCli(argv: string[], io: CliIo, commands: readonly CliCommandEntry[] = CLI_COMMANDS): Promise<number> {
  try {
    if (argv.length === 0 || HELP.includes(argv[0]) || argv[0] === 'help') {
      io.out(generalHelp(commands));
      return 0;
    }
    if (argv[0] === '--version' || argv[0] === '-v') {
      io.out(`${version}\n`);
      return 0;
    }
    const entry = findCommand(argv, commands);
    if (!entry) {
      const [group, members] = findGroup(argv, commands);
      io.out(groupHelp(group, members));
      return 0;
    }
    const command = 'module' in entry ? loadCommand(entry) : entry;
    const rest = argv.slice(command.path.length);
    if (rest.some((arg) => HELP.includes(arg))) {
      io.out(commandHelp(command, commandsUnder(command.path, commands)));
      return 0;
    }
    const { values, positionals } = parseCommandArgs(command, rest);
    return await command.run(values, positionals, io);
  } catch (error) {
    if (!isUserError(error)) {
      io.err(`thredd: ${describeUnexpected(error)}\n`);
      return 1;
    }
    io.err(`thredd: ${error.userMessage()}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

/** The command with the longest path that starts argv, if any. */
function findCommand(argv: string[], commands: readonly CliCommandEntry[]): CliCommandEntry | undefined {
  const matches = commands.filter((command) => command.path.every((word, index) => argv[index] === word));
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * The group argv names, with its commands: the longest leading words that other commands' paths
 * continue. Only the group's words (and --help) may follow; anything else is a mistyped command.
 */
function findGroup(argv: string[], commands: readonly CliCommandEntry[]): [string[], CliCommandEntry[]] {
  for (let length = argv.length; length > 0; length--) {
    const group = argv.slice(0, length);
    const members = commandsUnder(group, commands);
    if (members.length === 0) continue;
    if (argv.slice(length).every((arg) => HELP.includes(arg))) return [group, members];
    throw new CliError(`"${argv.join(' ')}" is not a command. Try: ${members.map((command) => command.path.join(' ')).join(', ')}.`);
  }
  throw new CliError(`Unknown command "${argv[0]}". Run "thredd --help" to see the commands.`);
}

function parseCommandArgs(command: CliCommand, args: string[]) {
  try {
    return parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}. Usage: ${command.usage}`);
  }
}

/** Bugs still get one readable line; set THREDD_DEBUG=1 to see the stack. */
function describeUnexpected(error: unknown): string {
  if (process.env.THREDD_DEBUG) return String((error as Error)?.stack ?? error);
  return `unexpected error: ${(error as Error)?.message ?? String(error)} (set THREDD_DEBUG=1 for details)`;
}
