import type { ScriptTranslation } from './scripts/translateScript';

const LABEL = { prerequest: 'pre-request script', test: 'test script' } as const;

/** The lines of a script that were not translated, as comments under a heading that says they do not run. */
export function scriptComments(script: ScriptTranslation, owner = 'Postman'): string[] {
  if (script.keptLines.length === 0) return [];
  return [`${owner} ${LABEL[script.listen]}, NOT RUN by Thredd:`, ...script.keptLines.map((line) => `  ${line.replace(/\t/g, '  ')}`)];
}
