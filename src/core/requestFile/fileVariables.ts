import { DiagnosticSink, lineRange, skipSpaces, trimmedEnd } from './lines';
import { scanReferences, truncate } from './references';
import type { FileVariable } from './types';

const FILE_VARIABLE_NAME = /^[\w.-]+$/;

/**
 * `@name = value` (REST Client's file variables): file-wide, and a later declaration of the same name
 * wins. The duplicate warning needs the declarations above, so the file assembler gives it (see
 * duplicateFileVariable).
 */
export function parseFileVariable(text: string, line: number, start: number, sink: DiagnosticSink): FileVariable | undefined {
  let nameEnd = start + 1;
  while (nameEnd < text.length && text[nameEnd] !== '=' && text[nameEnd] !== ' ' && text[nameEnd] !== '\t') nameEnd++;
  const name = text.slice(start + 1, nameEnd);
  const equals = skipSpaces(text, nameEnd);
  const end = trimmedEnd(text);
  if (text[equals] !== '=' || name === '') {
    const shown = truncate(text.slice(start, end));
    sink.add(
      lineRange(line, start, end),
      'error',
      'malformed-file-variable',
      `"${shown}" is neither a file variable nor metadata: write "@name = value" to declare a variable, or "# @name value" for metadata.`,
    );
    return undefined;
  }
  if (!FILE_VARIABLE_NAME.test(name)) {
    sink.add(
      lineRange(line, start + 1, nameEnd),
      'error',
      'malformed-file-variable',
      `"${truncate(name)}" is not a variable name: use letters, digits, _, - and .`,
    );
    return undefined;
  }
  const valueStart = skipSpaces(text, equals + 1);
  const valueEnd = Math.max(valueStart, end);
  const variable: FileVariable = {
    name,
    value: text.slice(valueStart, valueEnd),
    range: lineRange(line, start, Math.max(valueEnd, equals + 1)),
    nameRange: lineRange(line, start + 1, nameEnd),
    valueRange: lineRange(line, valueStart, valueEnd),
    references: [],
  };
  scanReferences(text, line, valueStart, valueEnd, 'fileVariable', variable.references, sink);
  return variable;
}

/** The warning for a file variable declared again; `previousLine` is the zero-based line of the last declaration. */
export function duplicateFileVariable(variable: FileVariable, previousLine: number, sink: DiagnosticSink) {
  return sink.add(
    variable.nameRange,
    'warning',
    'duplicate-file-variable',
    `@${variable.name} is already declared on line ${previousLine + 1}; this later value wins. Remove one of them.`,
  );
}
