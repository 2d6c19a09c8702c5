import { ConfigEditor } from './configEditor';

/**
 * thredd.json text with one environment added, keeping the user's comments and formatting. An entry of that
 * name is replaced (Add Environment refuses existing names before it gets here). Throws a ConfigEditError
 * naming `file` when the text is not valid JSON.
 */
export function addEnvironmentToConfigText(text: string, name: string, environment: Record<string, unknown>, file = 'thredd.json'): string {
  const editor = ConfigEditor.open(text, file);
  editor.set('environments', name, environment, { force: true });
  return editor.text;
}
