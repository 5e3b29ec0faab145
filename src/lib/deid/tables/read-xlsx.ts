import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText, toCellValue, type TableRow } from './table-row.ts';

export interface ReadXlsxOptions {
  /** 1-based index of the worksheet to read; default the first. */
  sheet?: number;
}

/**
 * Streams the rows of one worksheet with ExcelJS's streaming reader (the workbook is never loaded whole).
 * The first non-empty row is the header; later rows become {@link TableRow}s with numbers, dates and
 * booleans kept as such.
 * @example for await (const row of readXlsx(fs.createReadStream('roster.xlsx'))) …
 */
export async function* readXlsx(input: Readable | string, options: ReadXlsxOptions = {}): AsyncGenerator<TableRow> {
  const wanted = options.sheet ?? 1;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // needed to recognise date-formatted numbers
    entries: 'ignore',
  });
  let index = 0;
  for await (const sheet of reader) {
    index++;
    if (index !== wanted) {
      // Drain the sheet so the reader can move on.
      for await (const _row of sheet) void _row;
      continue;
    }
    let header: string[] | null = null;
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1); // ExcelJS rows are 1-based
      if (!header) {
        if (values.every((v) => v === null || v === undefined || v === '')) continue;
        header = values.map((v) => cellText(toCellValue(v)).trim());
        continue;
      }
      const out: TableRow = {};
      header.forEach((name, i) => {
        if (name !== '') out[name] = toCellValue(values[i]);
      });
      yield out;
    }
    return;
  }
}
