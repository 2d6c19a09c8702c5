import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequestFile } from '../../../src/core/requestFile';
import { ResponseStore } from '../../../src/core/runner/responseStore';
import type { RunResult } from '../../../src/core/runner/types';
import { runSession, type RunSessionOptions } from '../../../src/core/session';

describe('runSession at scale', () => {
  it('reports 150,000 results in run order (iterations × requests past what a spread into push can take)', async () => {
    const file = { path: '/ws/one.thredd', shown: 'one.thredd', parsed: parseRequestFile('GET https://example.test/\n') };
    let sent = 0;
    // A runner that answers at once, as RequestRunner does: the result goes to onResult, then back.
    const runner: RunSessionOptions['runner'] = {
      run: async (_parsed, index, context) => {
        const result = { id: String(sent++), requestIndex: index, ok: true } as unknown as RunResult;
        context.onResult?.(result);
        return result;
      },
      plan: () => Promise.reject(new Error('not a dry run')),
    };
    const store = new ResponseStore();
    let reported = 0;
    let inOrder = true;
    const summary = await runSession({
      runner,
      files: [file],
      iterations: 150_000,
      contextFor: () => ({ store }),
      onEvent: (event) => {
        if (event.kind !== 'result') return;
        inOrder &&= event.result.id === String(reported);
        reported += 1;
      },
    });
    assert.equal(sent, 150_000);
    assert.equal(reported, 150_000);
    assert.equal(inOrder, true, 'results go out in the order they were run');
    assert.equal(summary.groups.length, 150_000);
  });
});
