import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RowSource } from './table-row.ts';

/**
 * Streams rows into a one-sheet XLSX workbook with ExcelJS's streaming writer: each row is committed as
 * soon as it is added, so memory stays flat for large exports. The caller owns `sink` (it is ended by the
 * writer when the workbook is complete).
 * @example await writeXlsx(rows, ['年级', '性别'], fs.createWriteStream('out.xlsx'), '去标识化数据');
 */
export async function writeXlsx(rows: RowSource, columns: readonly string[], sink: Writable, sheetName = 'data'): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...columns]).commit();
  for await (const row of rows as AsyncIterable<Record<string, unknown>>) {
    sheet.addRow(columns.map((c) => row[c] ?? null)).commit();
  }
  sheet.commit();
  await workbook.commit();
}
