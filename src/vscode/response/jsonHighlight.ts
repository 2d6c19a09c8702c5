import { escapeHtml } from '../../core/text/html';

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/**
 * Pretty JSON as HTML with a class per token kind (key, string, number, literal); the stylesheet maps
 * them to theme colours. Undefined when the text is not JSON.
 */
export function highlightJson(text: string): string | undefined {
  let pretty: string;
  try {
    pretty = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
  let html = '';
  let last = 0;
  for (const match of pretty.matchAll(TOKEN)) {
    html += escapeHtml(pretty.slice(last, match.index));
    const [whole, string, colon, literal, number] = match;
    if (string !== undefined)
      html += colon
        ? `<span class="json-key">${escapeHtml(string)}</span>${colon}`
        : `<span class="json-string">${escapeHtml(string)}</span>`;
    else if (literal !== undefined) html += `<span class="json-literal">${literal}</span>`;
    else if (number !== undefined) html += `<span class="json-number">${number}</span>`;
    last = match.index! + whole.length;
  }
  return html + escapeHtml(pretty.slice(last));
}
