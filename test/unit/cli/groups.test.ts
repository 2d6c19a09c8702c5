import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CliCommand, CliCommandEntry } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/main';

/** A command that prints its path and positionals, so a test sees which one ran. */
function command(words: string, summary: string): CliCommand {
  const path = words.split(' ');
  return {
    path,
    summary,
    usage: `thredd ${words} [--id ID]`,
    options: { id: { type: 'string' } },
    run: async (_values, positionals, io) => {
      io.out(`ran ${words}${positionals.map((word) => ` ${word}`).join('')}\n`);
      return 0;
    },
  };
}

// Groups come from the data alone: thredd api and thredd ehi are entries, no code of their own.
const REGISTRY: readonly CliCommandEntry[] = [
  command('api cards get', 'Read a card'),
  command('api cards list', 'List cards'),
  command('api products', 'List the products'),
  command('ehi events', 'Replay External Host Interface events'),
  command('serve', 'Run the server'),
  command('serve init', 'Set up a workspace'),
];

/** Runs the CLI with the test registry, or with thredd's own when `commands` is 'thredd'. */
async function run(argv: string[], commands: readonly CliCommandEntry[] | 'thredd' = REGISTRY) {
  let stdout = '';
  let stderr = '';
  const io = { out: (text: string) => (stdout += text), err: (text: string) => (stderr += text), env: {}, cwd: process.cwd() };
  const code = commands === 'thredd' ? await runCli(argv, io) : await runCli(argv, io, commands);
  return { code, stdout, stderr };
}

describe('CLI command groups', () => {
  it('lists the commands of a group named without a subcommand, with their summaries', async () => {
    assert.deepEqual(await run(['api']), {
      code: 0,
      stdout: [
        'Usage: thredd api <command> [options]   (thredd api <command> --help for its options)',
        '',
        'Commands:',
        '  api cards get   Read a card',
        '  api cards list  List cards',
        '  api products    List the products',
        '',
      ].join('\n'),
      stderr: '',
    });
    assert.deepEqual(await run(['api', '--help']), await run(['api']));
    assert.match((await run(['ehi'])).stdout, /^Commands:\n {2}ehi events {2}Replay External Host Interface events\n$/m);
  });

  it('lists a nested group on its own', async () => {
    const cards = await run(['api', 'cards']);
    assert.equal(cards.code, 0);
    assert.match(cards.stdout, /^Usage: thredd api cards <command>/);
    assert.match(cards.stdout, /api cards get {3}Read a card\n {2}api cards list {2}List cards\n$/);
    assert.doesNotMatch(cards.stdout, /api products/);
  });

  it('runs a subcommand, and refuses an unknown one by listing the group', async () => {
    assert.deepEqual(await run(['api', 'cards', 'get', '--id', '7']), { code: 0, stdout: 'ran api cards get\n', stderr: '' });
    assert.deepEqual(await run(['api', 'cards', 'frob']), {
      code: 1,
      stdout: '',
      stderr: 'thredd: "api cards frob" is not a command. Try: api cards get, api cards list.\n',
    });
    const option = await run(['ehi', '--verbose']);
    assert.deepEqual(option, { code: 1, stdout: '', stderr: 'thredd: "ehi --verbose" is not a command. Try: ehi events.\n' });
  });

  it('runs a command that heads a group, and lists its subcommands after its usage in its help', async () => {
    assert.deepEqual(await run(['serve', 'now']), { code: 0, stdout: 'ran serve now\n', stderr: '' });
    assert.deepEqual(await run(['serve', '--help']), {
      code: 0,
      stdout: 'Run the server\n\nUsage: thredd serve [--id ID]\n\nCommands:\n  serve init  Set up a workspace\n',
      stderr: '',
    });
    const leaf = await run(['serve', 'init', '--help']);
    assert.deepEqual(leaf, { code: 0, stdout: 'Set up a workspace\n\nUsage: thredd serve init [--id ID]\n', stderr: '' });
  });

  it('keeps listing every command in the general help', async () => {
    const help = await run(['--help']);
    for (const entry of REGISTRY) assert.ok(help.stdout.includes(`  ${entry.path.join(' ')} `), entry.path.join(' '));
  });
});

describe('the thredd command groups', () => {
  it('lists the dcr commands for "thredd dcr"', async () => {
    const dcr = await run(['dcr'], 'thredd');
    assert.equal(dcr.code, 0, dcr.stderr);
    const listed = dcr.stdout.slice(dcr.stdout.indexOf('Commands:\n')).split('\n').slice(1, -1);
    assert.deepEqual(
      listed.map((line) => line.trim().split(/ {2,}/)[0]),
      ['dcr register', 'dcr get', 'dcr update', 'dcr delete'],
    );
    assert.match(listed[0], /Register an OAuth client with a software statement/);
  });

  it('shows the sandbox\'s usage, then its init and issue subcommands, for "thredd sandbox --help"', async () => {
    const help = await run(['sandbox', '--help'], 'thredd');
    assert.equal(help.code, 0, help.stderr);
    const [own, subcommands] = help.stdout.split('\n\nCommands:\n');
    assert.match(own, /^Run the local Thredd sandbox .*\n\nUsage: thredd sandbox \[--state DIR\]/);
    assert.match(subcommands, /^ {2}sandbox init +Generate sandbox keys .*\n {2}sandbox issue +Have the sandbox CA issue .*\n$/);
  });
});
