import { createReadStream, createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import { readCsv, type ReadCsvOptions } from './read-csv.ts';
import { readJsonl } from './read-jsonl.ts';
import { readXlsx } from './read-xlsx.ts';
import type { RowSource, TableFormat, TableRow } from './table-row.ts';
import { writeCsv } from './write-csv.ts';
import { writeJsonl } from './write-jsonl.ts';
import { writeXlsx } from './write-xlsx.ts';

/**
 * Guesses a table format from a file name.
 * @example tableFormatOf('out.xlsx') // → 'xlsx'
 */
export function tableFormatOf(path: string): TableFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  throw new Error(`unknown table format for ${path} (expected .csv, .tsv, .xlsx or .jsonl)`);
}

/**
 * Streams the rows of a table file in any supported format — the entry point for the CLI
 * (`edubridge deid risk --in out.csv`). TSV files are read as CSV with a tab delimiter.
 * @example for await (const row of readTableFile('roster.xlsx')) …
 */
export function readTableFile(path: string, options: ReadCsvOptions = {}): AsyncGenerator<TableRow> {
  const format = tableFormatOf(path);
  if (format === 'xlsx') return readXlsx(path);
  if (format === 'jsonl') return readJsonl(createReadStream(path));
  const delimiter = options.delimiter ?? (extname(path).toLowerCase() === '.tsv' ? '\t' : ',');
  return readCsv(createReadStream(path), { ...options, delimiter });
}

/**
 * Streams rows into a table file whose format follows the extension.
 * @example await writeTableFile('out.csv', rows, ['年龄', '性别', '地区']);
 */
export async function writeTableFile(path: string, rows: RowSource, columns: readonly string[]): Promise<void> {
  const format = tableFormatOf(path);
  const sink = createWriteStream(path);
  if (format === 'xlsx') return writeXlsx(rows, columns, sink);
  if (format === 'jsonl') return writeJsonl(rows, sink, columns);
  return writeCsv(rows, columns, sink);
}
