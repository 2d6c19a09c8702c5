import { performance } from 'node:perf_hooks';
import { ResponseStore } from '../runner/responseStore';
import type { RunContext, RunResult } from '../runner/types';
import { chainLanes } from './chainLanes';
import { runLanes } from './laneScheduler';
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
  const record = (group: Group, result: RunResult) => {
    group.outcome.results.push(result);
    emit({ kind: 'result', file: group.outcome.file, iteration: group.outcome.iteration, result });
    // Any failure starts nothing more; only a scheduled request's own failure aborts what is in flight
    // (see work): a named request run first may fail while the request that read it goes on.
    if (options.bail && !result.ok) bailed = true;
  };
  try {
    const groups = await groupsOf(options, iterations, signal, record);
    let announced = 0;
    // A file's turn comes when its first request starts, or a later file's does (none of its requests was selected).
    const announce = (through: number) => {
      for (; announced <= through; announced++) {
        const { outcome } = groups[announced];
        summary.groups.push(outcome);
        emit({ kind: 'file', file: outcome.file, iteration: outcome.iteration });
      }
    };

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
      const work = async (unit: Unit) => {
        announce(unit.group.position);
        const result = await options.runner.run(unit.group.outcome.file.parsed, unit.index, unit.group.context);
        if (options.bail && !result.ok) abort();
      };
      await runLanes(lanesOf(groups), concurrency, work, stopped);
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
async function groupsOf(
  options: RunSessionOptions,
  iterations: number,
  signal: AbortSignal | undefined,
  record: (group: Group, result: RunResult) => void,
): Promise<Group[]> {
  const lanesByFile = new Map(options.files.map((file) => [file, chainLanes(file.parsed)]));
  const groups: Group[] = [];
  for (let number = 1; number <= iterations; number++) {
    const iteration = { number, variables: options.iterationVariables?.[number - 1] };
    for (const file of options.files) {
      const { store, ...given } = await options.contextFor(file, iteration);
      const onResult = (result: RunResult) => record(group, result);
      const context: RunContext = { ...given, filePath: file.path, store: store ?? new ResponseStore(), signal, onResult };
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
