import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runLanes } from '../../../src/core/session/laneScheduler';

interface Item {
  order: number;
  lane: string;
}

/** Lanes of items numbered in the order given: `['a', 'b', 'a']` → lane a holds 0 and 2, lane b holds 1. */
function lanes(names: string[]): Item[][] {
  const byLane = new Map<string, Item[]>();
  names.forEach((lane, order) => byLane.set(lane, [...(byLane.get(lane) ?? []), { order, lane }]));
  return [...byLane.values()];
}

/** Runs the lanes with work that finishes when the test says so; records starts and the most at once. */
function controlled(items: Item[][], limit: number, stopped = () => false) {
  const started: number[] = [];
  const pending = new Map<number, () => void>();
  let running = 0;
  let most = 0;
  const done = runLanes(
    items,
    limit,
    (item) => {
      started.push(item.order);
      running += 1;
      most = Math.max(most, running);
      return new Promise<void>((resolve) => pending.set(item.order, () => ((running -= 1), pending.delete(item.order), resolve())));
    },
    stopped,
  );
  const finish = async (order: number) => {
    pending.get(order)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, pending, done, finish, most: () => most };
}

describe('runLanes', () => {
  it('with a limit of 1 starts items in order, whatever their lanes', async () => {
    const run = controlled(lanes(['a', 'b', 'a', 'c', 'b']), 1);
    for (let order = 0; order < 5; order++) await run.finish(order);
    await run.done;
    assert.deepEqual(run.started, [0, 1, 2, 3, 4]);
    assert.equal(run.most(), 1);
  });

  it('runs up to the limit at once, never two of a lane, the earliest ready item first', async () => {
    const run = controlled(lanes(['a', 'a', 'b', 'c', 'd']), 3);
    assert.deepEqual(run.started, [0, 2, 3], 'the second of lane a waits for the first');
    await run.finish(2);
    assert.deepEqual(run.started, [0, 2, 3, 4], 'd is ready, a is busy');
    await run.finish(0);
    assert.deepEqual(run.started, [0, 2, 3, 4, 1]);
    for (const order of [1, 3, 4]) await run.finish(order);
    await run.done;
    assert.equal(run.most(), 3);
  });

  it('starts nothing more once stopped, and settles when the items started have finished', async () => {
    let stop = false;
    const run = controlled(lanes(['a', 'b', 'c', 'd']), 2, () => stop);
    stop = true;
    await run.finish(0);
    let settled = false;
    void run.done.then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled, false, 'item 1 is still running');
    await run.finish(1);
    await run.done;
    assert.deepEqual(run.started, [0, 1]);
  });

  it('rejects with the first failure once the other items started have finished, starting no more', async () => {
    const started: number[] = [];
    let release: () => void = () => undefined;
    const done = runLanes(
      lanes(['a', 'b', 'c']),
      2,
      (item) => {
        started.push(item.order);
        if (item.order === 0) return Promise.reject(new Error('onEvent threw'));
        return new Promise<void>((resolve) => (release = resolve));
      },
      () => false,
    );
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await assert.rejects(done, /onEvent threw/);
    assert.deepEqual(started, [0, 1]);
  });

  it('settles at once when there is nothing to run', async () => {
    await runLanes(
      [],
      4,
      () => assert.fail('nothing to run'),
      () => false,
    );
  });
});
