/** What a run session takes and gives back: files × iterations, each request's result tagged with both. */
import type { ParsedRequestFile } from '../requestFile/types';
import type { RequestRunner } from '../runner/requestRunner';
import type { ResponseStore } from '../runner/responseStore';
import type { PlannedRequest, RunContext, RunResult } from '../runner/types';

/** A request file to run, already parsed (from disk by readRequestFile, or an editor's document). */
export interface SessionFile {
  /** Absolute path: body files and `.env` are found relative to it. */
  path: string;
  /** As reports name it (the CLI: relative to the working folder). */
  shown: string;
  parsed: ParsedRequestFile;
  /**
   * Indexes of the requests to run, in this order (default: all of them, in file order). Named
   * requests they read from still run first, as RequestRunner.run does; an index the file does not
   * have gives a result with a "no-request" error.
   */
  requests?: readonly number[];
}

export interface SessionIteration {
  /** 1 for the first iteration. */
  number: number;
  /** This iteration's row of `iterationVariables`, if the session was given rows. */
  variables?: Readonly<Record<string, string>>;
}

/**
 * What a request of `file` runs with in one iteration. The session adds the file path, the signal and
 * the result callback; without a `store` each file gets a new ResponseStore per iteration.
 */
export type SessionContext = Omit<RunContext, 'filePath' | 'store' | 'signal' | 'onResult'> & { store?: ResponseStore };

export interface RunSessionOptions {
  runner: Pick<RequestRunner, 'run' | 'plan'>;
  files: readonly SessionFile[];
  /** Called once per file and iteration, before anything is sent. */
  contextFor(file: SessionFile, iteration: SessionIteration): SessionContext | Promise<SessionContext>;
  /** How often every file runs, each time with new response stores. Default: one per row of iterationVariables, else 1. */
  iterations?: number;
  /**
   * One row of values per iteration (a row of a data file); iterations past the last row have none.
   * They reach `contextFor` with their iteration, and requests resolve with them above the context's own
   * runVariables, file variables and the environment (newman: data over environment over collection).
   */
  iterationVariables?: readonly Readonly<Record<string, string>>[];
  /**
   * Requests in flight at most. 1 (the default) keeps file order exactly. Above 1, requests that read
   * each other's responses still run one at a time in file order (see chainLanes); others overlap.
   */
  concurrency?: number;
  /** Milliseconds to wait before each request after the first (newman's --delay-request); with concurrency, per connection. */
  delayMs?: number;
  /** Stop at the first request that fails or misses an expectation: nothing more starts, requests in flight are aborted. */
  bail?: boolean;
  /** Aborts the session: requests in flight stop (their results say "cancelled") and nothing more starts. */
  signal?: AbortSignal;
  /** Resolve each request as it would be sent (`plan`) instead of sending it. */
  dryRun?: boolean;
  /** Each event as it happens; see SessionEvent. */
  onEvent?: (event: SessionEvent) => void;
}

/** Where an event belongs: a file in one iteration. */
export interface SessionGroupRef {
  file: SessionFile;
  iteration: number;
}

export type SessionEvent =
  /** The turn of a file in an iteration has come (also when none of its requests is selected). */
  | ({ kind: 'file' } & SessionGroupRef)
  /**
   * A request finished, including a named request run first because another reads its response. Results come
   * in run order: one that finishes before an earlier request is held until that one has finished.
   */
  | ({ kind: 'result'; result: RunResult } & SessionGroupRef)
  /** Dry runs: a request as it would be sent. */
  | ({ kind: 'plan'; plan: PlannedRequest } & SessionGroupRef);

/** A file in one iteration, with what it gave in run order (a request's dependencies just before it). */
export interface SessionGroup extends SessionGroupRef {
  results: RunResult[];
  plans: PlannedRequest[];
}

export interface SessionSummary {
  /** The files of each iteration whose turn came, in run order (iteration by iteration, files in the order given). */
  groups: SessionGroup[];
  iterations: number;
  dryRun: boolean;
  elapsedMs: number;
  /** Why the session ended before its last request: the first failure (bail) or the caller's signal. */
  stopped?: 'bail' | 'aborted';
}
