import { CsvError, parse } from 'csv-parse/sync';
import { DataFileError, type DataRow } from './dataFileError';

const FIX_QUOTES = 'Put a field with commas, quotes or line breaks in double quotes, and write a quote inside it twice ("say ""hi""").';

/**
 * The rows of a CSV data file as newman reads one (newman parses with csv-parse too): the first row names the
 * columns; fields may be quoted, with commas, doubled quotes and line breaks inside; a byte order mark and CRLF
 * line ends are fine; blanks around a delimiter are trimmed (not inside quotes); empty lines are skipped; an empty
 * cell is an empty value. Where newman is lenient and loses data silently, we refuse with the line instead: a
 * row with more or fewer cells than the header, a header with an empty or repeated name. Cells stay text as
 * written (newman turns unquoted `007` into the number 7; we keep `007`).
 */
export function csvRows(text: string, name: string): DataRow[] {
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw csvSyntaxError(error, name);
    throw error;
  }
  if (records.length === 0) throw new DataFileError(`${name} is empty.`, 'Write a header row of column names, then one row per iteration.');
  const [header, ...rows] = records;
  const columns = header.record;
  columns.forEach((column, index) => {
    const line = firstLine(header);
    if (column === '') throw new DataFileError(`${name}:${line}: column ${index + 1} of the header has no name.`, 'Name every column.');
    if (columns.indexOf(column) !== index) {
      throw new DataFileError(`${name}:${line}: the header names "${column}" twice.`, 'Give each column its own name.');
    }
  });
  if (rows.length === 0) throw new DataFileError(`${name} has a header but no rows.`, 'Add one row per iteration below the header.');
  return rows.map((row) => {
    if (row.record.length !== columns.length) {
      const cells = `${row.record.length} cell${row.record.length === 1 ? '' : 's'}`;
      throw new DataFileError(
        `${name}:${firstLine(row)}: this row has ${cells}, the header has ${columns.length} (${columns.join(', ')}).`,
        `Give every row one cell per column; an empty cell is fine ("a,,c"). ${FIX_QUOTES}`,
      );
    }
    return Object.fromEntries(columns.map((column, index) => [column, row.record[index]]));
  });
}

/** The line a record starts on: csv-parse counts the line it ends on, and a quoted cell may span several. */
function firstLine(record: { info: { lines: number }; raw: string }): number {
  const breaks = record.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0;
  return record.info.lines - breaks;
}

function csvSyntaxError(error: CsvError, name: string): DataFileError {
  const details = error as CsvError & { lines?: number; index?: number };
  const where = `${name}:${details.lines ?? 1}${details.index !== undefined ? `, cell ${details.index + 1}` : ''}`;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new DataFileError(`${where}: a quoted field opened before this line is never closed (the file ends inside quotes).`, FIX_QUOTES);
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
    return new DataFileError(`${where}: text follows the closing quote of a quoted field.`, FIX_QUOTES);
  }
  return new DataFileError(`${where}: ${error.message.replace(/^[^:]*: /, '')}.`, FIX_QUOTES);
}
