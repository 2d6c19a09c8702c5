import { performance } from 'node:perf_hooks';
import { ResponseStore } from '../runner/responseStore';
import type { RunContext, RunResult } from '../runner/types';
import { chainLanes } from './chainLanes';
import { runLanes } from './laneScheduler';
import { InRunOrder } from './runOrder';
import type { RunSessionOptions, SessionEvent, SessionGroup, SessionSummary } from './types';

/** A file in one iteration, as the session runs it; `outcome` is what the summary shows of it. */
interface Group {
  outcome: SessionGroup;
  /** Place in run order. */
  position: number;
  context: RunContext;
  selection: readonly number[];
  lanes: readonly number[];
}

interface Unit {
  order: number;
  group: Group;
  index: number;
}

/**
 * Runs files × iterations through a RequestRunner (the CLI's `thredd run`, the editor's Send All and
 * Send Request): iteration by iteration, each file's selected requests, up to `concurrency` at once.
 * Every file of every iteration has its own ResponseStore (unless `contextFor` gives one), so chained
 * values never cross iterations, even when iterations overlap.
 *
 * Results stream through `onEvent`, a callback rather than an async iterable: requests finish on several
 * connections at once and each result is handed on the moment it exists, with no queue between the
 * session and its reader that could hold results back or lose them when the reader stops early; it is
 * also the shape of RunContext.onResult, which already reports named requests run first. Never rejects
 * for a failed request (that is a result); the promise gives the summary once nothing is in flight.
 */
export async function runSession(options: RunSessionOptions): Promise<SessionSummary> {
  const started = performance.now();
  const iterations = options.iterations ?? options.iterationVariables?.length ?? 1;
  const concurrency = options.concurrency ?? 1;
  for (const [name, value] of Object.entries({ iterations, concurrency })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1, not ${value}`);
  }

  // One controller for bail and the caller's signal. Without either, no signal at all: nothing can
  // abort, and each request is spared the listeners a signal costs.
  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  if (options.signal?.aborted) abort();
  const signal = options.bail || options.signal ? controller.signal : undefined;
  let bailed = false;
  const stopped = () => bailed || controller.signal.aborted;

  const summary: SessionSummary = { groups: [], iterations, dryRun: options.dryRun === true, elapsedMs: 0 };
  const emit = (event: SessionEvent) => options.onEvent?.(event);
  let groups: Group[] = [];
  let announced = 0;
  // A file's turn comes when its first request's results go out, or a later file's do (none of its requests was selected).
  const announce = (through: number) => {
    for (; announced <= through; announced++) {
      const { outcome } = groups[announced];
      summary.groups.push(outcome);
      emit({ kind: 'file', file: outcome.file, iteration: outcome.iteration });
    }
  };
  // Results go out in run order (file order at concurrency 1 and above): a request that finishes before an
  // earlier one waits for it, so reports and progress read like the file whatever overlapped.
  const inOrder = new InRunOrder<{ unit: Unit; result: RunResult }>((_order, { unit, result }) => {
    const { group } = unit;
    announce(group.position);
    group.outcome.results.push(result);
    emit({ kind: 'result', file: group.outcome.file, iteration: group.outcome.iteration, result });
  });
  const record = (unit: Unit, result: RunResult) => {
    // Any failure starts nothing more; only a scheduled request's own failure aborts what is in flight
    // (see work): a named request run first may fail while the request that read it goes on.
    if (options.bail && !result.ok) bailed = true;
    inOrder.add(unit.order, { unit, result });
  };
  try {
    groups = await groupsOf(options, iterations, signal);
    if (options.dryRun) {
      for (const group of groups) {
        if (stopped()) break;
        announce(group.position);
        const { file, iteration, plans } = group.outcome;
        for (const plan of await Promise.all(group.selection.map((index) => options.runner.plan(file.parsed, index, group.context)))) {
          plans.push(plan);
          emit({ kind: 'plan', file, iteration, plan });
        }
      }
    } else {
      let sent = 0;
      const work = async (unit: Unit) => {
        // newman's --delay-request: a pause before every request but the first (per connection when they overlap).
        if (options.delayMs && sent++ > 0) await pause(options.delayMs, controller.signal);
        if (stopped()) return inOrder.finish(unit.order);
        const context = { ...unit.group.context, onResult: (result: RunResult) => record(unit, result) };
        const result = await options.runner
          .run(unit.group.outcome.file.parsed, unit.index, context)
          .finally(() => inOrder.finish(unit.order));
        if (options.bail && !result.ok) abort();
      };
      await runLanes(lanesOf(groups), concurrency, work, stopped);
      inOrder.flush();
    }
    if (!stopped()) announce(groups.length - 1);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  summary.stopped = bailed ? 'bail' : controller.signal.aborted ? 'aborted' : undefined;
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/** Each file of each iteration, in run order, with its context made once. */
async function groupsOf(options: RunSessionOptions, iterations: number, signal: AbortSignal | undefined): Promise<Group[]> {
  const lanesByFile = new Map(options.files.map((file) => [file, chainLanes(file.parsed)]));
  const groups: Group[] = [];
  for (let number = 1; number <= iterations; number++) {
    const iteration = { number, variables: options.iterationVariables?.[number - 1] };
    for (const file of options.files) {
      const { store, ...given } = await options.contextFor(file, iteration);
      // A data row's values win over the run's own (`--var`), as newman's data scope wins over its environment.
      const runVariables = iteration.variables ? { ...given.runVariables, ...iteration.variables } : given.runVariables;
      const context: RunContext = { ...given, runVariables, filePath: file.path, store: store ?? new ResponseStore(), signal };
      const selection = file.requests ?? file.parsed.requests.map((request) => request.index);
      const outcome = { file, iteration: number, results: [], plans: [] };
      const group: Group = { outcome, position: groups.length, context, selection, lanes: lanesByFile.get(file)! };
      groups.push(group);
    }
  }
  return groups;
}

/** The session's requests as lanes (see chainLanes), numbered in run order; an index the file lacks is a lane of its own. */
function lanesOf(groups: readonly Group[]): Unit[][] {
  const all: Unit[][] = [];
  let order = 0;
  for (const group of groups) {
    const lanes = new Map<number, Unit[]>();
    for (const index of group.selection) {
      const unit = { order: order++, group, index };
      const lane = group.lanes[index] ?? -1 - index;
      const units = lanes.get(lane);
      if (units) units.push(unit);
      else lanes.set(lane, [unit]);
    }
    all.push(...lanes.values());
  }
  return all;
}

/** Waits `ms`, or less when the session stops meanwhile. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
