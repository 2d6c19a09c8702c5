import type { HistoryEntry } from '../../core/runner/history';
import type { RunResult } from '../../core/runner/types';

/** A history entry in the shape the response view shows (its body is the start kept in history). */
export function resultFromHistory(entry: HistoryEntry): RunResult {
  const response = entry.response && {
    ...entry.response,
    body: { kind: 'memory' as const, bytes: Buffer.from(entry.response.text ?? '', 'utf8') },
    redirects: [],
  };
  return { ...entry, response, dependencies: [] };
}
