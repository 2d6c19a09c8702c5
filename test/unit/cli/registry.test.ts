import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLI_COMMANDS } from '../../../src/cli/registry';

describe('the CLI registry', () => {
  it('lists each command with the path and summary its code declares', async () => {
    for (const entry of CLI_COMMANDS) {
      const command = 'load' in entry ? await entry.load() : entry;
      assert.deepEqual([command.path, command.summary], [entry.path, entry.summary], entry.path.join(' '));
    }
  });
});
