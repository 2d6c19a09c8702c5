import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { isUserError } from '../core/errors/userError';
import { CliError, type CliCommand, type CliCommandEntry, type CliIo } from './command';
import { CLI_COMMANDS } from './registry';

/**
 * Runs the `thredd` CLI and returns its exit code. Every error the user can fix, from whichever
 * command bundle, becomes one line on stderr here; anything else is a bug and says so.
 */
export async function runCli(argv: string[], io: CliIo, commands: readonly CliCommandEntry[] = CLI_COMMANDS): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.out(generalHelp(commands));
      return 0;
    }
    if (argv[0] === '--version' || argv[0] === '-v') {
      io.out(`${version}\n`);
      return 0;
    }
    const entry = findCommand(argv, commands);
    const command = 'load' in entry ? await entry.load() : entry;
    const rest = argv.slice(command.path.length);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${command.summary}\n\nUsage: ${command.usage}\n`);
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

function findCommand(argv: string[], commands: readonly CliCommandEntry[]): CliCommandEntry {
  const matches = commands.filter((command) => command.path.every((word, index) => argv[index] === word));
  const best = matches.sort((a, b) => b.path.length - a.path.length)[0];
  if (best) return best;
  const group = commands.filter((command) => command.path[0] === argv[0]);
  if (group.length > 0) {
    throw new CliError(`"${argv.join(' ')}" is not a command. Try: ${group.map((command) => command.path.join(' ')).join(', ')}.`);
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

function generalHelp(commands: readonly CliCommandEntry[]): string {
  const width = Math.max(...commands.map((command) => command.path.join(' ').length));
  const lines = commands.map((command) => `  ${command.path.join(' ').padEnd(width)}  ${command.summary}`);
  return [
    `thredd ${version}: Thredd keys, certificates, tokens and requests from the command line`,
    '',
    'Usage: thredd <command> [options]   (thredd <command> --help for its options)',
    '',
    'Commands:',
    ...lines,
    '',
    'Options: --help, --version; most commands take --json for machine-readable output.',
    '',
  ].join('\n');
}

/** Bugs still get one readable line; set THREDD_DEBUG=1 to see the stack. */
function describeUnexpected(error: unknown): string {
  if (process.env.THREDD_DEBUG) return String((error as Error)?.stack ?? error);
  return `unexpected error: ${(error as Error)?.message ?? String(error)} (set THREDD_DEBUG=1 for details)`;
}
