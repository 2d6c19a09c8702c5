import { applyEdits, modify } from 'jsonc-parser';

/**
 * thredd.json text with one environment added, keeping the user's comments and formatting
 * (jsonc-parser edits the text in place instead of re-serialising it).
 */
export function addEnvironmentToConfigText(text: string, name: string, environment: Record<string, unknown>): string {
  const edits = modify(text, ['environments', name], environment, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  return applyEdits(text, edits);
}
