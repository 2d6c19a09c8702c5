import type { TextRange } from './types';

/** One problem in thredd.json: where it is, what is wrong and what to do about it. */
export interface ConfigDiagnostic {
  file: string;
  range: TextRange;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
}

/** `thredd.json:12:5: error: ... Fix: ...` with one-based line and column, as compilers print. */
export function formatConfigDiagnostic(diagnostic: ConfigDiagnostic): string {
  const { line, column } = diagnostic.range.start;
  return `${diagnostic.file}:${line + 1}:${column + 1}: ${diagnostic.severity}: ${diagnostic.message} Fix: ${diagnostic.fix}`;
}

export function hasErrors(diagnostics: readonly ConfigDiagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
