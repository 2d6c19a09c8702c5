import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError, type CliCommand } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/main';
import { OAuthError } from '../../../src/core/auth/oauthErrors';
import { userMessageOf } from '../../../src/core/errors/userMessage';
import { HttpError } from '../../../src/core/http/httpError';
import { PkiError } from '../../../src/core/pki/errors';
import { otherBundleCopy } from '../../support/otherBundleCopy';

const other = {
  pki: otherBundleCopy<typeof import('../../../src/core/pki/errors')>('core/pki/errors'),
  oauth: otherBundleCopy<typeof import('../../../src/core/auth/oauthErrors')>('core/auth/oauthErrors'),
  http: otherBundleCopy<typeof import('../../../src/core/http/httpError')>('core/http/httpError'),
  cli: otherBundleCopy<typeof import('../../../src/cli/command')>('cli/command'),
  sandbox: otherBundleCopy<typeof import('../../../src/sandbox/sandboxErrors')>('sandbox/sandboxErrors'),
};

/** Runs the CLI with one command, `fail`, that throws what it is given. */
async function thrownThroughCli(error: unknown) {
  const fail: CliCommand = { path: ['fail'], summary: 'Throws', usage: 'thredd fail', options: {}, run: () => Promise.reject(error) };
  let stdout = '';
  let stderr = '';
  const debug = process.env.THREDD_DEBUG;
  delete process.env.THREDD_DEBUG;
  try {
    const io = { out: (text: string) => (stdout += text), err: (text: string) => (stderr += text), env: {}, cwd: process.cwd() };
    const code = await runCli(['fail'], io, [fail]);
    return { code, stdout, stderr };
  } finally {
    if (debug !== undefined) process.env.THREDD_DEBUG = debug;
  }
}

// The extension loads the PKI and transport code from bundles of their own (dist/lazy/), and the CLI
// each command from its own bundle: each has its own copy of the error classes, UserError included.
describe("user errors made by another bundle's copy of their class", () => {
  it("are recognised, with their own wording, by userMessageOf (the check VS Code's showUserError makes)", () => {
    const pki = new other.pki.PkiError('wrong-passphrase', 'The passphrase of app.pfx is wrong.');
    assert.notEqual(other.pki.PkiError, PkiError, 'a copy with its own class object');
    assert.ok(pki instanceof PkiError);
    assert.equal(userMessageOf(pki), 'The passphrase of app.pfx is wrong.');
    const refused = 'Token request refused (HTTP 400): invalid_scope';
    const oauth = new other.oauth.OAuthError(refused, 'token', 'https://x/token', 400, 'Ask only for granted scopes.');
    assert.ok(oauth instanceof OAuthError);
    assert.equal(userMessageOf(oauth), `${refused}. Hint: Ask only for granted scopes.`);
    const http = new other.http.HttpError('dns', 'x.invalid could not be resolved.', 'Check the spelling.', 'https://x.invalid');
    assert.ok(http instanceof HttpError);
    assert.equal(userMessageOf(http), 'x.invalid could not be resolved. Check the spelling.');
  });

  it("are printed by the CLI's main as one line, with a CliError's exit code", async () => {
    const usage = await thrownThroughCli(new other.cli.CliError('--days must be a whole number.', 2));
    assert.deepEqual(usage, { code: 2, stdout: '', stderr: 'thredd: --days must be a whole number.\n' });
    const sandbox = await thrownThroughCli(new other.sandbox.SandboxError('Port 8443 is in use.', 'Stop the other sandbox.'));
    assert.deepEqual(sandbox, { code: 1, stdout: '', stderr: 'thredd: Port 8443 is in use. Stop the other sandbox.\n' });
    const pki = await thrownThroughCli(new other.pki.PkiError('no-key', 'app.pem holds no private key.'));
    assert.deepEqual(pki, { code: 1, stdout: '', stderr: 'thredd: app.pem holds no private key.\n' });
  });

  it('are not confused with look-alikes: an Error that only has the name, or a "userFacing" flag, is a bug', async () => {
    const named = Object.assign(new Error('The passphrase of app.pfx is wrong.'), { name: 'PkiError', code: 'wrong-passphrase' });
    assert.equal(named instanceof PkiError, false);
    assert.equal(userMessageOf(named), undefined);
    assert.equal(userMessageOf(Object.assign(new Error('flagged'), { userFacing: true })), undefined);
    const cliLookAlike = Object.assign(new Error('bad option'), { name: 'CliError', exitCode: 2 });
    assert.equal(cliLookAlike instanceof CliError, false);
    const printed = await thrownThroughCli(cliLookAlike);
    assert.equal(printed.code, 1);
    assert.equal(printed.stderr, 'thredd: unexpected error: bad option (set THREDD_DEBUG=1 for details)\n');
  });
});
