import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type { TableRow } from './table-row.ts';

export interface ReadCsvOptions {
  /** Field delimiter; default ','. */
  delimiter?: string;
  /**
   * Character encoding of the bytes. Default 'utf-8'. Files saved by Excel on mainland systems are often
   * 'gb18030' (a superset of GBK), Hong Kong and Macao ones 'big5'; Node's WHATWG decoder handles both.
   */
  encoding?: string;
}

/**
 * Streams CSV rows as {@link TableRow} objects keyed by the header line, one at a time, so a
 * million-row export never sits in memory whole. A UTF-8 BOM is dropped; cells stay strings.
 * @example for await (const row of readCsv(fs.createReadStream('students.csv'))) console.log(row['姓名']);
 */
export async function* readCsv(
  input: Readable | AsyncIterable<Uint8Array | string> | string | Uint8Array,
  options: ReadCsvOptions = {},
): AsyncGenerator<TableRow> {
  const parser = parse({
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    delimiter: options.delimiter ?? ',',
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const source = typeof input === 'string' || input instanceof Uint8Array ? Readable.from([input]) : Readable.from(input);
  const encoding = (options.encoding ?? 'utf-8').toLowerCase();
  const text = encoding === 'utf-8' || encoding === 'utf8' ? source : source.pipe(decoder(encoding));
  text.on('error', (err) => parser.destroy(err));
  text.pipe(parser);
  for await (const record of parser as AsyncIterable<Record<string, string>>) yield record;
}

/** Decodes legacy encodings (GB18030, Big5) chunk by chunk; multi-byte characters may straddle chunks. */
function decoder(encoding: string): Transform {
  const td = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, td.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, td.decode());
    },
  });
}
