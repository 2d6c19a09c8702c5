/**
 * What the EHI endpoint check and the EHI simulator report: findings with a status, built and counted one way,
 * so the CLI, its JSON and the report view never disagree about what passed.
 */

export type FindingStatus = 'pass' | 'warn' | 'fail';

/** One result: what was seen and, when it is not a pass, one sentence on what to change (`fix`, empty for a pass). */
export interface EhiFinding {
  id: string;
  status: FindingStatus;
  message: string;
  fix: string;
}

export function pass(id: string, message: string): EhiFinding {
  return { id, status: 'pass', message, fix: '' };
}

export function warn(id: string, message: string, fix: string): EhiFinding {
  return { id, status: 'warn', message, fix };
}

export function fail(id: string, message: string, fix: string): EhiFinding {
  return { id, status: 'fail', message, fix };
}

/** How many findings (or messages, each with its worst status) passed, warned and failed. */
export function countByStatus(items: readonly { status: FindingStatus }[]): Record<FindingStatus, number> {
  const counts: Record<FindingStatus, number> = { pass: 0, warn: 0, fail: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** A report is ok as long as nothing failed: warnings do not fail it. */
export function noneFailed(items: readonly { status: FindingStatus }[]): boolean {
  return items.every((item) => item.status !== 'fail');
}

const RANK: Record<FindingStatus, number> = { pass: 0, warn: 1, fail: 2 };

/** The worst status among the findings; pass when there are none. */
export function worstStatus(items: readonly { status: FindingStatus }[]): FindingStatus {
  return items.reduce<FindingStatus>((result, item) => (RANK[item.status] > RANK[result] ? item.status : result), 'pass');
}
