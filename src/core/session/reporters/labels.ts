import type { SessionFile, SessionGroup, SessionSummary } from '../types';

/** A request as reports name it: its @name, else its title, else its place in the file. */
export function labelOf(item: { name?: string; title?: string; requestIndex: number }): string {
  return item.name ?? item.title ?? `request ${item.requestIndex + 1}`;
}

/** ` [iteration 2]` after names when the session ran more than once, so each run's results stay apart; else nothing. */
export function iterationSuffix(summary: Pick<SessionSummary, 'iterations'>, iteration: number): string {
  return summary.iterations > 1 ? ` [iteration ${iteration}]` : '';
}

/** The session's groups by file, in the order files first ran (reports with one section per file). */
export function groupsByFile(groups: readonly SessionGroup[]): { file: SessionFile; groups: SessionGroup[] }[] {
  const byFile = new Map<SessionFile, SessionGroup[]>();
  for (const group of groups) {
    const fileGroups = byFile.get(group.file);
    if (fileGroups) fileGroups.push(group);
    else byFile.set(group.file, [group]);
  }
  return [...byFile].map(([file, fileGroups]) => ({ file, groups: fileGroups }));
}
