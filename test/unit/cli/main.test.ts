import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { version } from '../../../package.json';

async function run(argv: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text), env: {}, cwd });
  return { code, stdout, stderr };
}

describe('thredd CLI', () => {
  it('prints help listing the commands, and the version', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: thredd <command>/);
    assert.match(help.stdout, /config check\s+Validate thredd\.json/);
    assert.deepEqual(await run(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('answers an unknown command or option with one line on stderr and exit 1', async () => {
    const unknown = await run(['frobnicate']);
    assert.deepEqual(unknown, {
      code: 1,
      stdout: '',
      stderr: 'thredd: Unknown command "frobnicate". Run "thredd --help" to see the commands.\n',
    });
    const badOption = await run(['config', 'check', '--colour']);
    assert.equal(badOption.code, 1);
    assert.match(badOption.stderr, /^thredd: Unknown option '--colour'\. Usage: thredd config check/);
    assert.equal(badOption.stderr.split('\n').length, 2, 'one line');
  });

  it('checks thredd.json and prints each problem with file, line and fix', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thredd-cli-'));
    const file = path.join(dir, 'thredd.json');
    fs.writeFileSync(
      file,
      '{\n  "defaultEnvironment": "prod",\n  "environments": { "uat": { "baseUrl": "https://uat-api.thredd.com" } }\n}\n',
    );
    const bad = await run(['config', 'check'], dir);
    assert.equal(bad.code, 1);
    assert.equal(
      bad.stderr,
      `${file}:2:25: error: "defaultEnvironment" is "prod", which is not in "environments": expected ` +
        `one of: uat. Fix: Set it to one of: uat.\n`,
    );

    fs.writeFileSync(file, '{ "defaultEnvironment": "uat", "environments": { "uat": { "baseUrl": "https://uat-api.thredd.com" } } }');
    const good = await run(['config', 'check', '--json'], dir);
    assert.equal(good.code, 0);
    assert.deepEqual(JSON.parse(good.stdout), {
      file,
      valid: true,
      environments: ['uat'],
      proxies: { uat: 'direct (no proxy configured)' },
      diagnostics: [],
    });
    fs.rmSync(dir, { recursive: true });
  });
});
