import { parseRequestFile, type ParsedRequestFile } from '../../../src/core/requestFile';
import type { LineAt } from '../../../src/core/apiEditing';

/** A request file as the editor hands it to the API editing support: its parse and its lines. */
export function requestText(lines: readonly string[]): { parsed: ParsedRequestFile; lineAt: LineAt } {
  return { parsed: parseRequestFile(lines.join('\n')), lineAt: (line) => lines[line] };
}

/** Where `needle` (its first character, or `offset` characters in) is in `lines`: zero-based line and column. */
export function positionOf(lines: readonly string[], needle: string, offset = 0): { line: number; column: number } {
  const line = lines.findIndex((text) => text.includes(needle));
  if (line < 0) throw new Error(`"${needle}" is not in the text`);
  return { line, column: lines[line].indexOf(needle) + offset };
}

export const CREATE_CARD_LINE = 'POST {{baseUrl}}/core/api/v1/cards';
