import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CliCommand } from '../../../src/cli/command';
import { CLI_COMMANDS, loadCommand } from '../../../src/cli/registry';

const COMMANDS_DIR = path.resolve(__dirname, '..', '..', '..', 'src', 'cli', 'commands');

function isCommand(value: unknown): value is CliCommand {
  const command = value as Partial<CliCommand> | null;
  return typeof command === 'object' && command !== null && Array.isArray(command.path) && typeof command.run === 'function';
}

describe('the CLI registry (src/cli/commands.json)', () => {
  it('names for each command a module and export whose command has the listed path and summary', () => {
    for (const entry of CLI_COMMANDS) {
      const command = loadCommand(entry);
      assert.deepEqual([command.path, command.summary], [entry.path, entry.summary], `${entry.module}.${entry.export}`);
    }
  });

  it('lists every command the command modules export, each path once', () => {
    const listed = new Set(CLI_COMMANDS.map((entry) => `${entry.module}.${entry.export}`));
    for (const file of fs.readdirSync(COMMANDS_DIR).filter((name) => name.endsWith('.ts'))) {
      const module = path.basename(file, '.ts');
      for (const [name, value] of Object.entries(require(path.join(COMMANDS_DIR, module)) as Record<string, unknown>)) {
        if (!isCommand(value)) continue;
        assert.ok(listed.has(`${module}.${name}`), `${module}.${name} ("thredd ${value.path.join(' ')}") is missing from commands.json`);
      }
    }
    const paths = CLI_COMMANDS.map((entry) => entry.path.join(' '));
    assert.deepEqual(paths, [...new Set(paths)]);
  });

  it('refuses an entry whose module lacks the named export, naming both', () => {
    const misspelt = { path: ['token'], summary: 'x', module: 'token', export: 'tokenCommandd' };
    assert.throws(() => loadCommand(misspelt), /src\/cli\/commands\/token exports no "tokenCommandd"/);
  });
});
