// Runs every case of the bad-input corpus (test/fixtures/bad/cases.ts) through the product as a user
// would meet it, and checks what the user is told: the case's specific message, never a stack trace
// or an "unexpected error", within a time limit, in a short output, and with no file left behind.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { userMessageOf } from '../../../src/core/errors/userMessage';
import { CASES, type ServerBehaviour } from '../../fixtures/bad/cases';
import { startBadServers, type BadServers } from './badServers';
import { createWorkspace, snapshot } from './caseWorkspace';
import { generateFiles, type GeneratedFiles } from './generatedFiles';
import { runCase } from './runCase';

/** Generous for a slow CI machine; the slowest case (a 1 s "# @timeout", twice) takes about 3 s. */
const CASE_TIMEOUT_MS = 20_000;
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
const BUG_WORDING = /unexpected error|failed unexpectedly|THREDD_DEBUG/;
/** A message is one paragraph per problem; 20 KB means something (a 1 MB line, a body) was echoed. */
const MAX_SHOWN_CHARS = 20_000;

describe('bad-input corpus', () => {
  let generated: GeneratedFiles;
  let servers: BadServers;

  before(async () => {
    generated = await generateFiles();
    const behaviours = new Map<string, ServerBehaviour>(
      CASES.flatMap((testCase) => (testCase.server ? [[testCase.id, testCase.server] as const] : [])),
    );
    servers = await startBadServers(generated.ca, behaviours);
  });
  after(() => servers.close());

  it('has unique case ids', () => {
    assert.equal(new Set(CASES.map((testCase) => testCase.id)).size, CASES.length);
  });

  for (const testCase of CASES) {
    it(`${testCase.id}: ${testCase.about}`, { timeout: CASE_TIMEOUT_MS }, async () => {
      const workspace = createWorkspace(testCase, generated.files, servers);
      try {
        const before = snapshot(workspace.dir);
        const outcome = await runCase(testCase, workspace);
        const { shown } = outcome;
        for (const pattern of testCase.expect) assert.match(shown, pattern);
        assert.doesNotMatch(shown, STACK_FRAME, 'no stack trace');
        assert.doesNotMatch(shown, BUG_WORDING, 'a user error, not a bug');
        assert.ok(shown.length < MAX_SHOWN_CHARS, `a short message, not ${shown.length} characters`);
        if (outcome.exitCode !== undefined) assert.equal(outcome.exitCode, testCase.exit ?? 1, shown);
        for (const error of outcome.thrown)
          assert.ok(userMessageOf(error), `the core threw a bug, not a user error: ${(error as Error)?.stack ?? String(error)}`);
        for (const error of outcome.runErrors) assert.notEqual(error.kind, 'unknown', `the runner failed unexpectedly: ${error.message}`);
        assert.deepEqual(snapshot(workspace.dir), before, 'no file added, changed or left behind');
      } finally {
        workspace.remove();
      }
    });
  }
});
