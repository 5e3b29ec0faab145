import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { cellText, type RowSource } from './table-row.ts';

export interface WriteCsvOptions {
  /** Prefix a UTF-8 BOM so Excel opens Chinese text correctly; default true. */
  bom?: boolean;
}

/**
 * Streams rows to CSV with a header line in the given column order. Values render through
 * {@link cellText} (dates as ISO dates, null as empty). Back-pressure is honoured, so memory stays flat.
 * @example await writeCsv(rows, ['年级', '性别'], fs.createWriteStream('out.csv'));
 */
export async function writeCsv(rows: RowSource, columns: readonly string[], sink: Writable, options: WriteCsvOptions = {}): Promise<void> {
  const stringifier = stringify({ header: true, columns: [...columns], bom: options.bom ?? true });
  async function* records() {
    for await (const row of rows as AsyncIterable<Record<string, unknown>>) {
      yield columns.map((c) => cellText((row[c] ?? null) as never));
    }
  }
  await pipeline(Readable.from(records()), stringifier, sink);
}
